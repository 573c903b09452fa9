import type { SentenceInfo } from './analyse.js';
import type { AccountRef } from './claims.js';
import { subjectLabel } from './labels.js';
import type { Contradiction } from './types.js';

/**
 * Keys one account asserts and another denies. An account that both asserts and denies a key
 * ("sources spoke of a ransom; the government said no ransom was paid") reports both sides: it is
 * left out of that key. A denial "for now" ("no deal has been signed yet") reports a wait that a later
 * account may end: it contradicts no one.
 *
 * Within one language, an assertion and a denial meet only when they word the key alike, word for
 * word: the forms of one key are loose synonyms ("negotiations" and "no deal", "a balanced attack"
 * and "denied assault", "free advice" and "no liberal"), stems join a verb to a noun ("dealing
 * with" and "no deal"), and two accounts that disagree about one thing in one language name it
 * alike. Across languages the vocabulary is what makes accounts meet, sense by sense where one key
 * names several things (SENSES).
 *
 * A denial in the news is nearly always scoped ("no civilians were killed", "the M23 denied
 * attacking civilians", "Hardwicke's deal fell through"), and the scope is what a key cannot see.
 * So an assertion and a denial meet only where both make the same claim, an act and who or what it
 * bears on, named near each other in both (otherHalves), except for a payment, whose claim is
 * whole alone. A contradiction missed costs less than a false one: an analyst who meets false ones
 * stops reading them.
 */
export function findContradictions(sentences: readonly SentenceInfo[], accounts: readonly AccountRef[]): Contradiction[] {
  const byKey = new Map<string, { asserts: Map<number, SentenceInfo[]>; denies: Map<number, SentenceInfo[]> }>();
  for (const s of sentences) {
    for (const [key, polarity] of s.polarity) {
      if (polarity === 'denies' && s.provisional) continue;
      if ([...(s.forms.get(key) ?? [])].every((f) => REPORTING_FORMS.has(f) || POLYSEMOUS_FORMS.has(f))) continue;
      let entry = byKey.get(key);
      if (!entry) byKey.set(key, (entry = { asserts: new Map(), denies: new Map() }));
      const side = entry[polarity];
      side.set(s.account, [...(side.get(s.account) ?? []), s]);
    }
  }
  const out: Contradiction[] = [];
  for (const [key, { asserts, denies }] of byKey) {
    for (const a of [...asserts.keys()]) if (denies.has(a)) (asserts.delete(a), denies.delete(a));
    const meets = (s: SentenceInfo, other: Map<number, SentenceInfo[]>) => [...other.values()].some((list) => list.some((o) => sameThing(s, o, key) && sameClaim(s, o, key)));
    const side = (m: Map<number, SentenceInfo[]>, other: Map<number, SentenceInfo[]>) => {
      const kept = [...m.entries()]
        .map(([account, list]) => ({ account, sentence: list.find((s) => meets(s, other)) }))
        .filter((x): x is { account: number; sentence: SentenceInfo } => x.sentence !== undefined)
        .sort((a, b) => a.account - b.account);
      return kept.length === 0 ? null : { text: kept[0]!.sentence.text, articles: kept.map((x) => accounts[x.account]!.url) };
    };
    const asserted = side(asserts, denies);
    const denied = side(denies, asserts);
    if (asserted && denied) out.push({ about: subjectLabel(key), asserts: asserted, denies: denied });
  }
  return out;
}

/**
 * Forms that name the reporting of a thing, not the thing: a toll is a figure, compared as one, and
 * whether one was given ("no official toll") is no claim about the deaths.
 */
const REPORTING_FORMS = new Set(['death toll', 'toll', 'bilan', 'حصيله']);

/**
 * Forms of the vocabulary that, alone, more often name something else in the news: تعليق is a
 * comment as often as a suspension ("no official comment"), حل a solution, طرد a parcel, تحرير the
 * editing of a paper, إطلاق a launch or gunfire (إطلاق نار), مسيرة a march, قيادة the driving or the
 * command, "arrêté" a decree. They still join accounts (the clusterer's keys); a claim resting on
 * them alone is not set against another.
 */
const POLYSEMOUS_FORMS = new Set(['تعليق', 'حل', 'يحل', 'بحل', 'طرد', 'تحرير', 'اطلاق', 'مسيره', 'قياده', 'arrete', 'arretes']);

/**
 * Keys of the vocabulary whose forms name more than one thing, in every language: the talks are not
 * the deal they may end in ("released after negotiations" / "no deal was struck"). Forms as folded
 * in the text; a form of no sense meets nothing.
 */
const SENSES: Record<string, string[][]> = {
  // A toll is the count, not the killing: "no toll was given" denies no death.
  'action:kill': [
    ['killed', 'killing', 'dead', 'deaths', 'died', 'tues', 'tue', 'morts', 'mort', 'deces', 'مقتل', 'قتلي', 'قتل', 'مصرع', 'وفاه'],
    ['death toll', 'toll', 'bilan', 'حصيله'],
  ],
  'action:negotiation': [
    ['negotiation', 'negotiations', 'talks', 'mediation', 'negociation', 'negociations', 'pourparlers', 'مفاوضات', 'وساطه'],
    ['deal', 'deals', 'agreement', 'agreements', 'accord', 'accords', 'صفقه', 'اتفاق'],
  ],
};

/** Whether two sentences name the key alike: in one language by the same words, across languages by the same sense. */
function sameThing(a: SentenceInfo, b: SentenceInfo, key: string): boolean {
  const ours = [...(a.forms.get(key) ?? [])];
  const theirs = [...(b.forms.get(key) ?? [])];
  if (a.language === b.language) return ours.some((f) => theirs.includes(f));
  const senses = SENSES[key];
  if (!senses) return true;
  return senses.some((sense) => ours.some((f) => sense.includes(f)) && theirs.some((f) => sense.includes(f)));
}

/** A claim that is whole without a participant: whether a ransom was paid. */
const STANDS_ALONE = new Set(['topic:ransom']);

/**
 * A claim is an act and who or what it bears on: the hostages killed, the commanders released, a deal
 * with the kidnappers. Its key is one half; the other half is a key of the other kind near it.
 */
const PARTICIPANT_KINDS = ['topic:', 'group:'];
const ACT_KINDS = ['action:'];

/** Tokens on either side of a key within which the other half of its claim is read: about a clause. */
const CLAIM_REACH = 8;

/** The other halves of the claims a sentence makes with the key's words, as keys. */
function otherHalves(s: SentenceInfo, key: string): Set<string> {
  const kinds = ACT_KINDS.some((k) => key.startsWith(k)) ? PARTICIPANT_KINDS : ACT_KINDS;
  const out = new Set<string>();
  for (const at of s.spans) {
    if (at.key !== key) continue;
    for (const other of s.spans) {
      if (other.key === key || !kinds.some((k) => other.key.startsWith(k))) continue;
      if (other.end > at.start - CLAIM_REACH && other.start < at.end + CLAIM_REACH) out.add(other.key);
    }
  }
  return out;
}

/** Whether two sentences make the same claim: the key and its other half, or a claim whole alone. */
function sameClaim(a: SentenceInfo, b: SentenceInfo, key: string): boolean {
  if (STANDS_ALONE.has(key)) return true;
  const theirs = otherHalves(b, key);
  return [...otherHalves(a, key)].some((p) => theirs.has(p));
}
