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
const STOPSETS = Object.fromEntries(Object.entries(STOPWORDS).map(([k, v]) => [k, new Set(v)]));

export interface Detection {
  language: string | null;
  confident: boolean;
}

const SCRIPTS: [RegExp, string][] = [
  [/[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/gu, 'arabic'],
  [/[\u0400-\u04ff]/gu, 'ru'],
  [/[\u0590-\u05ff]/gu, 'he'],
  [/[\u0370-\u03ff]/gu, 'el'],
  [/[\u0900-\u097f]/gu, 'hi'],
  [/[\u3040-\u30ff]/gu, 'ja'],
  [/[\uac00-\ud7af]/gu, 'ko'],
  [/[\u4e00-\u9fff]/gu, 'zh'],
  [/[\u0e00-\u0e7f]/gu, 'th'],
];

export function detectLanguage(text: string): Detection {
  const sample = text.slice(0, 6000);
  const letters = (sample.match(/\p{L}/gu) ?? []).length;
  if (letters < 20) return { language: null, confident: false };
  for (const [re, code] of SCRIPTS) {
    const n = (sample.match(re) ?? []).length;
    // Japanese mixes kana with Han, so kana decides before Han does.
    if (n / letters > (code === 'ja' ? 0.1 : 0.4)) {
      if (code === 'arabic') return { language: arabicScriptLanguage(sample), confident: letters >= 50 };
      if (code === 'ru' && /[іїєґ]/i.test(sample)) return { language: 'uk', confident: letters >= 50 };
      return { language: code, confident: letters >= 50 };
    }
  }
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  const hits: [string, number][] = Object.keys(STOPSETS).map((lang) => [lang, 0]);
  for (const w of words) for (const h of hits) if (STOPSETS[h[0]]!.has(w)) h[1]++;
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

export function chooseLanguage(declared: (string | null | undefined)[], text: string): string | null {
  const declaredLang = declared.map(primaryLanguage).find((l) => l !== null) ?? null;
  const detected = detectLanguage(text);
  if (detected.confident) return detected.language;
  return declaredLang ?? detected.language;
}
