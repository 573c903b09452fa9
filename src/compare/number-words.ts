import { foldWord as fold } from '../text/index.js';

/**
 * Numbers written in words, in the folded forms the tokenizer gives (no accents; Arabic taa
 * marbuta as haa, hamza seats dropped, the conjunction و stripped). A number is read from a run
 * of these: units and tens add ("twenty five", "خمسة وعشرون"), a hundred multiplies what stands
 * before it ("cinq cents", "five hundred"), a scale closes a group ("two thousand", "ثلاثة آلاف").
 */
const table = (entries: Record<string, number>) => new Map(Object.entries(entries).map(([w, v]) => [fold(w), v]));

/** Units, teens and tens: they add up. */
export const SMALL = table({
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, sept: 7, huit: 8, neuf: 9, dix: 10,
  onze: 11, douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16,
  vingt: 20, vingts: 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60,
  'واحد': 1, 'واحده': 1, 'اثنان': 2, 'اثنين': 2, 'اثنا': 2, 'اثني': 2, 'ثلاثه': 3, 'ثلاث': 3, 'اربعه': 4, 'اربع': 4, 'خمسه': 5, 'خمس': 5,
  'سته': 6, 'ست': 6, 'سبعه': 7, 'سبع': 7, 'ثمانيه': 8, 'ثماني': 8, 'تسعه': 9, 'تسع': 9, 'عشره': 10, 'عشر': 10,
  'عشرون': 20, 'عشرين': 20, 'ثلاثون': 30, 'ثلاثين': 30, 'اربعون': 40, 'اربعين': 40, 'خمسون': 50, 'خمسين': 50,
  'ستون': 60, 'ستين': 60, 'سبعون': 70, 'سبعين': 70, 'ثمانون': 80, 'ثمانين': 80, 'تسعون': 90, 'تسعين': 90,
});

/** Words that multiply what stands before them by 100 (or stand for 100 alone). */
export const HUNDREDS = table({
  hundred: 100, cent: 100, cents: 100, 'مائه': 100, 'مئه': 100, 'ميه': 100, 'مايه': 100,
});
/** Arabic hundreds in one word ("خمسمائة") and duals ("مئتين", "ألفي"). */
export const WHOLE_HUNDREDS = table({
  'مائتان': 200, 'مائتين': 200, 'مائتي': 200, 'مئتان': 200, 'مئتين': 200, 'مئتي': 200,
  'ألفان': 2000, 'ألفين': 2000, 'ألفي': 2000, 'مليونان': 2e6, 'مليونين': 2e6, 'مليوني': 2e6,
  ...Object.fromEntries(['ثلاث', 'اربع', 'خمس', 'ست', 'سبع', 'ثمان', 'تسع'].flatMap((u, k) => ['مائه', 'مئه'].map((h) => [`${u}${h}`, (k + 3) * 100]))),
});

/** Scales: close a group. The plural forms only after a number ("trois millions", "ثلاثة آلاف"). */
export const SCALES = table({ thousand: 1e3, mille: 1e3, 'الف': 1e3, million: 1e6, 'مليون': 1e6, billion: 1e9, milliard: 1e9, 'مليار': 1e9 });
export const PLURAL_SCALES = table({ millions: 1e6, milliards: 1e9, billions: 1e9, 'الاف': 1e3, 'ملايين': 1e6, 'مليارات': 1e9 });

/** Round numbers that are estimates by their word: "une dizaine", "a dozen". */
export const ABOUT_WORDS = table({ dozen: 12, dizaine: 10, douzaine: 12, quinzaine: 15, vingtaine: 20, trentaine: 30, centaine: 100 });

/** Words that may join two parts of a number: "two hundred and fifty", "vingt et un". */
export const JOINERS = new Set(['and', 'et', 'و']);
