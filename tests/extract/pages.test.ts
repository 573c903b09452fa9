import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/index.js';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');
// Pages written for the project in outlets' templates, shared with bench:extract (see its README there).
const written = (name: string) => readFileSync(join(import.meta.dirname, '../../bench/extract/written', name), 'utf8');

describe('Arabic right-to-left page', () => {
  const a = extractArticle({ html: fixture('arabic-rtl.html'), url: 'https://alwadi.example/ar/2024/03/05/farmers-plan' });

  it('keeps the article paragraphs and its sub-heading, in order', () => {
    expect(a.isArticle).toBe(true);
    expect(a.blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'heading', 'paragraph', 'paragraph']);
    expect(a.blocks[0]!.text).toMatch(/^أعلنت الحكومة يوم الثلاثاء/);
    expect(a.blocks[2]!.text).toBe('ردود فعل المزارعين');
    expect(a.text.split('\n\n')).toHaveLength(5);
  });

  it('drops the menu, share bar, most-read list and footer', () => {
    for (const junk of ['الرئيسية', 'واتساب', 'الأكثر قراءة', 'ارتفاع أسعار الذهب', 'جميع الحقوق محفوظة']) expect(a.text).not.toContain(junk);
  });

  it('detects Arabic although the template declares lang="en"', () => {
    expect(a.language).toBe('ar');
  });

  it('reads title without the site name, byline, zoned date and canonical URL', () => {
    expect(a.title).toBe('الحكومة تعلن خطة جديدة لدعم المزارعين في الجنوب');
    expect(a.byline).toBe('سارة الخطيب');
    expect(a.published).toBe('2024-03-05T11:30:00.000Z');
    expect(a.canonicalUrl).toBe('https://alwadi.example/ar/2024/03/05/farmers-plan');
    expect(a.siteName).toBe('صحيفة الوادي');
  });
});

describe('French page with a cookie banner, newsletter box and comments', () => {
  const a = extractArticle({ html: fixture('french-cookies.html'), url: 'https://courrier-midi.example/gard/inondations-sommieres' });

  it('keeps the article text and nothing of the banner, newsletter or comments', () => {
    expect(a.isArticle).toBe(true);
    expect(a.text).toContain('La crue du Vidourle a surpris les habitants');
    expect(a.text).toContain('la vigilance orange reste en vigueur');
    for (const junk of ['cookies', 'Tout accepter', 'newsletter', 'Courage aux Sommiérois', 'Mentions légales', '3 commentaires']) expect(a.text).not.toContain(junk);
  });

  it('reads authors from JSON-LD, both times in UTC, and the French language', () => {
    expect(a.authors).toEqual(['Jean-Marc Dupuis', 'Claire Fabre']);
    expect(a.byline).toBe('Jean-Marc Dupuis, Claire Fabre');
    expect(a.published).toBe('2023-10-16T05:45:00.000Z');
    expect(a.modified).toBe('2023-10-16T07:10:00.000Z');
    expect(a.language).toBe('fr');
    expect(a.title).toBe('Inondations dans le Gard : les habitants de Sommières évacués');
    expect(a.siteName).toBe('Le Courrier du Midi');
  });
});

describe('pages that are not articles', () => {
  it('marks a section front made of teaser cards as an index page', () => {
    const a = extractArticle({ html: fixture('index-page.html'), url: 'https://valley.example/world' });
    expect(a.isArticle).toBe(false);
    expect(a.notArticleReason).toMatch(/index page/);
  });

  it('marks a 404 page as an error page', () => {
    const a = extractArticle({ html: fixture('error-page.html'), url: 'https://valley.example/missing' });
    expect(a.isArticle).toBe(false);
    expect(a.notArticleReason).toBe('error page');
  });

  it('marks a consent wall as such', () => {
    const a = extractArticle({ html: fixture('consent-wall.html'), url: 'https://courrier-midi.example/x' });
    expect(a.isArticle).toBe(false);
    expect(a.notArticleReason).toBe('consent wall');
  });

  it('does not take a short article that says "cookies" twice, about baking, for a consent wall', () => {
    const html = `<html><head><title>Shop an hour before closing</title></head><body><article>
      <p>Head to the supermarket an hour before closing time: some stores mark down bakery items, so freshly baked cookies go for half price.</p>
      <p>Buy kitchen supplies such as cookie sheets at a big-box chain instead, where they cost less than at the grocery store.</p>
      <p>It also pays to check the market's own website for weekly deals it does not advertise anywhere else.</p></article></body></html>`;
    const a = extractArticle({ html, url: 'https://lifestyle.example/grocery-tips' });
    expect(a.notArticleReason).toBeNull();
    expect(a.text).toMatch(/^Head to the supermarket/);
  });
});

describe('bytes in a legacy charset', () => {
  it('honours <meta charset=windows-1252> when given bytes', () => {
    const html = fixture('french-cookies.html').replace('<meta charset="utf-8">', '<meta charset="windows-1252">');
    const bytes = iconv.encode(html, 'windows-1252');
    const a = extractArticle({ html: new Uint8Array(bytes), url: 'https://courrier-midi.example/gard/x' });
    expect(a.text).toContain('« Nous avons été réveillés par les sirènes');
    expect(a.title).toBe('Inondations dans le Gard : les habitants de Sommières évacués');
  });

  it('reads iso-8859-1 as windows-1252, as browsers do (curly apostrophes survive)', () => {
    const html = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head><body><article><p>L’été dernier, la rivière est sortie de son lit à deux reprises et les habitants ont dû être évacués en pleine nuit par les pompiers.</p></article></body></html>';
    const a = extractArticle({ html: new Uint8Array(iconv.encode(html, 'windows-1252')), url: 'https://x.example/a' });
    expect(a.text).toMatch(/^L’été dernier/);
  });

  it('reads UTF-8 bytes as UTF-8 although the page says gb2312 or windows-1256 (re-saved pages keep their old label)', () => {
    for (const label of ['gb2312', 'windows-1256']) {
      const html = `<html><head><meta http-equiv="Content-type" content="text/html; charset=${label}"><title>谷歌两年花170亿美元并购</title></head><body><article><p>قال المجلس يوم الاثنين إن الجسر الجديد سيفتح أمام حركة المرور قبل نهاية العام وإن الأعمال تسير وفق الجدول الزمني المحدد لها منذ البداية.</p></article></body></html>`;
      const a = extractArticle({ html: new Uint8Array(Buffer.from(html, 'utf8')), url: 'https://x.example/a' });
      expect(a.title).toBe('谷歌两年花170亿美元并购');
      expect(a.text).toMatch(/^قال المجلس يوم الاثنين/);
    }
  });
});

// Pages written for these tests in the manner of small outlets' hand-made PHP templates: layout
// tables, <font> and <br><br> instead of classes and <p>, the readers' comments in the article's
// own cell under a bare label.
describe('table-layout pages with the comment thread in the article cell', () => {
  it('English: keeps the article to its last paragraph and cuts the thread at "REACTIONS (4)"', () => {
    const a = extractArticle({ html: written('en-03.html'), url: 'https://nh.example/article.php?id=11847' });
    expect(a.text).toMatch(/^Nouakchott, 3 March 2025 \(NH\) - More than 6,000 new refugees/);
    expect(a.text).toContain('Water rationing');
    expect(a.text).toContain('The two countries have since');
    for (const junk of ['REACTIONS', 'Cheikh Ahmed', 'May God help these poor people', 'Your reaction', 'Reactions are moderated', 'Other articles in this section'])
      expect(a.text).not.toContain(junk);
    // The headline in a <font>, and the photo's caption closed by "(Photo NH / archives)".
    expect(a.text).not.toContain('Mbéra camp: 6,000 new Malian refugees strain water supplies');
    expect(a.text).not.toContain('Newly arrived families wait');
  });

  it('Arabic: cuts at "تعليقات الزوار (5)" and keeps the text above it', () => {
    const a = extractArticle({ html: written('ar-02.html'), url: 'https://alofouq.example/article.php?id=3117' });
    expect(a.text).toContain('نواذيبو - الأفق: أعلنت قيادة خفر السواحل الموريتانية');
    expect(a.text).toContain('يعتقد أنهم كانوا على متن زورق انقلب بعد ساعات من إبحاره.');
    for (const junk of ['تعليقات الزوار', 'محمد سالم', 'الشباب يهاجر لأنه لا يجد عملا', 'أضف تعليقك', 'أخبار ذات صلة']) expect(a.text).not.toContain(junk);
    expect(a.language).toBe('ar');
  });
});

describe('lead paragraph in the article header, above the image', () => {
  const a = extractArticle({ html: written('en-02.html'), url: 'https://sahelobserver.example/node/18734' });

  it('keeps the lead that opens with its dateline as the first paragraph, not the standfirst', () => {
    expect(a.blocks[0]!.text).toMatch(/^NIAMEY — A year after the military takeover in Niger/);
    expect(a.blocks[1]!.text).toBe('The pipeline finally started exporting in May, then stopped almost immediately. Where are we now?');
    expect(a.text).not.toContain('Oil exports, a Chinese loan and a closed border with Benin');
    expect(a.text).not.toContain('7 min read');
  });
});

describe('a short article under a comment thread four times its length, in classes no list names', () => {
  const a = extractArticle({ html: written('fr-06.html'), url: 'https://carthageinfos.example/sport/football/88214' });

  it('keeps the three paragraphs of the article and none of the thread under "Réagir (26 réactions)"', () => {
    expect(a.blocks.map((b) => b.text.slice(0, 40))).toEqual([
      "Le comité directeur de l'Étoile sportive",
      'Dans un communiqué publié sur sa page of',
      "Avec 11 points en neuf rencontres, l'Éto",
    ]);
    for (const junk of ['Réagir', 'Sahlien pur', 'Enfin ! On le dit depuis', 'Nous respectons votre vie privée']) expect(a.text).not.toContain(junk);
  });
});

describe('a review laid out by a page builder, every piece of the body in its own "widget"', () => {
  const a = extractArticle({ html: written('ml-02.html'), url: 'https://technikhafen.example/test/veltrix-v8-max/' });

  it('keeps the body from its first paragraph to the verdict, although each piece sits in a class named "widget"', () => {
    expect(a.blocks[0]!.text).toMatch(/^Saugroboter mit Laser-Navigation waren lange der Oberklasse vorbehalten/);
    expect(a.blocks.some((b) => b.kind === 'heading' && b.text === 'Design und Verarbeitung')).toBe(true);
    expect(a.text).toContain('Der Veltrix V8 Max ist ein überzeugender Einstieg in die Welt der Laser-Saugroboter.');
    expect(a.language).toBe('de');
  });
});

describe('a story in three pages, the second and third hidden until the reader turns to them', () => {
  const a = extractArticle({ html: written('en-08.html'), url: 'https://sahelcrossroads.example/2025/01/agadez-zuwara.html' });

  it('keeps the hidden pages, with their sub-headings, in order after the first', () => {
    const headings = a.blocks.filter((b) => b.kind === 'heading').map((b) => b.text);
    expect(headings).toContain('The last leg');
    expect(a.text.indexOf('AGADEZ / ZUWARA — Every Monday evening')).toBeLessThan(a.text.indexOf('Zuwara, a town of fishermen and smugglers'));
    expect(a.text).toContain('Some names have been changed to protect the people interviewed.');
  });

  it('leaves out the pager between the pages', () => {
    expect(a.text).not.toContain('Continue reading');
    expect(a.text).not.toContain('Previous');
  });
});

describe('a lead paragraph in a box of its own above the image', () => {
  const body = Array.from({ length: 4 }, (_, i) => `<p>Paragraph ${i + 2} of the story goes on about the harvest, the dams and the price of bread in the markets of Rabat and Casablanca.</p>`).join('');
  const page = (lead: string) => `<html><head><title>Morocco imports record wheat</title></head><body>
    <div class="ArticlePage-headline"><h1>Morocco imports record wheat</h1></div>
    <div class="ArticlePage-lead"><p>${lead}</p></div>
    <div class="ArticlePage-lede"><figure><img src="/f.jpg"><figcaption>A field near Settat.</figcaption></figure></div>
    <div class="share-bar related-links">${Array.from({ length: 6 }, (_, i) => `<a href="/r${i}">Related story number ${i} about the drought in the kingdom</a>`).join(' ')}</div>
    <div class="RichTextArticleBody">${body}</div>
    <footer>© Global Africa Today</footer></body></html>`;

  it('is the first paragraph when it opens with a dateline', () => {
    const a = extractArticle({ html: page('RABAT, Morocco — Morocco will import a record 5.5 million tons of soft wheat this year as a sixth year of drought leaves reservoirs low.'), url: 'https://gat.example/a' });
    expect(a.blocks.map((b) => b.text.slice(0, 16))).toEqual(['RABAT, Morocco —', 'Paragraph 2 of t', 'Paragraph 3 of t', 'Paragraph 4 of t', 'Paragraph 5 of t']);
  });

  it('is the first paragraph when it wears the body paragraphs\' class', () => {
    const html = page('Morocco will import a record 5.5 million tons of soft wheat this year as a sixth year of drought leaves reservoirs at their lowest level.')
      .replace(/<p>/g, '<p class="story-body-text">');
    const a = extractArticle({ html, url: 'https://gat.example/a' });
    expect(a.blocks[0]!.text).toMatch(/^Morocco will import a record/);
  });

  it('is a standfirst, and left out, when it does neither', () => {
    const a = extractArticle({ html: page('Morocco will import a record 5.5 million tons of soft wheat this year as a sixth year of drought leaves reservoirs at their lowest level.'), url: 'https://gat.example/a' });
    expect(a.blocks[0]!.text).toMatch(/^Paragraph 2/);
  });
});

describe('a live blog whose entries are articles with headers of their own', () => {
  const entry = (time: string, title: string, text: string) =>
    `<article class="post"><header><time>${time}</time><h3>${title}</h3></header><div class="post__body"><p>${text} ${'More detail follows from our reporters across the city as the evening goes on.'}</p></div></article>`;
  const html = `<html><head><title>Storm in São Paulo, live</title></head><body>
    <article class="story"><header><h1>Storm in São Paulo, live</h1><p class="dek">Rain, falling trees and a closed airport: follow the day as it happens.</p></header>
    <div class="feed">
      ${entry('22h30', 'End of our coverage', 'We end our live coverage here. The rain has weakened in every part of the city, but the alert stays in force overnight.')}
      ${entry('21h48', 'Firefighters give their toll', 'Firefighters answered 312 calls for falling trees since the afternoon, and 41 for flooded houses in the east of the city.')}
      ${entry('19h52', 'Congonhas closed', 'The airport closed its runway for forty minutes as gusts of up to 82 km/h crossed the south of the city in the evening.')}
    </div></article></body></html>`;
  const a = extractArticle({ html, url: 'https://noticias.example/ao-vivo' });

  it("keeps the entries' times and titles below the first entry's text", () => {
    expect(a.blocks.map((b) => b.text.slice(0, 20))).toEqual([
      'We end our live cove',
      '21h48', 'Firefighters give th', 'Firefighters answere',
      '19h52', 'Congonhas closed', 'The airport closed i',
    ]);
  });

  it("leaves out the story's own headline and standfirst", () => {
    expect(a.text).not.toContain('Rain, falling trees and a closed airport');
    expect(a.text).not.toContain('Storm in São Paulo');
  });
});

describe('a story paged on one page, the next pages siblings of the first, hidden', () => {
  const para = (n: number) => `<p>Paragraph ${n} of the weekly economy roundup tells how the markets, the budget and the banks moved this week in Rome and Milan.</p>`;
  const html = `<html><head><title>The week in the economy</title></head><body>
    <nav>${Array.from({ length: 8 }, (_, i) => `<a href="/s${i}">Section ${i}</a>`).join(' ')}</nav>
    <div class="article-wrap">
      <div class="article-page" id="p1">${para(1)}${para(2)}<div class="pager"><a href="?p=2">2</a> <a href="?p=3">3</a></div></div>
      <div class="article-page is-hidden" id="p2" style="display:none"><h3>Banks and the stock exchange</h3>${para(3)}${para(4)}</div>
      <div class="article-page is-hidden" id="p3" style="display:none"><h3>Pensions</h3>${para(5)}</div>
      <div class="cookie-box" style="display:none"><p>This site uses cookies to improve your experience and to show you advertising that matches your interests.</p></div>
    </div>
    <aside>${Array.from({ length: 5 }, (_, i) => `<p><a href="/m${i}">Most read story number ${i}</a></p>`).join('')}</aside>
  </body></html>`;
  const a = extractArticle({ html, url: 'https://giornale.example/economia/settimana' });

  it('reads the hidden pages after the first, with their headings, and not a hidden box of another class', () => {
    expect(a.blocks.map((b) => b.text.slice(0, 12))).toEqual([
      'Paragraph 1 ', 'Paragraph 2 ', 'Banks and th', 'Paragraph 3 ', 'Paragraph 4 ', 'Pensions', 'Paragraph 5 ',
    ]);
  });
});

describe('a page whose body opens with a named anchor written as if it closed itself', () => {
  // `<a name="top"/>` does not close in HTML: the parser keeps it open around the whole page.
  // It is an anchor, not a link, so the text under it is not link text.
  const paragraph = (n: number) =>
    `<p>قال المرصد في بيانه رقم ${n} إن الاشتباكات تجددت في ريف المدينة بعد منتصف الليل، وإن الفصائل سيطرت على مستودعات للذخيرة قرب البلدة.</p>`;
  const html = `<html lang="ar"><head><title>معارضون يسيطرون على مخازن - الموقع</title><meta property="og:type" content="article"></head>
    <body><a name="top_of_page"/><div id="hdr"><ul><li><a href="/">الرئيسية</a></li><li><a href="/world">العالم</a></li></ul></div>
    <div class="storyarea"><h1>معارضون يسيطرون على مخازن</h1><div class="story">${[1, 2, 3, 4].map(paragraph).join('')}</div></div>
    <div class="footer"><a href="/terms">شروط الخدمة</a> | <a href="/privacy">بيان الخصوصية</a></div></body></html>`;

  it('is an article, and its paragraphs are its text', () => {
    const a = extractArticle({ html, url: 'https://news.example/ar/2013/08/03/clashes' });
    expect(a.notArticleReason).toBeNull();
    expect(a.blocks.map((b) => b.text)).toEqual([1, 2, 3, 4].map((n) => paragraph(n).replace(/<\/?p>/g, '')));
  });
});

describe('a "Comments" label set as bare text in the wrapper that also holds the article', () => {
  const body = [
    'How long would you be willing to wait for a drop of the black stuff to fall? Physicists in Dublin have waited almost seventy years, and their colleagues in Brisbane even longer.',
    'The experiment was set up in 1944 at a college in the city, and nobody had ever seen a drop fall until a camera caught one last week.',
    'Pitch-drop experiments involve heating a sample of pitch and pouring it into a sealed funnel, then opening the funnel and waiting.',
    'The team has estimated the viscosity of the pitch from the drop, and found it about two million times that of honey, they said in a paper published on Thursday.',
  ];
  const html = `<html><head><title>Slowest drop caught on camera</title></head><body><article><div id="article">
    <header><h1>Slowest drop caught on camera</h1></header>
    <section><div class="content">${body.map((p) => `<p>${p}</p>`).join('')}</div></section>
    <p class="not-logged-in">For the best commenting experience, please <a href="/login">login</a> or <a href="/register">register</a>.</p>
    Comments
    <h3><a href="#comments">2 comments</a></h3>
    <ol class="comments-list"><li><p>A reader • 2013-07-19</p><p>Great to finally see it happen after all these years of waiting.</p></li></ol>
    </div></article></body></html>`;

  it('names no thread element, so the article is not weighed as a thread', () => {
    const a = extractArticle({ html, url: 'https://science.example/news/drop' });
    expect(a.blocks.map((b) => b.text)).toEqual(body);
  });
});

describe('a body split in two by a rail of related stories', () => {
  const before = [
    'MOSCOW — The country’s best-known anti-corruption campaigner was found guilty of embezzlement on Thursday and sentenced to five years in prison, in a verdict that shocked his supporters.',
    'The conviction of the campaigner, 37, a critic of the president with a penchant for exposés, brought condemnation from those who view the case as politically driven.',
  ];
  const after = [
    'The ambassador posted on Twitter that the authorities were deeply disappointed by the conviction and by the apparent political motivations in this trial.',
    'A statement released by the office of the foreign affairs chief said the outcome of the case raised serious questions about the state of the rule of law in the country.',
    'Even before the conviction, relations had turned increasingly sour over the past year, as the two governments traded accusations over a range of issues.',
  ];
  const html = `<html><head><title>Court convicts anti-corruption campaigner</title></head><body>
    <div id="article"><div id="article_body">
      <div class="article_body entry-content"><article>${before.map((p) => `<p>${p}</p>`).join('')}</article></div>
      <div id="article-side-rail" class="module article-side-rail left">
        <div class="article-video"><p class="heading">Latest stories from Foreign</p>
          ${[1, 2, 3].map((n) => `<div class="module"><h2><a href="/world/story-${n}">Story number ${n} from the foreign desk, in one headline</a></h2>
          <p>A. Reporter and B. Writer</p>
          <p>The summary of story number ${n} runs to a couple of sentences, as such summaries do. It tells the reader what happened and why it matters to them.</p></div>`).join('')}
        </div>
      </div>
      <div class="article_body entry-content"><article>${after.map((p) => `<p>${p}</p>`).join('')}</article></div>
    </div></div></body></html>`;

  it('keeps both parts of the body, in order, and nothing of the rail', () => {
    const a = extractArticle({ html, url: 'https://post.example/world/2013/07/18/court' });
    expect(a.blocks.map((b) => b.text)).toEqual([...before, ...after]);
  });
});

describe('boxes hidden by the "hidden" class inside the article', () => {
  const para = (n: number) => `<p>Paragraph ${n} of the report says how the county's council voted on the new budget, and what the vote means for its schools.</p>`;
  const html = `<html><head><title>Council passes the budget</title></head><body>
    <div class="story-col">
      <div class="layout-b hidden"><ul class="stamp"><li>LOCAL NEWS</li><li>Posted at noon by the desk</li></ul></div>
      <h1>Council passes the budget</h1>
      ${[1, 2, 3].map(para).join('')}
      <div id="sentBox" class="overlay hidden"><h3>Thank You</h3><p>Your email has been sent.</p></div>
      <div class="hidden"><div id="badAddress" class="hidden">• Invalid email address.</div></div>
      <div class="pageinfo data hidden">{ "modules": [{"name": "gallery"}], "section": "news/local", "id": "2552707" }</div>
    </div>
  </body></html>`;
  const a = extractArticle({ html, url: 'https://county.example/news/budget' });

  it('keeps the paragraphs and leaves out the hidden dialog, kicker and page data', () => {
    expect(a.blocks.map((b) => b.text.slice(0, 12))).toEqual(['Paragraph 1 ', 'Paragraph 2 ', 'Paragraph 3 ']);
  });
});

describe('a story its scripts fill in, with the story itself in <noscript>', () => {
  const body = [
    'The port authority said on Thursday that container traffic rose by a tenth in the first half of the year, the fastest growth since the new terminal opened.',
    'Most of the growth came from ships diverted from ports further north, where strikes have held up cargo for weeks, the authority said in a statement.',
    'Dock workers’ unions said the numbers showed the port could afford the pay rise they have asked for, and called a meeting for next week.',
  ];
  const shell = `<div id="header"><ul>${['World', 'Business', 'Markets', 'Tech', 'Opinion', 'Sport'].map((s) => `<li><a href="/${s}">${s}</a></li>`).join('')}</ul></div>
    <h1>Latest headlines</h1><p>Latest headlines, as they come in.</p>`;

  it('reads the <noscript> when the page has no text without it', () => {
    const html = `<!doctype html><html lang="en"><head><title>Port traffic up a tenth</title></head><body>${shell}
      <ul id="stream"><noscript><li class="item"><h1>Port traffic up a tenth</h1><div class="full">${body.map((p) => `<p>${p}</p>`).join('')}</div></li></noscript></ul>
      </body></html>`;
    const a = extractArticle({ html, url: 'https://stream.example/story/port-traffic' });
    expect(a.isArticle).toBe(true);
    expect(a.text).toBe(body.join('\n\n'));
  });

  it('leaves it out when the page has its text', () => {
    const html = `<!doctype html><html lang="en"><head><title>Port traffic up a tenth</title></head><body>${shell}
      <article>${body.map((p) => `<p>${p}</p>`).join('')}<noscript><p>Turn on JavaScript in your browser to read the comments on this story and to join in the discussion with other readers.</p></noscript></article>
      </body></html>`;
    expect(extractArticle({ html, url: 'https://stream.example/story/port-traffic' }).text).toBe(body.join('\n\n'));
  });
});

describe('a story written without <p>, its paragraphs parted by <br><br>', () => {
  const paragraphs = [
    'Le gouverneur de la région de Mopti a annoncé mardi la réouverture de la route nationale 16, fermée depuis trois semaines après une attaque contre un convoi de camions.',
    'Selon un communiqué de la préfecture, les travaux de réparation du pont de Konna sont achevés et les escortes militaires reprendront dès jeudi matin.',
    'Les transporteurs, qui réclamaient cette réouverture depuis le début du mois, ont salué une décision « attendue par toute la région ».',
  ];
  const html = `<html lang="fr"><body><div class="menu"><a href="/">Accueil</a> | <a href="/politique">Politique</a></div>
    <h1>Mopti : la route nationale 16 rouverte</h1>
    <div class="texte">${paragraphs.join('<br><br>\n')}<br>Par notre correspondant à Mopti</div></body></html>`;

  it('gives each paragraph its own block and a blank line in the text, a single <br> only a line end', () => {
    const a = extractArticle({ html, url: 'https://journal.example/mopti-rn16' });
    expect(a.blocks.map((b) => b.text)).toEqual([paragraphs[0], paragraphs[1], `${paragraphs[2]}\nPar notre correspondant à Mopti`]);
    expect(a.text).toBe(`${paragraphs[0]}\n\n${paragraphs[1]}\n\n${paragraphs[2]}\nPar notre correspondant à Mopti`);
  });
});

describe('a newsletter box set between two parts of the story, in classes no list names', () => {
  const story = [
    'Les transporteurs routiers ont suspendu mercredi leurs rotations entre Bamako et Dakar après l’attaque d’un convoi près de Kayes, a annoncé leur syndicat.',
    'Selon le syndicat, une trentaine de camions sont bloqués à la frontière et les chauffeurs réclament des escortes avant de reprendre la route.',
    'Le ministère des Transports a indiqué qu’une réunion avec les représentants des transporteurs se tiendrait jeudi à Bamako pour examiner leurs demandes.',
    'En attendant, les prix du carburant ont commencé à grimper dans plusieurs villes de l’ouest du pays, selon des commerçants joints par téléphone.',
  ];
  const box = `<div class="bx-7"><p><strong>La lettre du matin</strong></p>
    <p>Recevez chaque jour à 7 heures l’essentiel de l’actualité du Sahel dans votre boîte mail.</p>
    <form action="/inscription" method="post"><input type="text" name="courriel" placeholder="Votre adresse"><button>Je m’inscris</button></form>
    <p>En vous inscrivant, vous acceptez notre politique de confidentialité.</p></div>`;
  const page = (body: string) => `<html lang="fr"><body><h1>Les transporteurs suspendent la route Bamako-Dakar</h1>${body}</body></html>`;

  it('leaves out the pitch, the form and the small print, and keeps the story on both sides of the box', () => {
    const a = extractArticle({ html: page(`<div class="txt"><p>${story[0]}</p><p>${story[1]}</p>${box}<p>${story[2]}</p><p>${story[3]}</p></div>`), url: 'https://sahel.example/route' });
    expect(a.blocks.map((b) => b.text)).toEqual(story);
  });

  it('keeps the story under a log-in form that asks for an e-mail address, in a deeply indented template', () => {
    // The wrapper around the form's box and the story is not small: its indentation must not make it look so.
    const indented = story.map((p) => `\n${' '.repeat(400)}<p>${p}</p>`).join('');
    const login = '<div class="top"><form action="/login"><input type="text" name="user_email"><input type="password" name="pw"></form></div>';
    const a = extractArticle({ html: page(`<div class="wrap">${login}<div class="txt">${indented}</div></div>`), url: 'https://sahel.example/route' });
    expect(a.blocks.map((b) => b.text)).toEqual(story);
  });
});

describe('a live page whose entries have titles in classes that name them so', () => {
  const entries = [
    ['Convoy reaches Gao', 'The supply convoy that left Bamako on Monday reached Gao on Thursday afternoon under military escort, the regional governor said in a statement read on state radio.'],
    ['Road reopened north of Mopti', 'The national road north of Mopti reopened to traffic on Thursday morning after engineers repaired the bridge that was damaged by an explosion last week, officials said.'],
    ['Markets resume trading', 'Traders in Gao said the weekly market would open again on Friday for the first time in three weeks, as fuel and rice from the convoy were unloaded in the town.'],
  ];
  const html = `<html lang="en"><body><h1>Mali convoy: live updates</h1><div class="live-feed">
    <p>Welcome to our live coverage of the supply convoy to the north of Mali, with updates from our correspondents through the day as it happens.</p>
    ${entries.map(([title, text]) => `<div class="card"><div class="card__time">14:05 GMT</div><h2 class="card__title">${title}</h2><div class="card__body"><p>${text}</p></div></div>`).join('\n')}
    <div class="box"><h3 class="box__title">Most read</h3><p><a href="/a">Coup rumours denied</a></p><p><a href="/b">Fuel prices up</a></p></div>
  </div></body></html>`;

  it('keeps each entry\'s title over its update, and leaves out a module\'s title', () => {
    const a = extractArticle({ html, url: 'https://sahel.example/live/convoy' });
    const texts = a.blocks.map((b) => b.text);
    for (const [title] of entries) expect(texts).toContain(title);
    expect(texts).not.toContain('Most read');
  });
});

describe('a story served as plain text, without any markup', () => {
  it('gives its paragraphs as the blank lines part them, and is an article', () => {
    const paragraphs = [
      'NIAMEY, 12 March (Agency) - The government of Niger on Tuesday announced the reopening of the border with Benin, closed since August, to trucks carrying food and medicine.',
      'The decision follows talks between the two countries\' transport ministers in Cotonou last week, a government spokesman said on state television.',
      'Traders in Gaya, on the border, said hundreds of trucks had been waiting for weeks and that prices of rice and oil had doubled in the markets of the capital.',
    ];
    const a = extractArticle({ html: paragraphs.join('\n\n  \n').replace(/ - /g, ' -\n'), url: 'https://wire.example/niger-benin.txt' });
    expect(a.isArticle).toBe(true);
    expect(a.blocks.map((b) => b.text)).toEqual(paragraphs);
    expect(a.language).toBe('en');
  });
});
