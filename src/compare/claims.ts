import { Aligner, eventWeights } from './align.js';
import type { SentenceInfo } from './analyse.js';
import type { Claim } from './types.js';

/** Sentences of two accounts say the same thing when the smaller is mostly in the larger. */
const OVERLAP = 0.5;
/** ...and what they share is more than one feature every sentence of the event has. */
const MIN_SHARED = 1.5;
/** A sentence that aligns with nothing and carries less than this says too little to be a claim. */
const MIN_FEATURES = 3;

export interface AccountRef {
  url: string;
  country: string;
  /** Publication (or discovery) time, ISO. */
  at: string;
}

interface Match {
  other: SentenceInfo;
  dice: number;
}

/**
 * Claims: each sentence aligned with the sentence of every other account that says the same thing.
 * Sentences are taken in order of how many accounts echo them; each one not yet part of a claim
 * starts one, with the best-matching sentence of each other account (a sentence already in another
 * claim may be a wording again: one sentence often states two facts). A sentence that no other
 * account echoes is a claim of its account alone.
 */
export function buildClaims(sentences: readonly SentenceInfo[], accounts: readonly AccountRef[]): Claim[] {
  const aligner = new Aligner(eventWeights(sentences));
  const matches = new Map<SentenceInfo, Match[]>(sentences.map((s) => [s, []]));
  for (let i = 0; i < sentences.length; i++) {
    const a = sentences[i]!;
    for (let j = i + 1; j < sentences.length; j++) {
      const b = sentences[j]!;
      if (a.account === b.account) continue;
      const sim = aligner.similarity(a, b);
      if (sim.overlap < OVERLAP || sim.shared < MIN_SHARED) continue;
      matches.get(a)!.push({ other: b, dice: sim.dice });
      matches.get(b)!.push({ other: a, dice: sim.dice });
    }
  }
  const support = (s: SentenceInfo) => new Set(matches.get(s)!.map((m) => m.other.account)).size;
  const order = sentences.map((s, i) => ({ s, i, support: support(s) })).sort((x, y) => y.support - x.support || x.i - y.i);
  const consumed = new Set<SentenceInfo>();
  const claims: { claim: Claim; first: number }[] = [];
  for (const { s, i } of order) {
    if (consumed.has(s)) continue;
    consumed.add(s);
    const best = new Map<number, Match>();
    for (const m of matches.get(s)!) {
      const current = best.get(m.other.account);
      if (!current || m.dice > current.dice) best.set(m.other.account, m);
    }
    if (best.size === 0 && s.neutral.size + s.words.size < MIN_FEATURES) continue;
    const members = [s, ...[...best.values()].map((m) => m.other)].sort((a, b) => a.account - b.account);
    for (const m of members) consumed.add(m);
    claims.push({ claim: describe(s, members, accounts), first: i });
  }
  return claims.sort((a, b) => b.claim.articles.length - a.claim.articles.length || a.first - b.first).map((c) => c.claim);
}

function describe(anchor: SentenceInfo, members: readonly SentenceInfo[], accounts: readonly AccountRef[]): Claim {
  const articles = members.map((m) => accounts[m.account]!.url);
  const countries = new Set(members.map((m) => accounts[m.account]!.country));
  const eventCountries = new Set(accounts.map((a) => a.country));
  const shared = accounts.length >= 2 && members.length * 2 > accounts.length;
  const byOne = accounts.length >= 2 && members.length === 1;
  const byCountry = !byOne && !shared && countries.size === 1 && eventCountries.size > 1;
  return {
    text: anchor.text,
    wordings: members.map((m) => ({ url: accounts[m.account]!.url, language: m.language, text: m.text })),
    articles,
    shared,
    unique: byOne || byCountry,
    uniqueTo: byOne ? { kind: 'account', url: articles[0]! } : byCountry ? { kind: 'country', country: [...countries][0]! } : null,
  };
}
