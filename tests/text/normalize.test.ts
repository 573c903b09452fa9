import { describe, expect, it } from 'vitest';
import { asciiDigits, foldArabic, foldLatin, numberOf, skeleton, stripClitics, tokenize } from '../../src/text/index.js';
import { endsSentence, wordSpans, wordSpansByPattern } from '../../src/text/tokens.js';
import { readdirSync, readFileSync } from 'node:fs';

describe('Latin folding', () => {
  it.each([
    ['Libération', 'liberation'],
    ['ÉTAT ISLAMIQUE', 'etat islamique'],
    ['Ménaka', 'menaka'],
    ['ﬁnancement', 'financement'], // NFKC ligature
    ['Œuvre', 'oeuvre'],
  ])('%s -> %s', (input, folded) => expect(foldLatin(input)).toBe(folded));

  it('folds ASCII text as the full normalisation does', () => {
    const full = (t: string) => t.normalize('NFKC').toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
    const ascii = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i)).join('');
    for (const text of [ascii, 'Bamako AND Gao', 'Mopti-2024']) expect(foldLatin(text)).toBe(full(text));
  });
});

describe('Arabic folding', () => {
  it('drops diacritics and tatweel', () => {
    expect(foldArabic('الإِفْرَاج')).toBe('الافراج');
    expect(foldArabic('مـــالي')).toBe('مالي');
  });
  it('unifies alef, yaa and taa marbuta forms', () => {
    expect(foldArabic('أإآ')).toBe('ااا');
    expect(foldArabic('مستشفى')).toBe('مستشفي');
    expect(foldArabic('الدولة')).toBe('الدوله');
  });
  it('strips wa-, bi-, li- and al- but keeps short words whole', () => {
    expect(stripClitics('والمختطفين')).toBe('مختطفين');
    expect(stripClitics('بالجيش')).toBe('جيش');
    expect(stripClitics('للجيش')).toBe('جيش');
    expect(stripClitics('ولد')).toBe('ولد');
    expect(stripClitics('بلد')).toBe('بلد');
  });
});

describe('tokenize', () => {
  it('flags stop words and stems English', () => {
    const t = tokenize('The army released the drivers', 'en');
    expect(t.map((x) => x.stop)).toEqual([true, false, false, true, false]);
    expect(t.find((x) => x.word === 'drivers')!.stem).toBe('driver');
  });
  it('splits French elisions and folds accents before stemming', () => {
    const t = tokenize("L'armée a libéré les otages", 'fr');
    expect(t.map((x) => x.word)).toEqual(['l', 'armee', 'a', 'libere', 'les', 'otages']);
    expect(t.filter((x) => !x.stop).map((x) => x.stem)).toEqual(['arme', 'liber', 'otag']);
  });
  it('folds Arabic words and their clitics to one form', () => {
    const a = tokenize('والرهائن', 'ar')[0]!;
    const b = tokenize('الرهائن', 'ar')[0]!;
    expect(a.word).toBe(b.word);
    expect(a.stem).toBe(b.stem);
  });
  it('marks capitalised words inside a sentence as names, not the first word', () => {
    const t = tokenize('Officials said Abu Darda was freed. Officials left.', 'en');
    expect(t.filter((x) => x.name).map((x) => x.word)).toEqual(['abu', 'darda']);
  });
});

describe('numbers', () => {
  it('maps Arabic-Indic and Persian digits to ASCII', () => {
    expect(asciiDigits('٢٠٢٥ و ۴')).toBe('2025 و 4');
  });
  it('reads number words in the three languages', () => {
    expect(numberOf('four')).toBe(4);
    expect(numberOf('quatre')).toBe(4);
    expect(numberOf(tokenize('أربعة', 'ar')[0]!.word)).toBe(4);
    expect(numberOf('12')).toBe(12);
    expect(numberOf('drivers')).toBeNull();
    expect(numberOf('constructor')).toBeNull();
  });
});

describe('transliteration skeleton', () => {
  const sk = (w: string, lang: string) => skeleton(tokenize(w, lang)[0]!.word);
  it.each([
    ['الدرداء', 'Darda'],
    ['الدرداء', 'Dardaa'],
    ['الشيب', 'Cheib'],
    ['محمد', 'Mohamed'],
    ['ميناكا', 'Ménaka'],
    ['بانيبانغو', 'Banibangou'],
  ])('%s meets %s', (arabic, latin) => expect(sk(arabic, 'ar')).toBe(sk(latin, 'fr')));
  it('keeps different names apart', () => {
    expect(sk('Darda', 'en')).not.toBe(sk('Bakkay', 'en'));
  });
});

describe('endsSentence', () => {
  it('says what the sentence-end pattern says of the gap between two words', () => {
    const pattern = /[.!?:;\n"“”«»—–|]\s*$/;
    const pieces = ['', ' ', '  ', '\n', '\t', '\u00a0', '\u2003', '.', '!', ':', '“', '»', '—', '|', ',', '-', '(', 'a', '1', '😀', '\r\n'];
    const gaps: string[] = [];
    for (const a of pieces) for (const b of pieces) for (const c of pieces) gaps.push(a + b + c);
    for (const gap of gaps) {
      const text = `word${gap}next`;
      expect([gap, endsSentence(text, 4, 4 + gap.length)]).toEqual([gap, pattern.test(gap)]);
    }
  });
});

describe('wordSpans', () => {
  it.each([
    ['plain ASCII, punctuation and digits', "The army's 4 drivers -- freed (2023)!"],
    ['accents and combining marks', 'Libération de l\u2019otage; e\u0301te\u0301 à Ménaka'],
    ['Arabic with diacritics and Arabic-Indic digits', 'أُطلق سراح ٤ سائقين في مَالي'],
    ['astral letters and digits, emoji between', '𝐀𝐁c 😀 𝟏𝟐 𐐀x'],
    ['lone surrogates', 'a\ud800b \udc00 c'],
    ['word at the end and the start', 'end'],
    ['nothing but separators', ' ,.; '],
    ['empty', ''],
  ])('finds the words the pattern finds: %s', (_, text) => {
    expect(wordSpans(text)).toEqual(wordSpansByPattern(text));
  });

  it('finds the words the pattern finds in every fixture article', () => {
    const dir = 'tests/fixtures/events';
    const files = readdirSync(dir);
    expect(files.filter((f) => f.endsWith('.yaml')).length).toBeGreaterThan(1);
    for (const f of files) {
      const text = readFileSync(`${dir}/${f}`, 'utf8').normalize('NFKC');
      expect(wordSpans(text)).toEqual(wordSpansByPattern(text));
    }
  });
});
