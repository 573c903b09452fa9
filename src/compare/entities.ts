import { matchPhrases } from '../cluster/index.js';
import { skeleton, tokenize } from '../text/index.js';
import type { SentenceInfo } from './analyse.js';
import type { AccountRef } from './claims.js';
import type { CompareContext } from './context.js';
import { subjectLabel } from './labels.js';
import type { EntityMention } from './types.js';

// Two or more capitalised words, with the particles of Arabic and French names between them.
const NAME = /\p{Lu}[\p{L}’'-]+(?:\s+(?:(?:ould|ag|ben|bin|ibn|el|al|de|du|abu|abou)\s+)?\p{Lu}[\p{L}’'-]+)+/gu;
const ENTITY_KINDS = ['place:', 'group:', 'institution:'];

/** "place:three-borders" -> "Three Borders": places and groups are proper names; institutions are not. */
function entityLabel(key: string): string {
  const label = subjectLabel(key);
  return key.startsWith('institution:') ? label : label.replace(/(^|\s)\p{Ll}/gu, (c) => c.toUpperCase());
}

const skeletons = (text: string, language: string) => tokenize(text, language).map((t) => skeleton(t.word)).filter((s) => s.length > 0);

function contains(haystack: readonly string[], needle: readonly string[]): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * Who and what each account names: the vocabulary's places, groups and institutions (any language),
 * and people's names (capitalised words in Latin script, met in Arabic by their consonant skeleton).
 */
export function findEntities(sentences: readonly SentenceInfo[], accounts: readonly AccountRef[], context: CompareContext): EntityMention[] {
  const named = new Map<string, { name: string; accounts: Set<number> }>();
  const add = (id: string, name: string, account: number) => {
    let e = named.get(id);
    if (!e) named.set(id, (e = { name, accounts: new Set() }));
    e.accounts.add(account);
  };
  const people = new Map<string, { name: string; skeleton: string[] }>();
  for (const s of sentences) {
    for (const span of s.spans) if (ENTITY_KINDS.some((k) => span.key.startsWith(k))) add(span.key, entityLabel(span.key), s.account);
    if (s.language === 'ar') continue;
    for (const m of s.text.matchAll(NAME)) {
      const tokens = tokenize(m[0], s.language);
      if (matchPhrases(tokens, context.vocabulary, s.language).length > 0) continue;
      const sk = tokens.map((t) => skeleton(t.word)).filter((x) => x.length > 0);
      if (sk.length < 2) continue;
      const id = `name:${sk.join(' ')}`;
      if (!people.has(id)) people.set(id, { name: m[0], skeleton: sk });
      add(id, people.get(id)!.name, s.account);
    }
  }
  // The same names written in Arabic script.
  const arabic = sentences.filter((s) => s.language === 'ar').map((s) => ({ account: s.account, sk: skeletons(s.text, 'ar') }));
  for (const [id, p] of people) for (const a of arabic) if (contains(a.sk, p.skeleton)) add(id, p.name, a.account);
  return [...named.values()]
    .map((e) => {
      const ids = [...e.accounts].sort((a, b) => a - b);
      return { name: e.name, articles: ids.map((i) => accounts[i]!.url), everyAccount: ids.length === accounts.length };
    })
    .sort((a, b) => a.articles.length - b.articles.length || a.name.localeCompare(b.name));
}
