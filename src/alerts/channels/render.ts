import type { Claim, Conflict } from '../../compare/types.js';
import type { AlertPayload } from '../types.js';
import type { OutgoingMessage } from './message.js';

/**
 * What a human reads, whatever the channel: Slack and e-mail both render these sections (in
 * mrkdwn, plain text and HTML), so an alert says the same thing everywhere.
 */
export interface AlertSection {
  /** "[sahel-hostages] divergence: Mali hostages freed" */
  heading: string;
  summary: string;
  facts: { label: string; value: string }[];
  /** The comparison page, when PARALLAX_PUBLIC_URL is configured. */
  link: string | null;
  conflicts: string[];
  claims: string[];
  articles: string[];
}

export interface RenderedMessage {
  subject: string;
  /** One line, for notifications and Slack's fallback text. */
  headline: string;
  sections: AlertSection[];
}

const TRIGGER_WORDS: Record<AlertPayload['trigger'], string> = {
  'new-event': 'new event',
  escalation: 'escalation',
  divergence: 'divergence',
  'first-report': 'first report',
};

/** A conflict in one line: "hostages released: 4 (a.example/1, b.example/2) vs 5 (c.example/3)". */
export function conflictLine(c: Conflict): string {
  return `${c.about}: ${c.values.map((v) => `${v.value} (${v.articles.map(shortUrl).join(', ')})`).join(' vs ')}`;
}

/** A unique claim in one line, with whom it is unique to. */
export function claimLine(c: Claim): string {
  const by =
    c.uniqueTo?.kind === 'country' ? `only outlets of ${c.uniqueTo.country}` : c.uniqueTo?.kind === 'account' ? `only ${shortUrl(c.uniqueTo.url)}` : c.articles.map(shortUrl).join(', ');
  return `"${c.text}" (${by})`;
}

function shortUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname === '/' ? '' : u.pathname}`;
  } catch {
    return url;
  }
}

/** Lines without repeats: a divergence's new conflicts are usually in the comparison as well. */
function unique<T>(items: T[], line: (t: T) => string): string[] {
  return [...new Set(items.map(line))];
}

export function alertSection(p: AlertPayload): AlertSection {
  const facts = [
    { label: 'Event', value: p.event.title },
    { label: 'Outlets', value: p.event.outlets.join(', ') || '-' },
    { label: 'Countries', value: p.event.countries.join(', ') || '-' },
    { label: 'Languages', value: p.event.languages.join(', ') || '-' },
    { label: 'First seen', value: p.event.firstSeen },
  ];
  if (p.newOutlets?.length) facts.push({ label: 'New outlets', value: p.newOutlets.join(', ') });
  if (p.newCountries?.length) facts.push({ label: 'New countries', value: p.newCountries.join(', ') });
  return {
    heading: `[${p.rule}] ${TRIGGER_WORDS[p.trigger]}: ${p.event.title}`,
    summary: p.summary,
    facts,
    link: p.event.url,
    conflicts: unique([...(p.conflicts ?? []), ...(p.comparison?.conflicts ?? [])], conflictLine),
    claims: unique([...(p.claims ?? []), ...(p.comparison?.uniqueClaims ?? [])], claimLine),
    articles: p.event.articles,
  };
}

export function renderMessage(m: OutgoingMessage): RenderedMessage {
  if (m.kind === 'alert') {
    const section = alertSection(m.payload);
    return { subject: `Parallax: ${section.heading}`, headline: `${section.heading} - ${section.summary}`, sections: [section] };
  }
  const d = m.payload;
  const n = d.alerts.length;
  const heading = `[${d.rule}] ${d.mode} digest: ${n} alert${n === 1 ? '' : 's'} from ${d.period.start} to ${d.period.end}`;
  return { subject: `Parallax: ${heading}`, headline: heading, sections: d.alerts.map(alertSection) };
}

/** Plain text: what an e-mail client without HTML shows, and what a grep of a mailbox finds. */
export function renderText(r: RenderedMessage): string {
  const out = [r.headline, ''];
  for (const s of r.sections) {
    out.push(s.heading, s.summary, '');
    for (const f of s.facts) out.push(`${f.label}: ${f.value}`);
    if (s.link) out.push(`Comparison: ${s.link}`);
    if (s.conflicts.length) out.push('', 'Conflicting figures:', ...s.conflicts.map((c) => `- ${c}`));
    if (s.claims.length) out.push('', 'Unique claims:', ...s.claims.map((c) => `- ${c}`));
    out.push('', 'Articles:', ...s.articles.map((a) => `- ${a}`), '');
  }
  return out.join('\n');
}
