/**
 * Language: the page's declaration checked against the text. Templates often keep a default
 * `lang="en"` on pages written in French or Arabic, so a confident detection wins over the
 * declaration; a weak one only fills in when nothing is declared.
 */

const STOPWORDS: Record<string, string[]> = {
  en: ['the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'it', 'was', 'on', 'with', 'he', 'as', 'are', 'this', 'by', 'be', 'at', 'from', 'have', 'has', 'but', 'not', 'they', 'his', 'which', 'were', 'been', 'their', 'said', 'would', 'who', 'will'],
  fr: ['le', 'la', 'les', 'de', 'des', 'et', 'est', 'un', 'une', 'du', 'dans', 'qui', 'que', 'pour', 'pas', 'sur', 'au', 'aux', 'avec', 'ce', 'il', 'elle', 'ne', 'se', 'son', 'sont', 'par', 'mais', 'ont', 'été', 'cette', 'leur', 'nous', 'vous', 'plus', 'où'],
  es: ['el', 'la', 'los', 'las', 'de', 'del', 'y', 'en', 'que', 'un', 'una', 'por', 'con', 'para', 'es', 'se', 'su', 'al', 'lo', 'como', 'más', 'pero', 'sus', 'le', 'ha', 'fue', 'este', 'esta', 'son', 'también'],
  de: ['der', 'die', 'das', 'und', 'ist', 'nicht', 'ein', 'eine', 'zu', 'den', 'von', 'mit', 'sich', 'des', 'auf', 'für', 'im', 'dem', 'auch', 'es', 'an', 'werden', 'aus', 'er', 'hat', 'dass', 'sie', 'nach', 'wird', 'bei'],
  pt: ['o', 'a', 'os', 'as', 'de', 'do', 'da', 'dos', 'das', 'e', 'em', 'no', 'na', 'que', 'um', 'uma', 'para', 'com', 'não', 'por', 'mais', 'se', 'foi', 'ao', 'pelo', 'pela', 'são', 'também', 'seu', 'sua'],
  it: ['il', 'lo', 'la', 'gli', 'le', 'di', 'e', 'che', 'un', 'una', 'per', 'non', 'con', 'del', 'della', 'dei', 'nel', 'nella', 'sono', 'è', 'si', 'da', 'al', 'alla', 'anche', 'come', 'più', 'ma', 'questo', 'ha'],
  nl: ['de', 'het', 'een', 'en', 'van', 'is', 'dat', 'op', 'te', 'in', 'voor', 'niet', 'met', 'zijn', 'er', 'aan', 'ook', 'als', 'bij', 'door', 'wordt', 'maar', 'om', 'nog', 'dan', 'werd', 'heeft', 'deze', 'uit', 'naar'],
};
const LANGS = Object.keys(STOPWORDS);
// Word -> the languages (indices into LANGS) it is a stop word of: one look-up per word, not one per language.
const STOP_INDEX = new Map<string, number[]>();
LANGS.forEach((lang, i) => {
  for (const w of STOPWORDS[lang]!) {
    const list = STOP_INDEX.get(w);
    if (list) list.push(i);
    else STOP_INDEX.set(w, [i]);
  }
});

export interface Detection {
  language: string | null;
  confident: boolean;
}

// Non-Latin scripts by code point range: [from, to, code]. Read in one pass over the sample (a
// regular expression per script, plus one per letter, cost more than the rest of extraction's walk).
const SCRIPT_RANGES: [number, number, string][] = [
  [0x0600, 0x06ff, 'arabic'], [0x0750, 0x077f, 'arabic'], [0xfb50, 0xfdff, 'arabic'], [0xfe70, 0xfeff, 'arabic'],
  [0x0400, 0x04ff, 'ru'],
  [0x0590, 0x05ff, 'he'],
  [0x0370, 0x03ff, 'el'],
  [0x0900, 0x097f, 'hi'],
  [0x3040, 0x30ff, 'ja'],
  [0xac00, 0xd7af, 'ko'],
  [0x4e00, 0x9fff, 'zh'],
  [0x0e00, 0x0e7f, 'th'],
];
// The order in which scripts decide, as before: Japanese mixes kana with Han, so kana decides before Han does.
const SCRIPT_ORDER = ['arabic', 'ru', 'he', 'el', 'hi', 'ja', 'ko', 'zh', 'th'];
const LETTER = /\p{L}/u;

function isAsciiLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

export function detectLanguage(text: string): Detection {
  const sample = text.slice(0, 6000);
  let letters = 0;
  const scripts = new Map<string, number>();
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 0x80) {
      if (isAsciiLetter(c)) letters++;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) continue; // surrogate halves: astral letters are too rare to matter here
    // Accented Latin letters, the common case, without a regular expression.
    if (c >= 0xc0 && c <= 0x24f) {
      if (c !== 0xd7 && c !== 0xf7) letters++;
      continue;
    }
    if (!LETTER.test(sample[i]!)) continue;
    letters++;
    for (const [from, to, code] of SCRIPT_RANGES) {
      if (c >= from && c <= to) {
        scripts.set(code, (scripts.get(code) ?? 0) + 1);
        break;
      }
    }
  }
  if (letters < 20) return { language: null, confident: false };
  for (const code of SCRIPT_ORDER) {
    const n = scripts.get(code) ?? 0;
    if (n / letters > (code === 'ja' ? 0.1 : 0.4)) {
      if (code === 'arabic') return { language: arabicScriptLanguage(sample), confident: letters >= 50 };
      if (code === 'ru' && /[іїєґ]/i.test(sample)) return { language: 'uk', confident: letters >= 50 };
      return { language: code, confident: letters >= 50 };
    }
  }
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  const counts = new Array<number>(LANGS.length).fill(0);
  for (const w of words) {
    const langs = STOP_INDEX.get(w);
    if (langs) for (const i of langs) counts[i]!++;
  }
  const hits: [string, number][] = LANGS.map((lang, i) => [lang, counts[i]!]);
  hits.sort((a, b) => b[1] - a[1]);
  const [top, second] = [hits[0]!, hits[1]!];
  if (top[1] === 0) return { language: null, confident: false };
  const confident = top[1] >= 8 && top[1] >= 1.5 * second[1] && top[1] / words.length > 0.08;
  return { language: top[0], confident };
}

// Persian and Urdu share the Arabic script; their own letters tell them apart.
function arabicScriptLanguage(sample: string): string {
  const urdu = (sample.match(/[ٹڈڑےں]/g) ?? []).length;
  const persian = (sample.match(/[پچژگی]/g) ?? []).length;
  const arabic = (sample.match(/[ةىي]/g) ?? []).length;
  if (urdu > arabic && urdu > 5) return 'ur';
  if (persian > arabic && persian > 5) return 'fa';
  return 'ar';
}

/** `fr-FR`, `fr_FR`, `FR` → `fr`; anything that is not a language subtag → null. */
export function primaryLanguage(tag: string | null | undefined): string | null {
  if (!tag) return null;
  const m = /^\s*([a-z]{2,3})(?:[-_]|\s*$)/i.exec(tag);
  return m ? m[1]!.toLowerCase() : null;
}

/**
 * Where a page's language came from: `text` when detection from the text was confident, `page` when
 * it is the page's own declaration (`<html lang>`, meta), `guess` when a weak detection filled in
 * for a page that declares nothing. Callers holding a better source (a feed's configured language)
 * should let only `text` override it: templates keep a default `lang="en"` on French pages.
 */
export type LanguageSource = 'text' | 'page' | 'guess';

/** Languages detectLanguage can name: a declaration of any other is not checked against the text. */
const DETECTABLE = new Set([...LANGS, ...SCRIPT_ORDER.filter((s) => s !== 'arabic'), 'ar', 'ur', 'fa', 'uk']);

export function languageChoice(declared: (string | null | undefined)[], text: string): { language: string | null; source: LanguageSource | null } {
  const declaredLang = declared.map(primaryLanguage).find((l) => l !== null) ?? null;
  const detected = detectLanguage(text);
  // Detection overrules only a declaration it could have confirmed: Hungarian text is full of "a"
  // and reads as Portuguese, Bulgarian is Cyrillic and reads as Russian.
  if (detected.confident && (declaredLang === null || DETECTABLE.has(declaredLang))) return { language: detected.language, source: 'text' };
  if (declaredLang) return { language: declaredLang, source: 'page' };
  return detected.language ? { language: detected.language, source: 'guess' } : { language: null, source: null };
}

export function chooseLanguage(declared: (string | null | undefined)[], text: string): string | null {
  return languageChoice(declared, text).language;
}
