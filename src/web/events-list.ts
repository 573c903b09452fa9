import type { EventSummary, EventSummaryPage } from '../store/index.js';
import { ago, html, join, time, type Html } from './html.js';
import { layout } from './layout.js';

/** The filters as the analyst set them (query-string values), echoed back into the form and links. */
export interface EventsListFilters {
  country?: string;
  language?: string;
  /** A duration back from now ("24h", "7d"), as in the select. */
  since?: string;
  watchlist?: string;
}

export interface EventsListData {
  page: EventSummaryPage;
  filters: EventsListFilters;
  /** 1-based page number and page size. */
  pageNumber: number;
  pageSize: number;
  /** What the selects offer. */
  options: { countries: string[]; languages: string[]; watchlists: string[] | null };
  now: Date;
}

export const SINCE_CHOICES: [string, string][] = [['', 'any time'], ['6h', 'last 6 hours'], ['24h', 'last 24 hours'], ['7d', 'last 7 days'], ['30d', 'last 30 days']];

const select = (name: string, label: string, current: string | undefined, choices: [string, string][]) => html`
<label>${label}<select name="${name}">${choices.map(([v, text]) => html`<option value="${v}"${v === (current ?? '') ? html` selected` : ''}>${text}</option>`)}</select></label>`;

function query(filters: EventsListFilters, page: number): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) q.set(k, v);
  if (page > 1) q.set('page', String(page));
  const s = q.toString();
  return s ? `/?${s}` : '/';
}

function row(e: EventSummary, now: Date): Html {
  return html`<tr data-event-id="${e.id}">
<td dir="auto"><a href="/events/${encodeURIComponent(e.id)}">${e.title || e.id}</a></td>
<td>${time(e.firstSeen)}</td>
<td>${time(e.lastUpdated)}<div class="muted small">${ago(e.lastUpdated, now)}</div></td>
<td>${join(e.outlets, ', ')}</td>
<td>${join(e.outletCountries, ', ')}${e.countries.length ? html`<div class="muted small">about ${join(e.countries, ', ')}</div>` : ''}</td>
<td>${join(e.languages, ', ')}</td>
<td class="num">${e.articleCount}</td>
</tr>`;
}

/** `/`: events, most recently updated first, filtered and paged. */
export function renderEventsList(d: EventsListData): Html {
  const pages = Math.max(1, Math.ceil(d.page.total / d.pageSize));
  const first = d.page.total === 0 ? 0 : (d.pageNumber - 1) * d.pageSize + 1;
  const last = (d.pageNumber - 1) * d.pageSize + d.page.events.length;
  const any = (xs: string[]): [string, string][] => [['', 'any'], ...xs.map((x): [string, string] => [x, x])];
  const body = html`
<h1>Events</h1>
<form class="filters" method="get" action="/">
${select('country', 'Country', d.filters.country, any(d.options.countries))}
${select('language', 'Language', d.filters.language, any(d.options.languages))}
${select('since', 'Updated', d.filters.since, SINCE_CHOICES)}
${d.options.watchlists ? select('watchlist', 'Watchlist', d.filters.watchlist, any(d.options.watchlists)) : ''}
<button type="submit">Filter</button>
</form>
<p class="muted">${d.page.total === 0 ? 'No events match.' : `Events ${first}–${last} of ${d.page.total}.`}</p>
${d.page.events.length ? html`<table class="list events">
<thead><tr><th>Event</th><th>First seen</th><th>Last updated</th><th>Outlets</th><th>Countries</th><th>Languages</th><th>Articles</th></tr></thead>
<tbody>${d.page.events.map((e) => row(e, d.now))}</tbody>
</table>` : ''}
<div class="pager">
${d.pageNumber > 1 ? html`<a rel="prev" href="${query(d.filters, d.pageNumber - 1)}">← newer</a>` : ''}
<span class="muted">page ${d.pageNumber} of ${pages}</span>
${d.pageNumber < pages ? html`<a rel="next" href="${query(d.filters, d.pageNumber + 1)}">older →</a>` : ''}
</div>`;
  // Filters apply as soon as one is chosen; the button stays for browsers without script.
  return layout('Events', body, `document.querySelectorAll('form.filters select').forEach(s => s.addEventListener('change', () => s.form.submit()));`);
}
