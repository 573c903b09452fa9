import type { FeedView } from '../store/index.js';
import { ago, html, link, time, type Html } from './html.js';
import { layout } from './layout.js';

export interface FeedsPageData {
  feeds: FeedView[];
  now: Date;
}

/** Failing feeds first (longest streak first), then never-polled, then healthy, by outlet. */
const ORDER = { failing: 0, new: 1, ok: 2 } as const;

function row(f: FeedView, now: Date): Html {
  const backingOff = f.health === 'failing' && f.nextPollAt !== null && new Date(f.nextPollAt) > now;
  return html`<tr data-feed-id="${f.id}" class="${f.health}">
<td><span class="tag ${f.health}">${f.health}</span>${f.active ? '' : html` <span class="tag">inactive</span>`}</td>
<td><strong>${f.outlet}</strong><div class="small">${link(f.url, f.id)}</div></td>
<td>${f.country} · ${f.language}</td>
<td>${time(f.lastSuccessAt)}<div class="muted small">${ago(f.lastSuccessAt, now)}</div></td>
<td class="num">${f.consecutiveErrors}</td>
<td>${f.lastError ? html`<span class="tag failing">${f.lastErrorKind ?? 'error'}${f.lastHttpStatus ? ` ${f.lastHttpStatus}` : ''}</span> ${f.lastError}` : html`<span class="muted">none</span>`}</td>
<td>${f.nextPollAt ? html`${time(f.nextPollAt)}<div class="muted small">${ago(f.nextPollAt, now)}</div>` : html`<span class="muted">every ${f.interval}</span>`}</td>
<td>${backingOff ? html`<span class="tag failing">backing off</span> until ${time(f.nextPollAt)}` : html`<span class="muted">no (every ${f.interval})</span>`}</td>
<td class="num">${f.itemsTotal}${f.blockedLastPoll ? html`<div class="muted small">${f.blockedLastPoll} blocked by rule</div>` : ''}${f.itemsDropped > 0 ? html`<div class="small"><span class="tag failing">capped</span> last poll left out ${f.itemsDropped} older items (cap ${f.maxItems})</div>` : ''}</td>
<td>${rule(f)}</td>
</tr>`;
}

/** The outlet's own extraction rule, and whether it has gone stale (its selector matched nothing). */
function rule(f: FeedView): Html {
  if (!f.extract) return html`<span class="muted">general</span>`;
  const what = f.extract.content ? html`<code>${f.extract.content}</code>` : html`patterns`;
  if (f.ruleMisses === 0) return html`${what}`;
  return html`${what} <span class="tag failing rule-stale">stale?</span><div class="muted small">matched nothing on ${f.ruleMisses} pages, last ${time(f.lastRuleMissAt)}${f.lastRuleMissUrl ? html`: ${link(f.lastRuleMissUrl, 'page')}` : ''}</div>`;
}

/** `/feeds`: the health of every feed, failing ones first. */
export function renderFeedsPage(d: FeedsPageData): Html {
  const feeds = [...d.feeds].sort((a, b) => ORDER[a.health] - ORDER[b.health] || b.consecutiveErrors - a.consecutiveErrors || a.outlet.localeCompare(b.outlet));
  const failing = feeds.filter((f) => f.health === 'failing').length;
  const body = html`
<h1>Feeds</h1>
<p class="muted">${feeds.length} feeds; ${failing} failing. A failing feed is polled again after an exponential back-off from its interval (at most a day, at least what the outlet's Retry-After asked).</p>
<table class="list feeds">
<thead><tr><th>Health</th><th>Feed</th><th>Country · language</th><th>Last success</th><th>Error streak</th><th>Last error</th><th>Next poll</th><th>Back-off</th><th>Items</th><th>Extraction rule</th></tr></thead>
<tbody>${feeds.map((f) => row(f, d.now))}</tbody>
</table>`;
  return layout('Feeds', body);
}
