import { describe, expect, test } from 'vitest';
import { compileQuery, matchDocument, type MatchText } from '../../src/alerts/matcher.js';
import { parseQuery } from '../../src/alerts/query.js';
import { loadVocabulary } from '../../src/cluster/index.js';

const vocabulary = loadVocabulary();
const matches = (query: string, ...texts: MatchText[]) => compileQuery(parseQuery(query), vocabulary).matches(matchDocument(texts, vocabulary));
const en = (text: string): MatchText => ({ language: 'en', text });
const fr = (text: string): MatchText => ({ language: 'fr', text });
const ar = (text: string): MatchText => ({ language: 'ar', text });

describe('query matcher', () => {
  test('case and accents do not matter; stems meet inflected forms', () => {
    expect(matches('liberation', fr('La LIBÉRATION des otages à Gao'))).toBe(true);
    expect(matches('Libérés', fr('Quatre otages libérés'))).toBe(true);
    expect(matches('kidnapped', en('Gunmen kidnap two engineers'))).toBe(true);
    expect(matches('kidnapped', en('Gunmen attacked a convoy'))).toBe(false);
  });

  test('Arabic spelling variants and clitics are folded as clustering folds them', () => {
    // ة/ه, أ/ا and the article al- with wa-: "والرهينة" is "and the hostage".
    expect(matches('رهينة', ar('أفرج عن الرهينه والرهينة الثانية'))).toBe(true);
    expect(matches('أفرج', ar('افرج عن رهينتين'))).toBe(true);
    expect(matches('انتخابات', ar('أفرج عن رهينتين'))).toBe(false);
  });

  test('a vocabulary form matches the key in every language: Mali finds مالي', () => {
    expect(matches('Mali', ar('أفرج عن أربعة رهائن في مالي'))).toBe(true);
    expect(matches('مالي', en('Four hostages freed in Mali'))).toBe(true);
    expect(matches('otage', en('Four hostages freed in Mali'))).toBe(true);
    // "Burkina" alone is a form of the same key as "Burkina Faso".
    expect(matches('"Burkina Faso"', fr('Attaque au Burkina'))).toBe(true);
    expect(matches('"Burkina Faso"', ar('هجوم في بوركينا فاسو'))).toBe(true);
    expect(matches('Mali', ar('أفرج عن أربعة رهائن في النيجر'))).toBe(false);
  });

  test('phrases match words in sequence only', () => {
    expect(matches('"convoi humanitaire"', fr('Un convoi humanitaire attaqué'))).toBe(true);
    expect(matches('"convoi humanitaire"', fr('Un convoi attaqué, l’aide humanitaire suspendue'))).toBe(false);
    expect(matches('convoi humanitaire', fr('Un convoi attaqué, l’aide humanitaire suspendue'))).toBe(true);
  });

  test('AND, OR, NOT and parentheses across the texts of an event', () => {
    const q = '(hostage OR otage OR رهينة OR kidnapped) AND (Mali OR Niger OR "Burkina Faso") AND NOT exercise';
    expect(matches(q, fr('Deux otages libérés'), ar('في شمال مالي'))).toBe(true);
    expect(matches(q, en('Two hostages freed in Niger during a military exercise'))).toBe(false);
    expect(matches(q, en('Two hostages freed in Morocco'))).toBe(false);
    expect(matches(q, ar('إطلاق سراح رهائن في بوركينا فاسو'))).toBe(true);
  });
});
