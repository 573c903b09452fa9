import type { EventView } from '../model/event-view.js';
import { html, langAttrs, link, time, type Html } from './html.js';
import { layout } from './layout.js';

/**
 * `/events/:id` while the event's comparison is not available (not computed yet, or no compare
 * stage in this process): its articles, so the analyst is never left with nothing.
 */
export function renderEventArticles(e: EventView, why: string): Html {
  const body = html`
<p class="small"><a href="/">← events</a> · <a href="/api/events/${encodeURIComponent(e.id)}">JSON</a></p>
<h1>${e.title}</h1>
<p class="muted">First seen ${time(e.firstSeen)} · last updated ${time(e.lastUpdated)} · ${e.articles.length} articles</p>
<p class="notice">${why}</p>
<table class="list"><thead><tr><th>Published</th><th>Outlet</th><th>Country · language</th><th>Title</th></tr></thead>
<tbody>${e.articles.map((a) => html`<tr><td>${time(a.published)}</td><td>${a.outlet}${a.duplicateOf ? html` <span class="tag">copy</span>` : ''}</td><td>${a.country} · ${a.language}</td>
<td ${langAttrs(a.language)}>${link(a.url, a.title || a.url)}</td></tr>`)}</tbody></table>`;
  return layout(e.title, body);
}
