import type { PhraseSpan } from '../cluster/index.js';
import { foldWord, type Token } from '../text/index.js';

/**
 * Who did something, as one sentence names them: "the Nigerian Army", "Hezbollah", "Burkina
 * Faso's government", "l'armée". Known by ids: the vocabulary's group, institution and place keys
 * in the phrase and its names, folded. Ids that could name any army or government (GENERIC) do
 * not, alone, make two mentions one party.
 */
export interface Party {
  ids: Set<string>;
  /** As written, for the reader. */
  label: string;
}

const PARTY_KINDS = ['group:', 'institution:', 'place:'];
/** Nouns that name a party of no name: which army or which police depends on the story. */
const PARTY_NOUNS = new Set([
  'police', 'government', 'forces', 'militia', 'militias', 'rebels', 'authorities', 'regime', 'ministry', 'military',
  'group', 'fighters', 'combatants', 'militants', 'groupe', 'combattants',
  'gouvernement', 'milice', 'milices', 'rebelles', 'autorites', 'regime', 'ministere',
  'حكومه', 'الحكومه', 'شرطه', 'الشرطه', 'قوات', 'السلطات', 'سلطات', 'ميليشيا', 'النظام',
]);
/**
 * Roles and ranks in a party's phrase: "Kenyan military spokesman Lieutenant Colonel Paul Njuguna".
 * Both sides of a war have spokesmen and colonels, so they name no one party.
 */
const TITLES = new Set([
  'spokesman', 'spokeswoman', 'spokesperson', 'lieutenant', 'colonel', 'general', 'major', 'captain', 'sergeant', 'commander', 'chief',
  'president', 'minister', 'governor', 'sheikh', 'porte', 'parole', 'ministre', 'gouverneur', 'commandant', 'capitaine',
  ...['متحدث', 'المتحدث', 'الناطق', 'ناطق', 'العقيد', 'اللواء', 'العميد', 'الرئيس', 'الوزير'].map(foldWord),
]);
const GENERIC = new Set(['institution:army', 'institution:junta', ...[...PARTY_NOUNS].map((w) => `noun:${w}`)]);
const ARTICLES = new Set(['the', 'le', 'la', 'l', 'les']);
/** What may stand inside a party's phrase between its words: "members of the army", "Burkina Faso's". */
const JOINERS = new Set(['s', 'of', 'de', 'du', 'des', 'd']);
const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche']);
/** Words between a party and its verb: auxiliaries, "on Thursday", "quickly". */
const FILLERS = new Set(['has', 'have', 'had', 'also', 'a', 'ont', 'avait', 'avaient', 'aussi', 'egalement', 'on', 'later', 'then', 'again', 'publicly', 'strongly', 'quickly', 'firmly', 'categorically', 'vigorously', 'reportedly', 'allegedly', 'fermement', 'formellement', 'categoriquement', ...WEEKDAYS]);
const FILLER_REACH = 4;
/** English adverbs: "has previously denied", "repeatedly denied". */
const ADVERB = /^[a-z]{3,}ly$/;
/** Prepositions of place: a name after one is where the verb's act was done, not who did it ("a strike in Somalia killed"). */
const PLACE_PREPOSITIONS = new Set(['in', 'near', 'across', 'around', 'outside', 'inside', 'throughout', 'dans', 'pres', 'en', 'au', 'aux', 'في']);
/** Words of a region between such a preposition and its name: "in central Somalia", "dans le nord du Mali". */
const REGION_WORDS = new Set([
  'central', 'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'northeastern', 'northwestern', 'southeastern', 'southwestern',
  'centre', 'nord', 'sud', 'est', 'ouest', 'du', 'de', 'le', 'la',
]);
/** At most this many region words between a place preposition and its name. */
const REGION_REACH = 3;

/** Whether the phrase starting at token `first` follows a preposition of place, perhaps through region words. */
function afterPlacePreposition(tokens: readonly Token[], first: number): boolean {
  for (let k = first - 1; k >= 0 && first - k <= REGION_REACH + 1; k--) {
    if (PLACE_PREPOSITIONS.has(tokens[k]!.word)) return true;
    if (!REGION_WORDS.has(tokens[k]!.word)) return false;
  }
  return false;
}

/** The span of a party kind that covers token i, if any. */
function partySpanAt(spans: readonly PhraseSpan[], i: number): PhraseSpan | undefined {
  return spans.find((s) => s.start <= i && i < s.end && PARTY_KINDS.some((k) => s.key.startsWith(k)));
}

function isNameWord(t: Token, names: ReadonlySet<string>): boolean {
  return !t.stop && !WEEKDAYS.has(t.word) && t.word.length >= 3 && (t.name || names.has(t.word));
}

function partyOf(tokens: readonly Token[], spans: readonly PhraseSpan[], from: number, to: number): Party | null {
  const ids = new Set<string>();
  for (let i = from; i < to; i++) {
    const span = partySpanAt(spans, i);
    if (span) ids.add(span.key);
    else if (PARTY_NOUNS.has(tokens[i]!.word)) ids.add(`noun:${tokens[i]!.word}`);
    else if (!tokens[i]!.stop && !JOINERS.has(tokens[i]!.word) && !TITLES.has(tokens[i]!.word)) ids.add(`name:${tokens[i]!.word}`);
  }
  if (ids.size === 0) return null;
  return { ids, label: asWritten(tokens.slice(from, to)) };
}

/** Tokens back into words as written: the tokenizer drops the apostrophes of "l'armée" and "Faso's". */
function asWritten(tokens: readonly Token[]): string {
  let out = '';
  tokens.forEach((t, i) => {
    if (i > 0 && t.raw === 's') out += '’s';
    else out += (i === 0 || /^[lLdD]$/.test(tokens[i - 1]!.raw) ? '' : ' ') + t.raw + (/^[lLdD]$/.test(t.raw) ? "'" : '');
  });
  return out;
}

/** Whether token i may be part of a party's phrase. */
function inParty(tokens: readonly Token[], spans: readonly PhraseSpan[], names: ReadonlySet<string>, i: number): boolean {
  const t = tokens[i]!;
  return partySpanAt(spans, i) !== undefined || PARTY_NOUNS.has(t.word) || isNameWord(t, names);
}

/** The party whose phrase ends right before token `end` (fillers allowed between), read backwards. */
export function partyBefore(tokens: readonly Token[], spans: readonly PhraseSpan[], names: ReadonlySet<string>, end: number): Party | null {
  let last = end - 1;
  const filler = (t: Token) => FILLERS.has(t.word) || ADVERB.test(t.word);
  for (let n = 0; last >= 0 && n < FILLER_REACH && !inParty(tokens, spans, names, last) && filler(tokens[last]!); n++) last--;
  if (last < 0 || !inParty(tokens, spans, names, last)) return null;
  let first = last;
  for (;;) {
    if (first > 0 && inParty(tokens, spans, names, first - 1)) first--;
    else if (first > 1 && JOINERS.has(tokens[first - 1]!.word) && inParty(tokens, spans, names, first - 2)) first -= 2;
    else break;
  }
  while (first > 0 && ARTICLES.has(tokens[first - 1]!.word)) first--;
  if (afterPlacePreposition(tokens, first)) return null;
  return partyOf(tokens, spans, first, last + 1);
}

/** The party whose phrase starts at or right after token `start` (articles skipped): "by the army", Arabic "نفت الحكومة". */
export function partyAfter(tokens: readonly Token[], spans: readonly PhraseSpan[], names: ReadonlySet<string>, start: number, arabicWords = 0): Party | null {
  let first = start;
  while (ARTICLES.has(tokens[first]?.word ?? '')) first++;
  let end = first;
  for (;;) {
    if (end < tokens.length && inParty(tokens, spans, names, end)) end++;
    else if (JOINERS.has(tokens[end]?.word ?? '') && end + 1 < tokens.length && inParty(tokens, spans, names, end + 1) && end > first) end += 2;
    else break;
  }
  // Arabic writes no capitals: the subject after its verb is taken as its next words.
  if (end === first && arabicWords > 0) while (end < tokens.length && end - first < arabicWords && !tokens[end]!.stop) end++;
  return end > first ? partyOf(tokens, spans, first, end) : null;
}

/** A name and its demonym are one party: "Iran" and "Iranian", "Israel" and "Israeli", "Turkey" and "Turkish". */
const DEMONYM_ENDINGS = new Set(['', 'n', 'an', 'ian', 'i', 'ese', 'ien', 'ienne', 'ais', 'aise', 'e', 'en', 'enne', 'ans', 'ians', 'is', 'ish', 'ey', 'y', 'a']);
/** The shortest stem two forms of one name share: "turk" of Turkey and Turkish. */
const NAME_STEM = 4;
function sameName(a: string, b: string): boolean {
  if (a === b) return true;
  let p = 0;
  while (p < a.length && a[p] === b[p]) p++;
  return p >= NAME_STEM && DEMONYM_ENDINGS.has(a.slice(p)) && DEMONYM_ENDINGS.has(b.slice(p));
}

/** Whether two mentions name one party by an id that is not generic; `generic` is set when they share only generic ids. */
export function sameParty(a: Party, b: Party): 'same' | 'generic' | null {
  let generic = false;
  for (const x of a.ids) {
    for (const y of b.ids) {
      const one = x === y || (x.startsWith('name:') && y.startsWith('name:') && sameName(x.slice(5), y.slice(5)));
      if (!one) continue;
      if (!GENERIC.has(x)) return 'same';
      generic = true;
    }
  }
  // "The Malian army" and "the Burkinabe army" are two armies.
  const specific = (p: Party) => [...p.ids].some((id) => !GENERIC.has(id));
  return generic && !(specific(a) && specific(b)) ? 'generic' : null;
}
