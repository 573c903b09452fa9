import type { Account, Claim, Comparison, Conflict, Contradiction, FigureChange } from '../compare/types.js';
import { html, join, langAttrs, link, time, type Html } from './html.js';
import { layout } from './layout.js';

/** Who wrote an article, as every section names it. */
interface Source {
  outlet: string;
  country: string;
  language: string;
}

function sourcesOf(c: Comparison): Map<string, Source> {
  const m = new Map<string, Source>();
  for (const t of c.timeline) m.set(t.url, t);
  for (const a of c.accounts) {
    m.set(a.url, a);
    for (const copy of a.copies) m.set(copy.url, copy);
  }
  return m;
}

const whoLink = (url: string, sources: Map<string, Source>) => {
  const s = sources.get(url);
  return link(url, s ? `${s.outlet} (${s.country}, ${s.language})` : url);
};
const whoList = (urls: string[], sources: Map<string, Source>) => join(urls.map((u) => whoLink(u, sources)), ', ');

function accountHeader(a: Account, i: number): Html {
  return html`<th class="account" data-account="${i}" scope="col">
<div class="outlet">${link(a.url, a.outlet)}</div>
<div class="small">${a.country} · ${a.language} · ${time(a.published)}</div>
<div class="small" ${langAttrs(a.language)}>${a.title}</div>
${a.copies.length ? html`<ul class="copies">${a.copies.map((c) => html`<li>copy: ${link(c.url, c.outlet)} (${c.country}, ${c.language}) ${time(c.published)}${c.added.length || c.dropped.length
    ? html`<details><summary>${c.added.length} sentences added, ${c.dropped.length} dropped</summary>
${c.added.map((s) => html`<div class="small" ${langAttrs(c.language)}>+ ${s}</div>`)}${c.dropped.map((s) => html`<div class="small muted" ${langAttrs(a.language)}>− ${s}</div>`)}</details>`
    : html` <span class="muted">verbatim</span>`}</li>`)}</ul>` : ''}
</th>`;
}

function claimTag(c: Claim, sources: Map<string, Source>): Html {
  if (c.shared) return html`<span class="tag shared">shared</span>`;
  if (c.unique && c.uniqueTo?.kind === 'country') return html`<span class="tag unique">unique to ${c.uniqueTo.country} outlets</span>`;
  if (c.unique) return html`<span class="tag unique">unique to ${sources.get(c.articles[0] ?? '')?.outlet ?? 'one account'}</span>`;
  return html`<span class="tag">some accounts</span>`;
}

function claimRow(c: Claim, accounts: Account[], sources: Map<string, Source>, conflictQuotes: Set<string>): Html {
  const byUrl = new Map(c.wordings.map((w) => [w.url, w]));
  const lead = c.wordings.find((w) => w.text === c.text) ?? c.wordings[0];
  const conflicting = c.wordings.some((w) => conflictQuotes.has(w.text));
  const cls = [c.shared ? 'shared' : c.unique ? 'unique' : 'partial', conflicting ? 'has-conflict' : ''].join(' ').trim();
  return html`<tr class="${cls}">
<td class="claim"><div ${langAttrs(lead?.language ?? 'en')}>${c.text}</div>
<div class="small">${claimTag(c, sources)} ${conflicting ? html`<span class="tag conflicting">conflicting figure</span>` : ''} <span class="muted">${c.articles.length} of ${accounts.length} accounts</span></div></td>
${accounts.map((a) => {
    const w = byUrl.get(a.url);
    return w ? html`<td class="says made${conflictQuotes.has(w.text) ? ' conflicting' : ''}" ${langAttrs(w.language)}>${link(w.url, w.text)}</td>` : html`<td class="says silent"></td>`;
  })}
</tr>`;
}

function conflictBox(c: Conflict, sources: Map<string, Source>): Html {
  return html`<div class="conflict">
<h3>Conflicting ${c.kind}: ${c.about}</h3>
<ul>${c.values.map((v) => html`<li><span class="value">${v.value}</span> according to ${whoList(v.articles, sources)}
${v.quotes.map((q, i) => html`<blockquote ${langAttrs(sources.get(v.articles[i] ?? v.articles[0] ?? '')?.language ?? 'en')}>${q}</blockquote>`)}</li>`)}</ul>
</div>`;
}

function changeBox(c: FigureChange, sources: Map<string, Source>): Html {
  const end = (label: string, e: FigureChange['earliest']) =>
    html`<li><strong>${label}</strong> <span class="value">${e.value}</span> at ${e.at.slice(0, 16).replace('T', ' ')} according to ${whoList(e.articles, sources)}<blockquote ${langAttrs(sources.get(e.articles[0] ?? '')?.language ?? 'en')}>${e.quotes[0] ?? ''}</blockquote></li>`;
  return html`<div class="change"><h3>Changed over time: ${c.about}</h3><ul>${end('Earliest:', c.earliest)}${end('Latest:', c.latest)}</ul></div>`;
}

function contradictionBox(c: Contradiction, sources: Map<string, Source>): Html {
  const side = (label: string, s: { text: string; articles: string[] }) =>
    html`<li><strong>${label}</strong> ${whoList(s.articles, sources)}<blockquote ${langAttrs(sources.get(s.articles[0] ?? '')?.language ?? 'en')}>${s.text}</blockquote></li>`;
  return html`<div class="contradiction"><h3>Contradiction: ${c.about}</h3><ul>${side('Asserts:', c.asserts)}${side('Denies:', c.denies)}</ul></div>`;
}

/** `/events/:id`: the accounts of one event side by side, where they agree and where they differ. */
export function renderComparison(c: Comparison): Html {
  const sources = sourcesOf(c);
  const conflictQuotes = new Set(c.conflicts.flatMap((x) => x.values.flatMap((v) => v.quotes)));
  const unique = c.claims.filter((x) => x.unique).length;
  const shared = c.claims.filter((x) => x.shared).length;
  const lang = (url: string) => sources.get(url)?.language ?? 'en';
  const body = html`
<p class="small"><a href="/">← events</a> · <a href="/api/events/${encodeURIComponent(c.event.id)}/compare">JSON</a></p>
<h1>${c.event.title}</h1>
<p class="muted">First seen ${time(c.event.firstSeen)} · last updated ${time(c.event.lastUpdated)} · ${c.event.articleCount} articles, ${c.accounts.length} independent accounts</p>
${c.accountsCompared ? html`<p class="notice">Claims, figures and contradictions below are read from ${c.accountsCompared} representative accounts of the ${c.accounts.length} (the earliest of each outlet, languages in turn, then the longest): a large event is compared on a bounded set.</p>` : ''}
<div class="legend">
<span><span class="tag conflicting">${c.conflicts.length}</span> conflicting figures</span>
<span><span class="tag">${c.contradictions.length}</span> contradictions</span>
<span><span class="tag unique">${unique}</span> unique claims</span>
<span><span class="tag shared">${shared}</span> shared claims</span>
<span><span class="tag">${c.claims.length}</span> claims in all</span>
</div>

<section id="conflicts"><h2>Conflicting figures</h2>
${c.conflicts.length ? c.conflicts.map((x) => conflictBox(x, sources)) : html`<p class="muted">The accounts give no differing figures.</p>`}
</section>

${(c.changes ?? []).length ? html`<section id="changes"><h2>Figures that changed over time</h2>${(c.changes ?? []).map((x) => changeBox(x, sources))}</section>` : ''}

${c.contradictions.length ? html`<section id="contradictions"><h2>Contradictions</h2>${c.contradictions.map((x) => contradictionBox(x, sources))}</section>` : ''}

<section id="claims"><h2>Claims, account by account</h2>
<p class="small muted">Each row is one fact; each column one independent account (syndicated copies are folded under their original). A filled cell is that account's own sentence, linked to its article; a hatched cell means the account does not say it.
<label><input type="checkbox" id="hide-shared"> hide shared claims</label></p>
<div class="matrix-wrap"><table class="matrix">
<thead><tr><th class="claim" scope="col">Claim</th>${c.accounts.map((a, i) => accountHeader(a, i))}</tr></thead>
<tbody>${c.claims.map((x) => claimRow(x, c.accounts, sources, conflictQuotes))}</tbody>
</table></div>
</section>

<section id="timeline"><h2>Timeline</h2>
<table class="list"><thead><tr><th>When</th><th>After first</th><th>Outlet</th><th>Country · language</th><th>First</th></tr></thead>
<tbody>${c.timeline.map((t) => html`<tr><td>${time(t.at)}</td><td class="num">${t.afterFirstMinutes} min</td><td>${link(t.url, t.outlet)}${t.copyOf ? html` <span class="tag">copy of ${sources.get(t.copyOf)?.outlet ?? 'another account'}</span>` : ''}</td>
<td>${t.country} · ${t.language}</td><td>${join([t.first ? 'first report' : '', t.firstFromCountry ? `first from ${t.country}` : '', t.firstInLanguage ? `first in ${t.language}` : ''].filter(Boolean), '; ')}</td></tr>`)}</tbody></table>
</section>

<section id="voices"><h2>Quotes and sources</h2>
${c.quotes.length || c.sources.length ? html`<table class="list"><thead><tr><th>Who</th><th>Says or is cited for</th><th>In</th></tr></thead><tbody>
${c.quotes.map((q) => html`<tr><td>${q.speaker ?? html`<span class="muted">unnamed</span>`}</td><td ${langAttrs(lang(q.article))}>“${q.text}”</td><td>${whoLink(q.article, sources)}</td></tr>`)}
${c.sources.map((s) => html`<tr><td ${langAttrs(lang(s.article))}>${s.source}</td><td ${langAttrs(lang(s.article))}>${s.sentence}</td><td>${whoLink(s.article, sources)}</td></tr>`)}
</tbody></table>` : html`<p class="muted">No quotes or cited sources found.</p>`}
</section>

<section id="entities"><h2>Named by some accounts only</h2>
${c.entities.some((e) => !e.everyAccount) ? html`<ul>${c.entities.filter((e) => !e.everyAccount).map((e) => html`<li><strong>${e.name}</strong>: ${whoList(e.articles, sources)}</li>`)}</ul>` : html`<p class="muted">Every account names the same people, places and organisations.</p>`}
</section>

<section id="framing"><h2>Framing</h2>
<p class="small muted">Loaded terms one account uses where others do not, from the editable lexicon in config/framing/. A hint to read the accounts, not a verdict.</p>
${c.framing.length ? html`<table class="list"><thead><tr><th>Term</th><th>Category</th><th>Used by</th><th>Others say</th><th>Why listed</th></tr></thead><tbody>
${c.framing.map((f) => html`<tr><td ${langAttrs(f.language)}>${f.term}</td><td>${f.category}</td><td>${whoList(f.articles, sources)}</td><td>${join(f.othersUse, ', ')}</td><td class="small">${f.note}</td></tr>`)}
</tbody></table>` : html`<p class="muted">No loaded terms found.</p>`}
</section>`;
  return layout(c.event.title, body, `const box = document.getElementById('hide-shared');
box.addEventListener('change', () => document.querySelectorAll('table.matrix tr.shared').forEach(r => { r.hidden = box.checked; }));`);
}
