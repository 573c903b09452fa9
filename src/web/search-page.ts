import type { ArticleHit, EventHit } from '../pipeline/search.js';
import { html, join, langAttrs, link, time, type Html } from './html.js';
import { layout } from './layout.js';

export interface SearchPageModel {
  query: string;
  kind: 'articles' | 'events';
  /** Set when the query could not be run: shown above the box, with its column. */
  error?: { message: string; column?: number };
  total: number;
  totalCapped?: boolean;
  articles: readonly ArticleHit[];
  events: readonly EventHit[];
  /** The URL of the next page of results, if there is one. */
  next?: string;
}

/** A snippet with its matched words in <mark>, every piece escaped. */
function marked(text: string, marks: [number, number][]): Html {
  const parts: Html[] = [];
  let at = 0;
  for (const [a, b] of marks) {
    parts.push(html`${text.slice(at, a)}<mark>${text.slice(a, b)}</mark>`);
    at = b;
  }
  parts.push(html`${text.slice(at)}`);
  return join(parts, '');
}

function articleRow(a: ArticleHit): Html {
  const title = a.eventId ? html`<a href="/events/${encodeURIComponent(a.eventId)}">${a.title || a.url}</a>` : html`${a.title || a.url}`;
  return html`<li ${langAttrs(a.language)}><p class="hit-title">${title}</p>
<p class="muted small">${time(a.published)} · ${a.outlet} · ${a.country} · ${a.language} · ${link(a.url, 'source')}</p>
<p class="snippet">${marked(a.snippet, a.snippetMarks)}</p></li>`;
}

function eventRow(e: EventHit): Html {
  return html`<li><p class="hit-title"><a href="/events/${encodeURIComponent(e.id)}">${e.title}</a></p>
<p class="muted small">${time(e.lastUpdated)} · ${e.matchedArticles} of ${e.articleCount} articles match · ${e.outlets.length} outlets · ${e.languages.join(', ')}</p></li>`;
}

export function renderSearchPage(m: SearchPageModel): Html {
  const tab = (kind: 'articles' | 'events', label: string) =>
    kind === m.kind ? html`<strong>${label}</strong>` : html`<a href="/search?q=${encodeURIComponent(m.query)}&kind=${kind}">${label}</a>`;
  const results = m.error
    ? html`<p class="notice" role="alert">Query error: ${m.error.message}${m.error.column ? html`<br><code>${m.query}</code><br><code>${' '.repeat(m.error.column - 1)}^</code>` : ''}</p>`
    : html`<p class="muted">${m.total}${m.totalCapped ? '+' : ''} ${m.kind} match · ${tab('articles', 'articles')} · ${tab('events', 'events')}</p>
<ol class="hits">${m.kind === 'events' ? m.events.map(eventRow) : m.articles.map(articleRow)}</ol>
${m.next ? html`<p><a href="${m.next}">more results →</a></p>` : ''}`;
  const body = html`
<h1>Search</h1>
<p class="small muted">Words in any of the three languages; AND, OR, NOT, "phrases" and parentheses, as in watchlists.</p>
${results}`;
  return layout(m.query ? `Search: ${m.query}` : 'Search', body);
}
