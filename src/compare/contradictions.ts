import type { SentenceInfo } from './analyse.js';
import type { AccountRef } from './claims.js';
import { subjectLabel } from './labels.js';
import type { Contradiction } from './types.js';

/**
 * Keys one account asserts and another denies. An account that both asserts and denies a key
 * ("sources spoke of a ransom; the government said no ransom was paid") reports both sides: it is
 * left out of that key.
 */
export function findContradictions(sentences: readonly SentenceInfo[], accounts: readonly AccountRef[]): Contradiction[] {
  const byKey = new Map<string, { asserts: Map<number, string>; denies: Map<number, string> }>();
  for (const s of sentences) {
    for (const [key, polarity] of s.polarity) {
      let entry = byKey.get(key);
      if (!entry) byKey.set(key, (entry = { asserts: new Map(), denies: new Map() }));
      const side = entry[polarity];
      if (!side.has(s.account)) side.set(s.account, s.text);
    }
  }
  const out: Contradiction[] = [];
  for (const [key, { asserts, denies }] of byKey) {
    for (const a of [...asserts.keys()]) if (denies.has(a)) (asserts.delete(a), denies.delete(a));
    if (asserts.size === 0 || denies.size === 0) continue;
    const side = (m: Map<number, string>) => {
      const ids = [...m.keys()].sort((a, b) => a - b);
      return { text: m.get(ids[0]!)!, articles: ids.map((i) => accounts[i]!.url) };
    };
    out.push({ about: subjectLabel(key), asserts: side(asserts), denies: side(denies) });
  }
  return out;
}
