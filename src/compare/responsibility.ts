import type { PhraseSpan } from '../cluster/index.js';
import { isArabicWord as isArabic, type Token } from '../text/index.js';
import { isQuestion, type SentenceInfo } from './analyse.js';
import type { AccountRef } from './claims.js';
import { assertsPlainly, DENIALS } from './negation.js';
import { eventNames } from './participants.js';
import { partyAfter, partyBefore, sameParty, type Party } from './parties.js';
import type { Contradiction } from './types.js';

/**
 * Who did it: one account says a party did the event's harm ("Hezbollah fired the rocket",
 * "killed by Eritrean troops", "the army is responsible for the attack"), another that the party
 * denies it ("Hezbollah denied any involvement", "l'armée a nié avoir tiré sur les manifestants",
 * "Burkina Faso denied claims that its soldiers killed 223 people"). On real news this is the
 * contradiction analysts meet most, and a denial of what happened does not read it (negation.ts:
 * "denied that soldiers attacked" does not deny the attack).
 *
 * Precision first: the party must be named alike on both sides (a name, a group, a country); an
 * army or a government of no name ("the army", "troops") meets only where both sides name the
 * same victims as well ("killed civilians" / "denied its soldiers killed civilians"). A party that
 * denies something else ("denied plans to widen the war") denies no role.
 */

/** One sentence's word on a party's role: it did the harm, or it denies having done it. */
interface RoleClaim {
  sentence: SentenceInfo;
  party: Party;
  /** The first words after the act: who or what it bore on, folded. */
  patient: string[];
}

/** Verbs of harm done by someone, past and participle: what a party is said to have done. */
const HARM = new Set([
  'killed', 'attacked', 'fired', 'shot', 'executed', 'massacred', 'bombed', 'shelled', 'targeted', 'tortured', 'beat', 'beaten',
  'murdered', 'slaughtered', 'abducted', 'kidnapped', 'ambushed', 'raided', 'stormed', 'launched', 'struck', 'opened', 'carried',
  'tue', 'tues', 'tuee', 'tuees', 'attaque', 'attaques', 'tire', 'execute', 'executes', 'massacre', 'massacres', 'bombarde', 'frappe',
  'vise', 'torture', 'tortures', 'enleve', 'enleves', 'kidnappe', 'kidnappes', 'abattu', 'abattus', 'perpetre', 'commis', 'mene', 'ouvert',
]);
/** The same acts as a denial names them: "denied killing", "a nié avoir tiré", "نفى تنفيذ". */
const HARM_DENIED = new Set([
  ...HARM, 'killing', 'attacking', 'firing', 'shooting', 'executing', 'massacring', 'bombing', 'shelling', 'targeting', 'torturing', 'beating', 'carrying',
  'abducting', 'kidnapping', 'striking', 'massacred', 'tuer', 'attaquer', 'tirer', 'executer', 'massacrer', 'bombarder', 'frapper', 'viser', 'torturer', 'enlever', 'perpetrer', 'commettre', 'mener',
  'هجوم', 'الهجوم', 'تنفيذ', 'قصف', 'استهداف', 'اطلاق', 'ضرب',
]);
/** Nouns of a role: "denied involvement", "rejette toute responsabilité", "نفى أي تورط". */
const ROLE = new Set([
  'involvement', 'responsibility', 'role', 'implication', 'responsabilite', 'participation', 'تورط', 'مسؤوليه', 'علاقه', 'ضلوع',
]);
/** What a denial may deny before its clause: "denied claims that...", "rejected allegations that...". */
const CHARGES = new Set(['allegations', 'claims', 'accusations', 'charges', 'reports', 'allegation', 'accusation', 'informations', 'مزاعم', 'اتهامات', 'ادعاءات', 'تقارير']);
/** Verbs that deny only with a charge as their object: "rejected allegations", "a rejeté les accusations". */
const REJECTS = new Set(['rejected', 'rejects', 'rejecting', 'dismissed', 'dismisses', 'rejete', 'rejette', 'rejettent', 'رفض', 'رفضت']);
/** "Denied that its soldiers killed": the denier's own soldiers. */
const POSSESSIVES = new Set(['its', 'their', 'ses', 'leurs', 'son', 'sa']);
/** The negation of "not responsible", "pas responsable", "غير مسؤول", within NOT_REACH before it. */
const NOT = new Set(['not', 'pas', 'غير', 'ليس', 'ليست']);
const NOT_REACH = 3;
/** What stands between a party and "responsible" when it is negated: "X is not", "X n'est pas". */
const NOT_LINKS = new Set(['not', 'pas', 'n', 'ne']);
const RESPONSIBLE = new Set(['responsible', 'responsable', 'responsables', 'مسؤول', 'مسؤوله']);
const CLAIMED = new Set(['claimed', 'revendique', 'تبني', 'تبنت']);
const BE = new Set(['is', 'was', 'are', 'were', 'est', 'etait', 'sont', 'etaient']);
const PASSIVE = new Set(['was', 'were', 'been', 'being', 'be', 'is', 'are', 'ete', 'etait', 'etaient', 'sont', 'est', 'fut']);
const BY = new Set(['by', 'par']);
const ARABIC_BY = [['من', 'قبل'], ['علي', 'يد']];
const ACCUSE = new Set(['accused', 'blamed', 'accuse', 'accusent', 'accusait', 'blames', 'accuses', 'اتهم', 'اتهمت', 'حمل', 'حملت']);
/** Tokens after a denial verb within which its object is read: about a clause. */
const DENIAL_REACH = 10;
/** Content words after an act that name what it bore on. */
const PATIENT_WORDS = 3;
/** Words of a claim that say where and when, not whom: left out of the patient. */
const PATIENT_SKIP = new Set(['least', 'fire', 'out', 'on', 'sur', 'at', 'against', 'contre', 'feu', 'le', 'upon']);

// An attack is done by someone ("the Hezbollah attack"); a death or a toll is not ("the Israeli death toll").
const HARM_KEYS = new Set(['action:attack']);

/** Words after a participle that show it has no object: "killed in attack", "tué lors d'un assaut". */
const NO_OBJECT = new Set(['in', 'by', 'on', 'after', 'during', 'near', 'when', 'while', 'as', 'outside', 'inside', 'dans', 'lors', 'par', 'pres', 'apres', 'pendant', 'en']);
/** "Opened fire", "a ouvert le feu": opened is an act of harm only with fire after it. */
const OPENED = new Set(['opened', 'ouvert']);
const FIRE = new Set(['fire', 'feu']);
/** Verbs of shooting take their target after on or at: "fired on the crowd", "shot at protesters". */
const SHOOT = new Set(['fired', 'shot', 'opened']);
const noObject = (tokens: readonly Token[], at: number, end: number) => {
  const next = tokens[end]?.word;
  if (next === undefined) return true;
  if (SHOOT.has(tokens[at]!.word) && (next === 'on' || next === 'at')) return false;
  return NO_OBJECT.has(next) || (next === 'at' && tokens[end + 1]?.word !== 'least');
};

function patientAfter(tokens: readonly Token[], from: number): string[] {
  const out: string[] = [];
  for (let i = from; i < tokens.length && out.length < PATIENT_WORDS; i++) {
    const t = tokens[i]!;
    if (!t.stop && !PATIENT_SKIP.has(t.word) && !/\d/.test(t.word)) out.push(t.stem);
  }
  return out;
}

const harmAt = (tokens: readonly Token[], spans: readonly PhraseSpan[], i: number, words: ReadonlySet<string>) =>
  words.has(tokens[i]!.word) || spans.some((s) => s.start === i && HARM_KEYS.has(s.key));

/** Denials of a role in one sentence: the party before the denial verb (after it in Arabic), its object a role or a harm. */
function denials(s: SentenceInfo, names: ReadonlySet<string>): RoleClaim[] {
  const { tokens, spans } = s;
  const out: RoleClaim[] = [];
  tokens.forEach((t, d) => {
    const rejects = REJECTS.has(t.word);
    if (!DENIALS.has(t.word) && !rejects) return;
    const window = tokens.slice(d + 1, d + 1 + DENIAL_REACH);
    if (rejects && !window.some((w) => CHARGES.has(w.word))) return;
    const harm = window.findIndex((_, k) => harmAt(tokens, spans, d + 1 + k, HARM_DENIED));
    const role = window.some((w) => ROLE.has(w.word));
    if (harm < 0 && !role) return;
    const party = isArabic(t.word) ? partyAfter(tokens, spans, names, d + 1, 2) : partyBefore(tokens, spans, names, d);
    if (!party) return;
    // "denied that its soldiers killed": the soldiers are the denier's own.
    if (window.some((w, k) => POSSESSIVES.has(w.word) && spans.some((sp) => sp.start === d + 2 + k && sp.key === 'institution:army'))) party.ids.add('institution:army');
    out.push({ sentence: s, party, patient: harm < 0 ? [] : patientAfter(tokens, d + 2 + harm) });
  });
  // "X is not responsible for the attack", "X n'est pas responsable".
  tokens.forEach((t, r) => {
    if (!RESPONSIBLE.has(t.word) || !tokens.slice(Math.max(0, r - NOT_REACH), r).some((w) => NOT.has(w.word))) return;
    let b = r - 1;
    while (b >= 0 && (NOT_LINKS.has(tokens[b]!.word) || BE.has(tokens[b]!.word))) b--;
    const party = partyBefore(tokens, spans, names, b + 1);
    if (party) out.push({ sentence: s, party, patient: [] });
  });
  return out;
}

/** Assertions of a role in one plain sentence: a party as the doer of a harm, responsible for it, claiming it, or accused of it. */
function assertions(s: SentenceInfo, names: ReadonlySet<string>): RoleClaim[] {
  const { tokens, spans } = s;
  const out: RoleClaim[] = [];
  const habitual = (after: number) => tokens.slice(Math.max(0, after - HABIT_REACH), after).some((t) => HABITUAL.has(t.word));
  const add = (party: Party | null, after: number) => party && !charged(tokens, after) && !habitual(after) && !deniedBefore(tokens, after) && out.push({ sentence: s, party, patient: patientAfter(tokens, after) });
  tokens.forEach((t, i) => {
    if (harmAt(tokens, spans, i, HARM) && !isArabic(t.word)) {
      const end = spans.find((sp) => sp.start === i)?.end ?? i + 1;
      // "opened fire", "carried out", "a ouvert le feu": the verb is the pair.
      if (OPENED.has(t.word) && !tokens.slice(i + 1, i + 3).some((w) => FIRE.has(w.word))) return;
      if (t.word === 'carried' && tokens[i + 1]?.word !== 'out') return;
      // The doer before an active verb: "Hezbollah fired", "l'armée a tué"; not "soldiers were killed",
      // nor a headline's "leader killed in attack", whose verb has no object.
      const passive = PASSIVE.has(tokens[i - 1]?.word ?? '') || PASSIVE.has(tokens[i - 2]?.word ?? '') || noObject(tokens, i, end);
      if (!passive) add(partyBefore(tokens, spans, names, i), end);
      // The doer after "by": "killed by Eritrean troops", "tués par l'armée".
      for (let k = end; k < end + 3 && k < tokens.length; k++) {
        if (BY.has(tokens[k]!.word)) {
          add(partyAfter(tokens, spans, names, k + 1), end);
          break;
        }
      }
    }
    // "Hezbollah is responsible for the attack", "X claimed responsibility", "Israel blamed Hezbollah for".
    if (RESPONSIBLE.has(t.word) && BE.has(tokens[i - 1]?.word ?? '')) add(partyBefore(tokens, spans, names, i - 1), i + 1);
    if (CLAIMED.has(t.word) && !isArabic(t.word)) add(partyBefore(tokens, spans, names, i), i + 1);
    if (ACCUSE.has(t.word) && !isArabic(t.word)) add(partyAfter(tokens, spans, names, i + 1), i + 2);
    // Arabic: "من قبل الجيش", "على يد عناصر".
    if (ARABIC_BY.some(([a, b]) => t.word === a && tokens[i + 1]?.word === b) && tokens.slice(Math.max(0, i - 4), i).some((w, k) => harmAt(tokens, spans, Math.max(0, i - 4) + k, HARM_DENIED))) {
      add(partyAfter(tokens, spans, names, i + 2, 2), i + 2);
    }
  });
  return out;
}

/** Denial words, in the forms that open a clause of what is denied: "while denying that the coalition carried out". */
const DENYING = new Set([...DENIALS, 'denying', 'niant', 'نافيا', 'نافية']);
/** How far before the end of an act a denial may stand and make the act the denied one. */
const DENIED_REACH = 8;
/** Whether the act ending at `at` is told inside a denial: the sentence denies it, whatever else it asserts. */
const deniedBefore = (tokens: readonly Token[], at: number) => tokens.slice(Math.max(0, at - DENIED_REACH), at).some((t) => DENYING.has(t.word));

/** How far before an act a charge may stand and make it the charge's: "reports saying that the United States carried out". */
const CHARGE_REACH = 8;
/**
 * Whether the act is told as a charge ("reports that", "claims saying that"): what a denial answers,
 * told beside it, not the account's own word. An accusation by name ("Iraq accused Turkey of") is.
 */
/** What opens a charge's content: "reports that", "claims saying that", "des informations selon lesquelles". */
const CHARGE_OPENERS = new Set(['that', 'saying', 'que', 'selon', 'ان']);
const charged = (tokens: readonly Token[], at: number) =>
  tokens.slice(Math.max(0, at - CHARGE_REACH), at).some((t, k, all) => CHARGES.has(t.word) && CHARGE_OPENERS.has(all[k + 1]?.word ?? ''));

/** How far before the end of an act a habit word may stand: "has regularly attacked". */
const HABIT_REACH = 3;
/** Words that tell a habit, not this event: "the Turkish army has regularly attacked regions in Kurdistan". */
const HABITUAL = new Set(['regularly', 'repeatedly', 'often', 'frequently', 'routinely', 'usually', 'habitually', 'regulierement', 'souvent', 'frequemment', 'habituellement']);

/** Whether an assertion and a denial are about one party's one role. */
function meets(a: RoleClaim, d: RoleClaim): boolean {
  const same = sameParty(a.party, d.party);
  if (same === 'same') return true;
  return same === 'generic' && a.patient.some((w) => d.patient.includes(w));
}

/**
 * Words written as names in the event: capitalised mid-sentence somewhere, or at a sentence's start
 * and never written in lower case ("Eritrea denied...", but not "Soldiers killed...").
 */
function partyNames(sentences: readonly SentenceInfo[]): Set<string> {
  const names = eventNames(sentences);
  const lower = new Set<string>();
  for (const s of sentences) for (const t of s.tokens) if (!t.name && /^\p{Ll}/u.test(t.raw)) lower.add(t.word);
  for (const s of sentences) {
    const first = s.tokens[0];
    if (first && /^\p{Lu}/u.test(first.raw) && !first.stop && !lower.has(first.word)) names.add(first.word);
  }
  return names;
}

/** Contradictions of who did it, one per denying party. */
export function findRoleContradictions(sentences: readonly SentenceInfo[], accounts: readonly AccountRef[]): Contradiction[] {
  const names = partyNames(sentences);
  const asserted: RoleClaim[] = [];
  const denied: RoleClaim[] = [];
  for (const s of sentences) {
    const question = isQuestion(s.text);
    if (assertsPlainly(s.tokens, question)) asserted.push(...assertions(s, names));
    else if (!question) denied.push(...denials(s, names));
  }
  const out: Contradiction[] = [];
  const used = new Set<RoleClaim>();
  for (const d of denied) {
    if (used.has(d)) continue;
    const deniers = denied.filter((x) => !used.has(x) && sameParty(x.party, d.party) !== null && (x === d || asserted.some((a) => meets(a, d) && meets(a, x))));
    const against = asserted.filter((a) => deniers.some((x) => meets(a, x)));
    // An account that tells both sides ("Israel blamed Hezbollah, which denied it") reports the dispute.
    const both = new Set(deniers.map((x) => x.sentence.account).filter((n) => against.some((a) => a.sentence.account === n)));
    const denying = deniers.filter((x) => !both.has(x.sentence.account));
    const asserting = against.filter((a) => !both.has(a.sentence.account));
    if (denying.length === 0 || asserting.length === 0) continue;
    for (const x of deniers) used.add(x);
    const side = (claims: RoleClaim[]) => {
      const first = [...claims].sort((p, q) => p.sentence.account - q.sentence.account)[0]!;
      return { text: first.sentence.text, articles: [...new Set(claims.map((c) => c.sentence.account))].sort((p, q) => p - q).map((n) => accounts[n]!.url) };
    };
    out.push({ about: `who did it: ${d.party.label}`, asserts: side(asserting), denies: side(denying) });
  }
  return out;
}
