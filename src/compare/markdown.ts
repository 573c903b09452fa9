import type { Comparison } from './types.js';

/**
 * A comparison as a Markdown report (`parallax compare` without --json): every section of the
 * comparison, each line naming its outlets and linking its articles, so an analyst can cite it.
 * Text is kept as written (Arabic included); only Markdown's own characters in it are escaped.
 */
export function comparisonMarkdown(c: Comparison): string {
  const outletOf = new Map<string, string>();
  for (const a of c.accounts) {
    outletOf.set(a.url, a.outlet);
    for (const copy of a.copies) outletOf.set(copy.url, copy.outlet);
  }
  const who = (urls: string[]) => urls.map((u) => link(outletOf.get(u) ?? u, u)).join(', ');
  const out: string[] = [];
  const section = (title: string, lines: string[], empty: string) => {
    out.push('', `## ${title}`, '');
    out.push(...(lines.length > 0 ? lines : [`_${empty}_`]));
  };

  out.push(`# ${esc(c.event.title)}`, '');
  out.push(`Event \`${c.event.id}\`: ${c.event.articleCount} articles, ${c.accounts.length} independent accounts; first seen ${time(c.event.firstSeen)}, last updated ${time(c.event.lastUpdated)}.`);
  if (c.accountsCompared) {
    out.push('', `_Claims, figures and contradictions are read from ${c.accountsCompared} representative accounts of the ${c.accounts.length}: a large event is compared on a bounded set._`);
  }

  section('Accounts', c.accounts.flatMap((a) => [
    `- **${esc(a.outlet)}** (${a.country}, ${a.language}), ${a.published ? time(a.published) : 'time unknown'}: ${link(a.title, a.url)}`,
    ...a.copies.flatMap((copy) => [
      `  - copied by **${link(copy.outlet, copy.url)}** (${copy.country}, ${copy.language}), ${copy.published ? time(copy.published) : 'time unknown'}`,
      ...copy.added.map((s) => `    - added: ${esc(s)}`),
      ...copy.dropped.map((s) => `    - dropped: ${esc(s)}`),
    ]),
  ]), 'No accounts.');

  section('Timeline', c.timeline.map((t) => {
    const firsts = [t.first && 'first report', t.firstFromCountry && `first from ${t.country}`, t.firstInLanguage && `first in ${t.language}`].filter(Boolean);
    const after = t.afterFirstMinutes > 0 ? `+${minutes(t.afterFirstMinutes)}` : 'first';
    return `- ${time(t.at)} (${after}) **${link(t.outlet, t.url)}** (${t.country}, ${t.language})${t.copyOf ? ', syndicated copy' : ''}${firsts.length ? `: ${firsts.join(', ')}` : ''}`;
  }), 'No timeline.');

  const claimLine = (text: string, articles: string[]) => `- ${esc(text)}\n  ${who(articles)}`;
  section('Shared claims', c.claims.filter((k) => k.shared).map((k) => claimLine(k.text, k.articles)), 'No claim is made by most accounts.');
  section('Unique claims', c.claims.filter((k) => k.unique).map((k) => {
    const to = k.uniqueTo?.kind === 'country' ? ` (only outlets of ${k.uniqueTo.country})` : '';
    return `${claimLine(k.text, k.articles)}${to}`;
  }), 'No claim is made by one account or one country only.');
  const other = c.claims.filter((k) => !k.shared && !k.unique);
  if (other.length > 0) section('Other claims', other.map((k) => claimLine(k.text, k.articles)), '');

  section('Conflicting figures', c.conflicts.flatMap((f) => [
    `- **${esc(f.about)}** (${f.kind})`,
    ...f.values.flatMap((v) => [`  - **${esc(v.value)}**: ${who(v.articles)}`, ...v.quotes.map((q) => `    > ${esc(q)}`)]),
  ]), 'No figures differ between accounts.');

  const changes = c.changes ?? [];
  if (changes.length > 0) {
    section('Figures that changed over time', changes.flatMap((x) => [
      `- **${esc(x.about)}**: ${esc(x.earliest.value)} at ${time(x.earliest.at)}, then ${esc(x.latest.value)} at ${time(x.latest.at)}`,
      `  > ${esc(x.earliest.quotes[0] ?? '')} (${who(x.earliest.articles)})`,
      `  > ${esc(x.latest.quotes[0] ?? '')} (${who(x.latest.articles)})`,
    ]), '');
  }

  section('Contradictions', c.contradictions.flatMap((x) => [
    `- **${esc(x.about)}**`,
    `  - asserted: ${esc(x.asserts.text)} (${who(x.asserts.articles)})`,
    `  - denied: ${esc(x.denies.text)} (${who(x.denies.articles)})`,
  ]), 'No account denies what another asserts.');

  section('Quotes', c.quotes.map((q) => `- ${q.speaker ? `**${esc(q.speaker)}**: ` : ''}“${esc(q.text)}” (${who([q.article])})`), 'No quotes.');
  section('Sources cited', c.sources.map((s) => `- **${esc(s.source)}**: ${esc(s.sentence)} (${who([s.article])})`), 'No sources cited.');
  section('Entities named by some accounts only', c.entities.filter((e) => !e.everyAccount).map((e) => `- ${esc(e.name)}: ${who(e.articles)}`), 'Every account names the same entities.');
  const everyone = c.entities.filter((e) => e.everyAccount).map((e) => esc(e.name));
  if (everyone.length > 0) out.push('', `Named by every account: ${everyone.join(', ')}.`);

  section('Framing', c.framing.map((f) =>
    `- “${esc(f.term)}” (${f.language}, ${esc(f.category)}): ${who(f.articles)}${f.othersUse.length ? `; others say ${f.othersUse.map((t) => `“${esc(t)}”`).join(', ')}` : ''}. ${esc(f.note)}`,
  ), 'No loaded terms used by some accounts and not others.');

  return `${out.join('\n')}\n`;
}

// Characters that would turn an article's text into Markdown syntax (links, emphasis, headings).
const esc = (s: string) => s.replace(/([\\`*_[\]<>#|])/g, '\\$1');
/**
 * A link to an article. Only http(s) URLs become links (a stored URL is one, but the report must not
 * turn anything else into a clickable `javascript:`), and the characters that end a Markdown link
 * destination are percent-encoded; the rest, Arabic paths included, stay as written.
 */
function link(label: string, url: string): string {
  if (!/^https?:\/\//i.test(url)) return label === url ? esc(url) : `${esc(label)} (${esc(url)})`;
  return `[${esc(label)}](${url.replace(/[\s()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)})`;
}

const time = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

function minutes(m: number): string {
  const rounded = Math.round(m);
  if (rounded < 60) return `${rounded} min`;
  const h = Math.floor(rounded / 60);
  if (h < 48) return `${h} h ${rounded % 60} min`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}
