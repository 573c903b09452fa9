/**
 * Who speaks in a sentence: direct quotes with their speakers, and the sources an account cites
 * ("according to", "selon", "حسب", "a security source", "مصادر محلية").
 */

export interface QuoteFound {
  text: string;
  speaker: string | null;
}

// A quotation of at least three words: shorter ones are scare quotes ("three borders", “rescuer”).
const QUOTE = /["“«„]\s*([^"“”«»„]+?)\s*["”»]/gu;
const SPEECH = String.raw`said|says|told|added|stated|declared|warned|a déclaré|a affirmé|a indiqué|a dit|a ajouté|a précisé|a souligné|a assuré|affirme|déclare|indique|قال|قالت|وقال|وقالت|أكد|أكدت|وأكد|وأكدت|أضاف|وأضاف|صرح|وصرح`;
const VERB_FIRST = new RegExp(String.raw`^[\s,،]*(?:${SPEECH})\s+(.+?)[\s.]*$`, 'u');
const VERB_AFTER = new RegExp(String.raw`^[\s,،]*(.+?)\s+(?:${SPEECH})\b`, 'u');
const BEFORE_VERB_FIRST = new RegExp(String.raw`(?:^|\s)(?:${SPEECH})\s+(.+?)\s*[:،,]?\s*$`, 'u');
const BEFORE_VERB_AFTER = new RegExp(String.raw`(?:^|[.;]\s)(.+?)\s+(?:${SPEECH})\s*[:,]?\s*$`, 'u');
const MAX_SPEAKER_WORDS = 10;
// What follows a speaker and is not them ("told reporters", "in a statement").
const TAIL = /\s+(?:told|to|in|on|during|at|lors|devant|dans|à|في|خلال|ل)\b.*$/u;

function words(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

function cleanSpeaker(s: string | undefined): string | null {
  if (!s) return null;
  const out = s.replace(TAIL, '').replace(/^[\s,،:]+|[\s,،:.]+$/gu, '');
  return out && words(out) <= MAX_SPEAKER_WORDS ? out : null;
}

export function findQuotes(sentence: string): QuoteFound[] {
  const out: QuoteFound[] = [];
  for (const m of sentence.matchAll(QUOTE)) {
    const text = m[1]!.replace(/[\s,،]+$/u, '');
    if (words(text) < 3) continue;
    const after = sentence.slice(m.index + m[0].length);
    const before = sentence.slice(0, m.index);
    const speaker =
      cleanSpeaker(VERB_FIRST.exec(after)?.[1]) ??
      cleanSpeaker(VERB_AFTER.exec(after)?.[1]) ??
      cleanSpeaker(BEFORE_VERB_FIRST.exec(before)?.[1]) ??
      cleanSpeaker(BEFORE_VERB_AFTER.exec(before)?.[1]);
    out.push({ text, speaker });
  }
  return out;
}

const STOP = String.raw`[^,.;:!?"“”«»،؛]`;
const CITED: RegExp[] = [
  new RegExp(String.raw`\b(?:according to|citing|quoting)\s+(${STOP}+)`, 'giu'),
  new RegExp(String.raw`(?:^|\s)(?:[Ss]elon|[Dd]['’]après|[Cc]itant)\s+(${STOP}+)`, 'gu'),
  new RegExp(String.raw`(?:^|\s)(?:و?ب?حسب|وفقا? ?لـ?|نقلا? عن)\s*(${STOP}+)`, 'gu'),
];
const ANONYMOUS: RegExp[] = [
  /\b((?:an?|one|two|three|several|multiple|many|some|other)\s+(?:[a-z-]+\s+){0,2}sources?)\s+(?:said|say|says|told|confirm|confirmed|claim|claimed|close|familiar|indicated|reported|speaking)\b/giu,
  /\b((?:une|des|de|plusieurs|deux|trois|certaines)\s+sources?(?:\s+[\p{Ll}-]+(?:aire|ale|aux|ante|ée|ique|ienne|elle|ière)s?)?)/giu,
  /((?:مصادر|مصدر)\s+[\u0621-\u064A]+)/gu,
];
const MAX_SOURCE_WORDS = 8;

/** The sources a sentence cites, as written (the cue's object, or an anonymous "security source"). */
export function findSources(sentence: string): string[] {
  const out: string[] = [];
  for (const re of CITED) {
    for (const m of sentence.matchAll(re)) {
      const s = m[1]!.trim().split(/\s+/).slice(0, MAX_SOURCE_WORDS).join(' ');
      if (s) out.push(s);
    }
  }
  for (const re of ANONYMOUS) {
    for (const m of sentence.matchAll(re)) {
      const s = m[1]!.trim();
      if (!out.some((o) => o.includes(s) || s.includes(o))) out.push(s);
    }
  }
  return out;
}
