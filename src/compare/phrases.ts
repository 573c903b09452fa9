import { matchPhrases, type PhraseSpan, type Vocabulary } from '../cluster/index.js';
import { stem, wordsAt, type Token } from '../text/index.js';

// Arabic verbs conjugate by affixes the vocabulary cannot list ("اختطفوا", "اختطفهم" for "اختطف"):
// one-word action forms are also matched on their stem. Only actions: a place or a topic stemmed
// collides with ordinary words (مالي "Mali" stems to مال "money").
const actionStems = new WeakMap<Vocabulary, Map<string, string>>();

function arabicActionStems(vocabulary: Vocabulary): Map<string, string> {
  let map = actionStems.get(vocabulary);
  if (map) return map;
  map = new Map();
  for (const [first, list] of vocabulary.phrases.get('ar') ?? []) {
    for (const p of list) if (p.tokens.length === 1 && p.key.startsWith('action:')) map.set(stem(first, 'ar'), p.key);
  }
  actionStems.set(vocabulary, map);
  return map;
}

/**
 * Fixed expressions in which a word of the vocabulary has another sense: a "press release" is a
 * statement, not a release; "sans relâche" means relentlessly; names deny nothing.
 */
const IDIOMS = [
  ['press', 'release'], ['press', 'releases'], ['sans', 'relache'],
  // Names: Doctors Without Borders, Médecins sans frontières, أطباء بلا حدود; the "no strike list".
  ['without', 'borders'], ['sans', 'frontieres'], ['بلا', 'حدود'], ['no', 'strike', 'list'],
];

/** Tokens that are part of an idiom. */
function inIdioms(tokens: readonly Token[]): Set<number> {
  const out = new Set<number>();
  tokens.forEach((_, k) => {
    for (const idiom of IDIOMS) if (wordsAt(tokens, k, idiom)) idiom.forEach((_w, m) => out.add(k + m));
  });
  return out;
}

/** Vocabulary phrases of a sentence in reading order, with Arabic verb forms matched on their stem; none inside an idiom. */
export function findSpans(tokens: readonly Token[], vocabulary: Vocabulary, language: string): PhraseSpan[] {
  const idioms = inIdioms(tokens);
  const spans = matchPhrases(tokens, vocabulary, language).filter((s) => !idioms.has(s.start));
  if (language !== 'ar') return spans;
  const stems = arabicActionStems(vocabulary);
  const covered = new Set<number>();
  for (const s of spans) for (let i = s.start; i < s.end; i++) covered.add(i);
  tokens.forEach((t, i) => {
    const key = covered.has(i) || t.stop ? undefined : stems.get(t.stem);
    if (key) spans.push({ start: i, end: i + 1, key });
  });
  return spans.sort((a, b) => a.start - b.start);
}
