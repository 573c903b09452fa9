import { describe, expect, it } from 'vitest';
import { numberAt, spellNumbers } from '../../src/compare/numbers.js';
import { tokenize } from '../../src/text/index.js';

/** The first number read in a text: its value and the range its wording allows. */
function read(text: string, language: string) {
  const tokens = tokenize(spellNumbers(text), language);
  for (let i = 0; i < tokens.length; i++) {
    const n = numberAt(tokens, i);
    if (n) return { value: n.value, low: n.low, high: n.high };
  }
  return null;
}
const exact = (value: number) => ({ value, low: value, high: value });

describe('numbers read in three languages', () => {
  it('drops thousands separators: 1,500 · 1 500 · 1.500 · ١٬٥٠٠', () => {
    expect(read('1,500 people were evacuated', 'en')).toEqual(exact(1500));
    expect(read('1 500 personnes évacuées', 'fr')).toEqual(exact(1500));
    expect(read('1\u202F500 personnes évacuées', 'fr')).toEqual(exact(1500));
    expect(read('1.500 personnes évacuées', 'fr')).toEqual(exact(1500));
    expect(read('تم إجلاء ١٬٥٠٠ شخص', 'ar')).toEqual(exact(1500));
    expect(read('a ransom of 1,500,000 dollars', 'en')).toEqual(exact(1_500_000));
  });

  it('reads numbers written in words, with hundreds and scales', () => {
    expect(read('five hundred people', 'en')).toEqual(exact(500));
    expect(read('two hundred and fifty soldiers', 'en')).toEqual(exact(250));
    expect(read('twenty-five villages', 'en')).toEqual(exact(25));
    expect(read('1.5 million people', 'en')).toEqual(exact(1_500_000));
    expect(read('cinq cents personnes', 'fr')).toEqual(exact(500));
    expect(read('quatre-vingt-dix morts', 'fr')).toEqual(exact(90));
    expect(read('soixante-dix blessés', 'fr')).toEqual(exact(70));
    expect(read('deux mille personnes', 'fr')).toEqual(exact(2000));
    expect(read('خمسمائة شخص', 'ar')).toEqual(exact(500));
    expect(read('خمسة وعشرون قتيلا', 'ar')).toEqual(exact(25));
    expect(read('ثلاثة آلاف نازح', 'ar')).toEqual(exact(3000));
    expect(read('مئتي شخص', 'ar')).toEqual(exact(200));
  });

  it('keeps "at least", "more than", "about", "nearly", "up to" as the range the value allows', () => {
    expect(read('at least 5 people were killed', 'en')).toEqual({ value: 5, low: 5, high: Infinity });
    expect(read('more than 200 people', 'en')).toEqual({ value: 200, low: 200, high: Infinity });
    // An article belongs to the number it scales: "over a hundred" is a floor, not exactly 100.
    expect(read('over a hundred people were killed', 'en')).toEqual({ value: 100, low: 100, high: Infinity });
    expect(read('about 50 were hurt', 'en')).toEqual({ value: 50, low: 40, high: 60 });
    expect(read('nearly $80 million', 'en')).toEqual({ value: 80e6, low: 64e6, high: 80e6 });
    expect(read('as many as 80 people', 'en')).toEqual({ value: 80, low: 0, high: 80 });
    expect(read('au moins cinq morts', 'fr')).toEqual({ value: 5, low: 5, high: Infinity });
    expect(read('plus de 200 personnes', 'fr')).toEqual({ value: 200, low: 200, high: Infinity });
    expect(read('environ 50 blessés', 'fr')).toEqual({ value: 50, low: 40, high: 60 });
    expect(read('une dizaine de blessés', 'fr')).toEqual({ value: 10, low: 8, high: 12 });
    expect(read('ما لا يقل عن خمسة قتلى', 'ar')).toEqual({ value: 5, low: 5, high: Infinity });
    expect(read('أكثر من 200 شخص', 'ar')).toEqual({ value: 200, low: 200, high: Infinity });
    expect(read('ما يربو على 50 شخصا', 'ar')).toEqual({ value: 50, low: 50, high: Infinity });
    expect(read('يربو على 50 شخصا', 'ar')).toEqual({ value: 50, low: 50, high: Infinity });
    expect(read('حوالي 50 جريحا', 'ar')).toEqual({ value: 50, low: 40, high: 60 });
  });

  it('reads ranges as their two ends', () => {
    const range = { value: 50, low: 50, high: 70 };
    expect(read('between 50 and 70 people', 'en')).toEqual(range);
    expect(read('50 to 70 people', 'en')).toEqual(range);
    expect(read('entre 50 et 70 morts', 'fr')).toEqual(range);
    expect(read('de 50 à 70 morts', 'fr')).toEqual(range);
    expect(read('بين 50 و70 قتيلا', 'ar')).toEqual(range);
    // Two counts joined by "and" are no range.
    expect(read('12 Somali and 11 Yemeni pirates', 'en')).toEqual(exact(12));
  });

  it('reads no count in vague plurals, clock times, attributes and names', () => {
    for (const [text, language] of [
      ['hundreds of people', 'en'], ['des milliers de personnes', 'fr'], ['آلاف الأشخاص', 'ar'],
      ['at 4 p.m. local time', 'en'], ['at 20:49 GMT', 'en'], ['at 0440 GMT', 'en'],
      ['the 13-inch model', 'en'], ['an AK-47 rifle', 'en'], ['an 88-72 loss', 'en'], ['a .357 Magnum', 'en'], ['a four-by-four', 'en'],
    ]) expect(read(text!, language!), text).toBeNull();
  });

  it('does not run two numbers into one across a restated figure', () => {
    expect(read('$2.6 million (two million euros)', 'en')).toEqual(exact(2_600_000));
  });
});
