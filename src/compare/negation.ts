import type { PhraseSpan } from '../cluster/index.js';
import { foldArabic, stripClitics, type Token } from '../text/index.js';
import { numberAt } from './numbers.js';

/**
 * Whether a sentence asserts or denies what a vocabulary key stands for ("a ransom was paid" /
 * "no ransom was paid"). Only forms whose scope is unambiguous count as a denial: a negative
 * determiner on the key itself ("no ransom", "aucune rançon", "لا فدية"), "without"/"sans"/"دون"
 * governing it, "any"/"أي" after a negated verb, a denial verb whose object it is ("denied", "a
 * démenti", "نفى"; see deniedByDenialVerb), or a negated verb that, said of the key, means it never came to be, before or after it
 * ("the ransom was not paid", "لم تدفع الفدية"; see realises).
 * A negation elsewhere in the sentence ("did not comment on the release", "l'enlèvement n'a pas été
 * revendiqué") makes the sentence neither assert nor deny: it is too easy to misread.
 */
export type Polarity = 'asserts' | 'denies';

// "noone": "no-one" once numbers are spelled out.
const DETERMINERS = new Set(['no', 'nobody', 'noone', 'aucun', 'aucune', 'nul', 'nulle', 'لا']);
const WITHOUT = new Set(['without', 'sans', 'دون', 'بدون']);
const ANY = new Set(['any', 'aucun', 'aucune', 'اي']);
const VERB_NEGATORS = new Set(['not', 'never', 'didn', 'doesn', 'don', 'wasn', 'weren', 'hasn', 'haven', 'hadn', 'isn', 'aren', 'won', 'ne', 'n', 'pas', 'jamais', 'لم', 'لن', 'ليس', 'ليست', 'ولم', 'ولن']);
export const DENIALS = new Set(['denied', 'denies', 'deny', 'denial', 'dementi', 'dement', 'dementent', 'nie', 'nient', 'nier', 'نفي', 'نفت', 'ينفي', 'تنفي', 'ونفي', 'ونفت']);
// Any of these, anywhere in a sentence, keeps it from asserting.
const HEDGES = new Set(['if', 'whether', 'si', 'اذا', 'لو', 'هل', 'nor', 'neither', 'ni', 'none', 'rien', 'nothing', 'غير']);
// Verbs that say something did not come to be without a negation ("failed to reach a deal", "a refusé
// l'accord", "رفض الاتفاق"): a sentence with one asserts nothing, and denies only through the rules above.
const NEGATIVE_VERBS = new Set([
  'fail', 'fails', 'failed', 'failing', 'refuse', 'refuses', 'refused', 'reject', 'rejects', 'rejected', 'declined', 'unable',
  'echoue', 'echouer', 'echec', 'refuser', 'refusee', 'rejete', 'rejetee', 'rejeter',
  'فشل', 'فشلت', 'رفض', 'رفضت', 'يرفض', 'ترفض',
  // Ruling out: "a exclu tout paiement", "استبعدت دفع أي فدية" ("ruled out" is matched as two words).
  'exclu', 'exclut', 'ecarte', 'استبعد', 'استبعدت', 'يستبعد', 'تستبعد',
]);
/** "Ruled out", "rule out": "ruled" alone is a court's ruling. */
const RULE = new Set(['rule', 'rules', 'ruled', 'ruling']);
const rulesOut = (tokens: readonly Token[]) => tokens.some((t, i) => RULE.has(t.word) && tokens[i + 1]?.word === 'out');
const ALL_NEGATIONS = new Set([...DETERMINERS, ...WITHOUT, ...VERB_NEGATORS, ...DENIALS, ...HEDGES, ...NEGATIVE_VERBS]);
// "Without giving a toll", "sans préciser de bilan", "دون تحديد حصيلة": what is withheld is the telling,
// not the thing told of.
const TELLING = new Set([
  'saying', 'giving', 'specifying', 'providing', 'disclosing', 'detailing', 'mentioning', 'citing', 'naming', 'confirming',
  'preciser', 'donner', 'dire', 'indiquer', 'mentionner', 'communiquer', 'citer', 'fournir', 'avancer', 'chiffrer', 'confirmer', 'divulguer',
  'تحديد', 'ذكر', 'الاشاره', 'الكشف', 'توضيح', 'تقديم', 'تاكيد', 'اعطاء', 'الاعلان',
]);
// A finite auxiliary between "without" and the key ends its phrase: "les terroristes sans pitié ont
// tué" asserts the killing ("sans" takes a noun or an infinitive, never a clause).
const FINITE = new Set(['ont', 'est', 'sont', 'avait', 'avaient', 'etait', 'etaient', 'have', 'has', 'had', 'was', 'were', 'is', 'are']);
// "pas de rançon", "pas eu de rançon": pas, then de/d' right before the key.
const PARTITIVE = new Set(['de', 'd']);

function deniedAt(tokens: readonly Token[], start: number): boolean {
  let content = 0;
  for (let j = start - 1; j >= 0 && j >= start - 4; j--) {
    const t = tokens[j]!;
    if (DETERMINERS.has(t.word) && content === 0) return true;
    // "Personne n'a été tué": personne is "no one" only before ne.
    if (t.word === 'personne' && (tokens[j + 1]?.word === 'n' || tokens[j + 1]?.word === 'ne') && content === 0) return true;
    if (t.word === 'pas' && content === 0 && PARTITIVE.has(tokens[start - 1]?.word ?? '')) return true;
    if (WITHOUT.has(t.word) && content <= 1) return !tokens.slice(j + 1, start).some((b) => TELLING.has(b.word) || FINITE.has(b.word));
    if (ANY.has(t.word) && content === 0) {
      for (let k = j - 1; k >= 0 && k >= j - 5; k--) if (VERB_NEGATORS.has(tokens[k]!.word)) return true;
    }
    if (!t.stop) content++;
  }
  return false;
}

// A negated verb denies its subject itself only when the verb is the subject's coming to be: paying
// for a payment ("the ransom was not paid"), happening for an event ("the kidnapping did not take
// place"). Any other verb denies something about the key ("l'enlèvement n'a pas été revendiqué"
// denies the claim, not the kidnapping), and who is paid is not what is paid ("the drivers were not
// paid"): so the verbs are listed, each with the keys it can deny.
const PAYMENTS = new Set(['topic:ransom']);
const PAID = new Set(['paid', 'pay', 'paye', 'payee', 'payes', 'payees', 'payer', 'verse', 'versee', 'verses', 'versees', 'verser', 'تدفع', 'يدفع', 'دفع', 'دفعت', 'دفعها']);
const HAPPENED = new Set(['happen', 'happened', 'occur', 'occurred', 'يحدث', 'تحدث', 'يتم', 'تتم']);
// Two words: "take place", "avoir lieu".
const TOOK = new Set(['take', 'took', 'taken', 'eu', 'avoir']);
const PLACE = new Set(['place', 'lieu']);
// What may stand between the key and its negated verb: auxiliaries and the negation itself, so no
// other clause or key can. Conditionals ("would not be paid") are not here: they deny nothing.
const LINKS = new Set([
  'was', 'were', 'is', 'are', 'has', 'have', 'had', 'been', 'be', 'will', 'did', 'does', 'do', 'yet', 'still', 'ever', 't',
  'n', 'ne', 'a', 'ont', 'est', 'sont', 'etait', 'etaient', 'ete', 'avait', 'avaient', 'sera', 'seront', 'fut', 's', 'toujours', 'encore',
  'ait', 'aient', 'soit', 'soient',
  'قد', 'يتم', 'تتم',
]);
// "ne" alone is not a negation ("n'a été versée qu'en partie").
const NEGATIONS = new Set(['not', 'never', 'wasn', 'weren', 'isn', 'aren', 'hasn', 'haven', 'hadn', 'didn', 'doesn', 'don', 'won', 'pas', 'jamais', 'لم', 'لن', 'ولم', 'ولن']);
// After the verb, these move the negation off the key: "not paid until", "pas versée avant", "not by
// Mali but by Qatar", "not in full", "لم تدفع إلا".
const FOCUS = new Set([
  'until', 'till', 'before', 'but', 'only', 'full', 'fully', 'entirely', 'partly', 'partially', 'instead',
  'jusqu', 'avant', 'mais', 'seulement', 'entierement', 'integralement', 'totalite', 'partiellement', 'partie',
  'حتي', 'الا', 'قبل', 'بل', 'لكن', 'ولكن', 'كامل', 'كامله',
]);
const ARTICLES = new Set(['the', 'a', 'an', 'le', 'la', 'les', 'l', 'un', 'une']);
const PREPOSITIONS = new Set([
  'of', 'for', 'from', 'about', 'with', 'on', 'in', 'at', 'by', 'to', 'after', 'over', 'against',
  'de', 'd', 'du', 'des', 'pour', 'sur', 'par', 'avec', 'contre', 'dans', 'en', 'au', 'aux', 'apres',
  'في', 'من', 'عن', 'الي', 'علي', 'مع', 'بعد', 'حول', 'ضد', 'لدي',
]);
const RUN = 6;
// "who", "qui", "الذين": what follows opens a clause of its own.
const RELATIVES = new Set(['who', 'which', 'whom', 'qui', 'lequel', 'laquelle', 'lesquels', 'lesquelles', ...['الذي', 'التي', 'الذين', 'اللذين', 'اللتين', 'اللواتي', 'اللاتي'].map((w) => stripClitics(foldArabic(w)))]);

/** End of the verb at i when it is the coming to be of `key`, else 0. */
function realises(tokens: readonly Token[], i: number, key: string): number {
  const w = tokens[i]?.word ?? '';
  if (PAYMENTS.has(key)) return PAID.has(w) ? i + 1 : 0;
  if (!key.startsWith('action:')) return 0;
  if (HAPPENED.has(w)) return i + 1;
  return TOOK.has(w) && PLACE.has(tokens[i + 1]?.word ?? '') ? i + 2 : 0;
}

const focused = (tokens: readonly Token[], from: number) => tokens.slice(from).some((t) => FOCUS.has(t.word));

/** Whether the key heads its noun phrase: "the family of the hostage was not paid" is about the family. */
function headsPhrase(tokens: readonly Token[], start: number): boolean {
  let j = start - 1;
  let article = false;
  for (; j >= 0 && ARTICLES.has(tokens[j]!.word); j--) article = true;
  if (j < 0) return true;
  const t = tokens[j]!;
  // Right after an auxiliary or a relative, a bare key is a verb of another clause: "the release of the
  // hostages who were kidnapped did not happen" denies no kidnapping.
  if (!article && (LINKS.has(t.word) || RELATIVES.has(t.word))) return false;
  // A content word right before a bare key makes it a modifier ("hostage ransom") or, in Arabic, a genitive.
  return !PREPOSITIONS.has(t.word) && (t.stop || article);
}

// What opens a complement of the key itself: "the release of the hostages", "la libération des
// otages", "الإفراج عن الرهائن" (where عن is part of the key's phrase).
const OF = new Set(['of', 'de', 'd', 'du', 'des', 'عن']);

/**
 * End of the key's own complement at i ("of the four Moroccan drivers", "des otages", "عن الرهائن"),
 * else i: articles, then a noun phrase of names, numbers and vocabulary phrases naming participants,
 * or one word right after the article or preposition, which is a noun. A verb ("the hostages held
 * in Mali"), a clause ("qui", "الذين", "and") or another key the negated verb could deny ("the
 * hostages kidnapped") ends it, and what follows must then be the negated verb: so nothing passes.
 */
function complementEnd(tokens: readonly Token[], at: ReadonlyMap<number, PhraseSpan>, span: PhraseSpan): number {
  let i = span.end;
  if (OF.has(tokens[i]?.word ?? '') && !at.has(i)) i++;
  else if (!OF.has(tokens[span.end - 1]!.word)) return span.end;
  while (ARTICLES.has(tokens[i]?.word ?? '') && !at.has(i)) i++;
  const opening = i;
  for (;;) {
    const inner = at.get(i);
    if (inner) {
      if (inner.key.startsWith('action:') || PAYMENTS.has(inner.key) || inner.key === span.key) return span.end;
      i = inner.end;
      continue;
    }
    const t = tokens[i];
    if (!t) return span.end;
    const n = numberAt(tokens, i);
    if (n) i += n.length;
    else if (t.name || (i === opening && !t.stop)) i++;
    else return i === opening ? span.end : i;
  }
}

/** "the ransom was not paid", "la rançon n'a pas été versée", "الفدية لم تدفع", "الإفراج لم يتم". */
function deniedAsSubject(tokens: readonly Token[], at: ReadonlyMap<number, PhraseSpan>, span: PhraseSpan): boolean {
  if (!headsPhrase(tokens, span.start)) return false;
  let negated = false;
  const from = complementEnd(tokens, at, span);
  for (let i = from; i < tokens.length && i <= from + RUN; i++) {
    const w = tokens[i]!.word;
    const end = negated ? realises(tokens, i, span.key) : 0;
    // "يتم" ends the clause to mean "took place"; followed by a word, that word is the verb ("لم يتم تأكيده").
    if (end) return !(LINKS.has(w) && tokens[end] !== undefined && !tokens[end]!.stop) && !focused(tokens, end);
    if (NEGATIONS.has(w)) negated = true;
    else if (!LINKS.has(w)) return false;
  }
  return false;
}

/** The verb first: "لم تدفع الفدية", "لم يتم دفع الفدية", "لم يتم الإفراج", "il n'a pas été versé de rançon". */
function deniedAsComplement(tokens: readonly Token[], span: PhraseSpan): boolean {
  let j = span.start - 1;
  if (ARTICLES.has(tokens[j]?.word ?? '') || PARTITIVE.has(tokens[j]?.word ?? '')) j--;
  if (j < 0 || realises(tokens, j, span.key) !== j + 1) return false;
  for (let k = j - 1; k >= 0 && k >= j - RUN; k--) {
    if (NEGATIONS.has(tokens[k]!.word)) return !focused(tokens, span.end);
    if (!LINKS.has(tokens[k]!.word)) return false;
  }
  return false;
}

// What opens a clause of its own after a denial verb: "denied that...", "a démenti que...", "نفى أن...".
const OPENERS = new Set(['that', 'que', 'qu', 'ان']);
// Nouns and gerunds of the key's coming to be, which may stand between a denial verb and the key: "denied
// paying a ransom", "a démenti le versement d'une rançon", "نفت دفع فدية".
const COMING_TO_BE = new Set(['paying', 'payment', 'carrying', 'out', 'versement', 'paiement', 'دفع', 'تنفيذ']);
const isArabic = (w: string) => /[\u0600-\u06FF]/.test(w);
// Pronouns that name the doer of a denied action ("denied they attacked"); not "it" ("denied it was an attack").
const DOERS = new Set(['they', 'he', 'she', 'we', 'ils', 'elles', 'il', 'elle', 'nous']);

/**
 * A denial verb denies the key only when the key is what it denies: its object, with nothing between but
 * function words, names, the any-words and the key's coming to be ("denied the kidnapping", "ونفت الحكومة
 * دفع فدية", where the Arabic subject follows the verb), or the subject or object of a clause of its own
 * whose verb is the key's coming to be ("denied that a ransom had been paid"). "Denied reports that the
 * talks hit a snag" denies the snag, and "denied knowledge of the attack" the knowledge: neither denies its key.
 */
function deniedByDenialVerb(tokens: readonly Token[], at: ReadonlyMap<number, PhraseSpan>, span: PhraseSpan): boolean {
  let d = span.start - 1;
  while (d >= 0 && !DENIALS.has(tokens[d]!.word)) d--;
  if (d < 0) return false;
  const between = tokens.slice(d + 1, span.start);
  const action = span.key.startsWith('action:');
  // "denied that the man who was arrested...": the key is in a clause of its own inside the denied one.
  if (between.some((t) => OPENERS.has(t.word))) return !between.some((t) => RELATIVES.has(t.word)) && realisedAround(tokens, at, span) && !(action && doneBySomeone(tokens, span));
  // "The army denied carrying out the attack", "the rebels denied they are attacking civilians":
  // who did it is denied, not that it happened.
  if (action && between.some((t) => COMING_TO_BE.has(t.word) || DOERS.has(t.word))) return false;
  for (let i = d + 1; i < span.start; i++) {
    const t = tokens[i]!;
    const subject = i === d + 1 && isArabic(t.word);
    if (!(t.stop || t.name || ANY.has(t.word) || COMING_TO_BE.has(t.word) || subject)) return false;
  }
  return true;
}

// Auxiliaries of the active voice: "had attacked", "a attaqué", "قد هاجم".
const ACTIVE_AUXILIARIES = new Set(['had', 'has', 'have', 'a', 'ont', 'avait', 'avaient', 'ait', 'aient', 'قد']);
const BY = new Set(['by', 'par', 'من قبل']);

/**
 * Whether a denied clause names who did the action: "denied that soldiers had attacked civilians",
 * "denied that civilians were killed by soldiers". Its denial bears on the doer (another account's
 * "jihadists attacked" agrees that an attack happened), not on the action.
 */
function doneBySomeone(tokens: readonly Token[], span: PhraseSpan): boolean {
  if (ACTIVE_AUXILIARIES.has(tokens[span.start - 1]?.word ?? '') || ACTIVE_AUXILIARIES.has(tokens[span.start - 2]?.word ?? '')) return true;
  return tokens.slice(span.end, span.end + 4).some((t) => BY.has(t.word));
}

/**
 * Whether the clause says the key came to be: the action is its verb ("the suspect was arrested"), or
 * the key's verb stands right before it ("Mali paid a ransom") or after it ("a ransom had been paid").
 */
function realisedAround(tokens: readonly Token[], at: ReadonlyMap<number, PhraseSpan>, span: PhraseSpan): boolean {
  // An action that is the clause's own verb: "denied that the suspect was arrested".
  if (span.key.startsWith('action:') && LINKS.has(tokens[span.start - 1]?.word ?? '') && !ARTICLES.has(tokens[span.start - 1]!.word)) return !focused(tokens, span.end);
  let j = span.start - 1;
  if (ARTICLES.has(tokens[j]?.word ?? '') || PARTITIVE.has(tokens[j]?.word ?? '')) j--;
  if (j >= 0 && realises(tokens, j, span.key) === j + 1) return !focused(tokens, span.end);
  if (!headsPhrase(tokens, span.start)) return false;
  const from = complementEnd(tokens, at, span);
  for (let i = from; i < tokens.length && i <= from + RUN; i++) {
    const end = realises(tokens, i, span.key);
    if (end) return !focused(tokens, end);
    if (!LINKS.has(tokens[i]!.word)) return false;
  }
  return false;
}

// "s'il y a eu une rançon": French elides si before il.
const isHedged = (tokens: readonly Token[], question: boolean) =>
  question || tokens.some((t, i) => HEDGES.has(t.word) || (t.word === 's' && /^ils?$/.test(tokens[i + 1]?.word ?? '')));

/** Whether a sentence negates anything: a negation of any kind in it, or "ruled out". */
const negates = (tokens: readonly Token[]) => tokens.some((t) => ALL_NEGATIONS.has(t.word)) || rulesOut(tokens);

/** Whether a sentence may assert: no question, hedge or negation of any kind in it. */
export function assertsPlainly(tokens: readonly Token[], question: boolean): boolean {
  return !isHedged(tokens, question) && !negates(tokens);
}

/**
 * Polarity of each key of kind topic or action that the sentence speaks of with confidence. `denied`,
 * if given, receives the spans a denial bears on: what a denying sentence denies is worded by them
 * alone ("no official toll; more than 200 dead" denies a toll, not deaths).
 */
export function polarities(tokens: readonly Token[], spans: readonly PhraseSpan[], question: boolean, denied?: Set<PhraseSpan>): Map<string, Polarity> {
  const out = new Map<string, Polarity>();
  const hedged = isHedged(tokens, question);
  const negative = hedged || negates(tokens);
  const at = new Map(spans.map((s) => [s.start, s]));
  for (const span of spans) {
    if (!span.key.startsWith('topic:') && !span.key.startsWith('action:')) continue;
    const deniedByVerb = !hedged && (deniedAsSubject(tokens, at, span) || deniedAsComplement(tokens, span));
    if ((deniedAt(tokens, span.start) && !onlyUnreported(tokens, span)) || deniedByVerb || deniedByDenialVerb(tokens, at, span)) {
      out.set(span.key, 'denies');
      denied?.add(span);
    }
    else if (!negative && !out.has(span.key) && !forPurpose(tokens, span) && (!PAYMENTS.has(span.key) || tellsPayment(tokens))) out.set(span.key, 'asserts');
  }
  return out;
}

// "No deaths had been reported", "aucun décès n'a été signalé": what was known at that hour, not a
// denial that anyone died.
const REPORTED = new Set(['reported', 'confirmed', 'announced', 'signale', 'signales', 'signalee', 'signalees', 'rapporte', 'rapportes', 'annonce', 'annonces', 'confirme', 'confirmes']);
const REPORTED_REACH = 4;
const onlyUnreported = (tokens: readonly Token[], span: PhraseSpan) =>
  tokens.slice(span.end, span.end + REPORTED_REACH).some((t) => REPORTED.has(t.word));

// What a ransom claim is about is its payment: "demanding ransoms" or "a ransom was sought" says none was paid.
const PAYMENT_NOUNS = new Set(['payment', 'payments', 'paiement', 'versement', 'paying', 'دفع']);
const tellsPayment = (tokens: readonly Token[]) => tokens.some((t) => PAID.has(t.word) || PAYMENT_NOUNS.has(t.word));

// "Kidnappings for ransom", "enlèvements contre rançon", "خطف مقابل فدية": the purpose, not a payment made.
const FOR = new Set(['for', 'contre', 'مقابل']);
const FOR_REACH = 3;
const forPurpose = (tokens: readonly Token[], span: PhraseSpan) =>
  PAYMENTS.has(span.key) && tokens.slice(Math.max(0, span.start - FOR_REACH), span.start).some((t) => FOR.has(t.word));

// "Not yet", "pas encore", "لم يتم بعد": a denial for now, which a later account may overtake.
const YET = new Set(['yet', 'encore']);
const ARABIC_YET = 'بعد';
const ARABIC_NEGATED = new Set(['لم', 'ولم']);
/** Arabic بعد is "yet" at the end of the sentence or soon after a negated verb; elsewhere it may be "after". */
const YET_REACH = 6;

/** Whether the sentence's denials are for now only ("no deal has been signed yet", "la rançon n'a pas encore été versée"). */
export function saysNotYet(tokens: readonly Token[]): boolean {
  const arabicYet = (i: number) => i === tokens.length - 1 || tokens.slice(Math.max(0, i - YET_REACH), i).some((p) => ARABIC_NEGATED.has(p.word));
  return tokens.some((t, i) => YET.has(t.word) || (t.word === ARABIC_YET && arabicYet(i)));
}
