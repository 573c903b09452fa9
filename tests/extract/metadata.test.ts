import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/index.js';
import { chooseLanguage, detectLanguage, languageChoice } from '../../src/extract/language.js';
import { chooseAuthors } from '../../src/extract/metadata/authors.js';
import { dateFromUrl, normaliseDate } from '../../src/extract/metadata/dates.js';
import { stripSiteName } from '../../src/extract/metadata/title.js';

describe('dates', () => {
  it.each([
    ['2019-11-18T10:15:00-05:00', '2019-11-18T15:15:00.000Z'],
    ['2019-11-18T10:15:00+0530', '2019-11-18T04:45:00.000Z'],
    ['2019-11-18 23:30:00+02', '2019-11-18T21:30:00.000Z'],
    ['2019-11-18T10:15:00.250Z', '2019-11-18T10:15:00.250Z'],
    ['2019-11-18T10:15:00', '2019-11-18T10:15:00.000Z'],
    ['2019-11-18', '2019-11-18T00:00:00.000Z'],
    ['Mon, 18 Nov 2019 10:15:00 GMT', '2019-11-18T10:15:00.000Z'],
    ['Mon, 18 Nov 2019 10:15:00 +0100', '2019-11-18T09:15:00.000Z'],
    ['1574072100', '2019-11-18T10:15:00.000Z'],
  ])('%s is %s', (input, expected) => {
    expect(normaliseDate(input)).toBe(expected);
  });

  it('refuses placeholders and non-dates', () => {
    expect(normaliseDate('0001-01-01T00:00:00Z')).toBeNull();
    expect(normaliseDate('yesterday')).toBeNull();
    expect(normaliseDate('')).toBeNull();
  });

  it('reads the day from URL patterns', () => {
    expect(dateFromUrl('https://x.example/news/2019/11/18/some-story/')).toBe('2019-11-18T00:00:00.000Z');
    expect(dateFromUrl('https://x.example/2019-3-7-some-story.html')).toBe('2019-03-07T00:00:00.000Z');
    expect(dateFromUrl('https://x.example/news/20191118/story')).toBe('2019-11-18T00:00:00.000Z');
    expect(dateFromUrl('https://x.example/news/story-1234567')).toBeNull();
  });

  it('prefers JSON-LD over meta over <time>, and falls back to the URL', () => {
    const page = (head: string, body = '') => `<html><head>${head}</head><body>${body}<article><p>${'Text of the article. '.repeat(20)}</p></article></body></html>`;
    expect(extractArticle({ html: page('<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-01-02T03:04:05+01:00"}</script><meta property="article:published_time" content="2021-01-01T00:00:00Z">'), url: 'https://x.example/a' }).published).toBe('2020-01-02T02:04:05.000Z');
    expect(extractArticle({ html: page('<meta property="article:published_time" content="2021-06-01T12:00:00-04:00">', '<time datetime="2000-01-01">old</time>'), url: 'https://x.example/a' }).published).toBe('2021-06-01T16:00:00.000Z');
    expect(extractArticle({ html: page('', '<time datetime="2022-02-03T10:00:00+09:00">3 Feb</time>'), url: 'https://x.example/a' }).published).toBe('2022-02-03T01:00:00.000Z');
    expect(extractArticle({ html: page(''), url: 'https://x.example/2018/05/06/a' }).published).toBe('2018-05-06T00:00:00.000Z');
  });
});

describe('bylines', () => {
  it('cleans "By", roles, dates and splits several names', () => {
    expect(chooseAuthors({ jsonLd: [], meta: [], dom: ['By Jane Doe and John Smith | Updated 10:45 AM'] })).toEqual(['Jane Doe', 'John Smith']);
    expect(chooseAuthors({ jsonLd: [], meta: ['Par Claire Fabre'], dom: [] })).toEqual(['Claire Fabre']);
    expect(chooseAuthors({ jsonLd: [], meta: [], dom: ['بقلم: سارة الخطيب'] })).toEqual(['سارة الخطيب']);
  });

  it('ends a byline at a date in words, a dash or a follow-me handle', () => {
    expect(chooseAuthors({ jsonLd: [], meta: [], dom: ['By Nathan Willis March 25, 2015', 'By Jonathan Corbet March 25, 2015'] })).toEqual(['Nathan Willis', 'Jonathan Corbet']);
    expect(chooseAuthors({ jsonLd: [], meta: [], dom: ['Par Claire Fabre le 3 mars 2024'] })).toEqual(['Claire Fabre']);
    expect(chooseAuthors({ jsonLd: [], meta: [], dom: ['by Dan Goodin - Apr 16, 2015 8:02 pm UTC'] })).toEqual(['Dan Goodin']);
    expect(chooseAuthors({ jsonLd: [], meta: [], dom: ['By Erin Cunningham', 'Follow @erinmcunningham'] })).toEqual(['Erin Cunningham']);
  });

  it("leaves out an author's blurb and a name followed by the outlet", () => {
    const blurb = 'Dan Goodin / Dan is the Security Editor at Ars Technica, which he joined in 2012 after working for The Register, the Associated Press, Bloomberg News, and other publications.';
    expect(chooseAuthors({ jsonLd: [], meta: [], dom: ['Dan Goodin', blurb] })).toEqual(['Dan Goodin']);
    expect(chooseAuthors({ jsonLd: [], meta: [], dom: ['By Kelli Miller WebMD Health News', 'Kelli Miller'] })).toEqual(['Kelli Miller']);
    expect(chooseAuthors({ jsonLd: [], meta: [], dom: ['Carlos Nadalim', 'Sobre Carlos Nadalim', 'Nome *'] })).toEqual(['Carlos Nadalim']);
  });

  it('trusts JSON-LD first and ignores profile URLs', () => {
    expect(chooseAuthors({ jsonLd: ['Ana Lima'], meta: ['Someone Else'], dom: [] })).toEqual(['Ana Lima']);
    expect(chooseAuthors({ jsonLd: [], meta: ['https://facebook.com/someone'], dom: ['By Ana Lima'] })).toEqual(['Ana Lima']);
  });
});

describe('language', () => {
  it('detects English, French and Arabic text', () => {
    expect(detectLanguage('The council said on Monday that the new bridge would be open to traffic by the end of the year, and that the work was on time.')).toEqual({ language: 'en', confident: true });
    expect(detectLanguage('Le conseil a annoncé lundi que le nouveau pont serait ouvert à la circulation avant la fin de l’année, et que les travaux sont dans les temps.')).toEqual({ language: 'fr', confident: true });
    expect(detectLanguage('قال المجلس يوم الاثنين إن الجسر الجديد سيفتح أمام حركة المرور قبل نهاية العام وإن الأعمال تسير وفق الجدول').language).toBe('ar');
  });

  it('lets a confident detection overrule a wrong declaration, and a declaration fill in for too little text', () => {
    const french = 'Le conseil a annoncé lundi que le nouveau pont serait ouvert à la circulation avant la fin de l’année, et que les travaux sont dans les temps.';
    expect(chooseLanguage(['en-US'], french)).toBe('fr');
    expect(chooseLanguage([null, 'fr_FR'], 'Bonjour')).toBe('fr');
    expect(chooseLanguage([null, null], 'ok')).toBeNull();
  });

  it('keeps a declared language the detection cannot name (Hungarian reads as Portuguese to it)', () => {
    const hungarian = [
      'A halálos áldozatok száma egyre nő, a hatóságok szerint a robbanások után a kikötő környékén a tűz még mindig ég, és a mentők a romok alatt keresik az eltűnteket.',
      'A China News Service hírügynökség jelentése szerint szombaton ismét nagy tűz lobbant fel a területen, a helyszínen lévő újságírók a robbanásokat a parton is hallották.',
      'A város vezetése a lakókat a környék elhagyására szólította fel, a vegyszerraktár a kikötő mellett áll, a hatóságok a levegő mérését is elrendelték a negyedben.',
    ].join(' ');
    expect(chooseLanguage(['hu'], hungarian)).toBe('hu');
    expect(chooseLanguage([null, 'bg'], 'Министърът на транспорта и премиерът посетиха пристанището, където митническите служители задържаха над сто тона гориво без документи.')).toBe('bg');
    expect(chooseLanguage(['en'], 'Министърът на транспорта и премиерът посетиха пристанището, където митническите служители задържаха над сто тона гориво без документи.')).toBe('ru');
  });

  it('says where the language came from, so a caller with a configured language knows what may override it', () => {
    const french = 'Le conseil a annoncé lundi que le nouveau pont serait ouvert à la circulation avant la fin de l’année, et que les travaux sont dans les temps.';
    expect(languageChoice(['en-US'], french)).toEqual({ language: 'fr', source: 'text' });
    // A template's default lang="en" over a one-line French page: only the page says "en".
    expect(languageChoice(['en'], 'Le pont est fermé')).toEqual({ language: 'en', source: 'page' });
    expect(languageChoice([], 'Le pont est fermé à la circulation')).toEqual({ language: 'fr', source: 'guess' });
    expect(languageChoice([], 'ok')).toEqual({ language: null, source: null });
  });
});

describe('title and canonical URL', () => {
  it('strips the site name suffix', () => {
    expect(stripSiteName('Floods cut off villages | The Valley Times', 'The Valley Times')).toBe('Floods cut off villages');
    expect(stripSiteName('The Valley Times - Floods cut off villages', 'The Valley Times')).toBe('Floods cut off villages');
    expect(stripSiteName('Floods cut off mountain villages as rivers burst - VT', null)).toBe('Floods cut off mountain villages as rivers burst');
    expect(stripSiteName('Left - right', null)).toBe('Left - right');
  });

  it("strips the site named by the page's host, and a section between pipes", () => {
    expect(stripSiteName('DailyTech - Google Announces "Pure" Galaxy Nexus S4 for $649, Android Updates', null, 'www.dailytech.com')).toBe('Google Announces "Pure" Galaxy Nexus S4 for $649, Android Updates');
    expect(stripSiteName('Competition looks for NASA’s next vehicle, in LEGO | News | Geek.com', '@geekdotcom', 'www.geek.com')).toBe('Competition looks for NASA’s next vehicle, in LEGO');
    expect(stripSiteName('Gut Microbes Can Split a Species | Science/AAAS | News', null)).toBe('Gut Microbes Can Split a Species');
    // Dashes and guillemets also sit inside headlines: only the site goes.
    expect(stripSiteName('Panasonic, Sanyo to Pay $56.5 Million for Price Fixing - DOJ - WSJ.com', null, 'online.wsj.com')).toBe('Panasonic, Sanyo to Pay $56.5 Million for Price Fixing - DOJ');
    expect(stripSiteName('The Early Reviews For Stadia Are Here — And They Are Not Great — Business Insider', 'Business Insider')).toBe('The Early Reviews For Stadia Are Here — And They Are Not Great');
    expect(stripSiteName('Mali - Four drivers freed after seven months', null, 'malijet.com')).toBe('Mali - Four drivers freed after seven months');
  });

  it('takes the headline from a later h1 when the first is the site\'s logo', () => {
    const body = `<article><h1 class="heading">Just-released exploit makes it easy to crash game servers</h1><p>${'Text of the article. '.repeat(20)}</p></article>`;
    const html = `<html><head><title>Just-released exploit makes it easy to crash game servers | Ars Technica</title></head>
      <body><header><h1><a href="/">ArsTechnica</a></h1></header>${body}</body></html>`;
    expect(extractArticle({ html, url: 'https://x.example/a' }).title).toBe('Just-released exploit makes it easy to crash game servers');
  });

  it('resolves a relative canonical link against the page URL, else og:url', () => {
    const body = `<article><p>${'Text of the article. '.repeat(20)}</p></article>`;
    expect(extractArticle({ html: `<html><head><link rel="canonical" href="../b?x=1"></head><body>${body}</body></html>`, url: 'https://x.example/news/a/page' }).canonicalUrl).toBe('https://x.example/news/b?x=1');
    expect(extractArticle({ html: `<html><head><meta property="og:url" content="https://x.example/c"></head><body>${body}</body></html>`, url: 'https://x.example/a' }).canonicalUrl).toBe('https://x.example/c');
    expect(extractArticle({ html: `<html><head><link rel="canonical" href="javascript:alert(1)"></head><body>${body}</body></html>`, url: 'https://x.example/a' }).canonicalUrl).toBeNull();
  });
});
