import { describe, expect, it } from 'vitest';
import { cutAtEndLabels, dropFurniture, isBylineLine, isCaptionCredit, isCommentsLabel, isDatedBylineLine, isDateline, isPlacedDateline, isReadAlsoLine, isRightsNotice, isSignUpCall } from '../../src/extract/furniture.js';
import { extractArticle } from '../../src/extract/index.js';

describe('a place, a bar, then the date', () => {
  it.each(['LONDON | Fri Jun 7, 2013 5:09am EDT', 'PHNOM PENH | Fri Jul 19, 2013 1:38am EDT', 'Paris · 5 mars 2024 à 11h30'])('%s is a dateline', (t) =>
    expect(isPlacedDateline(t)).toBe(true),
  );
  it.each(['Posted: May 15, 2013 3:12 PM CT'])('%s is a dateline (a US zone without its S or D)', (t) => expect(isDateline(t)).toBe(true));
  it.each(['Scores | Fri Jun 7, 2013: 3 goals in 5 minutes', 'Home | News | World', 'Up 12% | June 2013 sales'])('%s is not', (t) =>
    expect(isPlacedDateline(t)).toBe(false),
  );
  it('is left out above the text, with the byline', () => {
    const body = [
      'LONDON (Reuters) - Some 165 million children worldwide are stunted by poor diets, the United Nations children’s fund said on Friday.',
      'The agency said the problem could be solved within a generation if governments spent more on nutrition in a child’s first thousand days.',
    ];
    const html = `<!doctype html><html lang="en"><head><title>Malnutrition stunts millions</title></head><body><div id="articleText">
      <p>LONDON | Fri Jun 7, 2013 5:09am EDT</p>${body.map((p) => `<p>${p}</p>`).join('')}</div></body></html>`;
    expect(extractArticle({ html, url: 'https://wire.example/2013/06/07/nutrition' }).text).toBe(body.join('\n\n'));
  });
});

describe('datelines', () => {
  it.each([
    'Nov. 19, 2019, 8:41 AM UTC',
    'Updated 10:01 pm PST, Tuesday, November 19, 2019',
    '20 Nov 2019 08:00 GMT',
    'November 19, 2019 / 12:21 AM / Updated 14 hours ago',
    'Publié le 5 mars 2024 à 11h30',
  ])('%s is a dateline', (t) => expect(isDateline(t)).toBe(true));

  it.each([
    '10 p.m.', // a live blog's entry heading: no month, no clock time
    '12 killed, 40 hurt in Monday blast',
    'The vote is set for Nov. 19, 2019, the party said.',
    'March', // no digit
  ])('%s is not', (t) => expect(isDateline(t)).toBe(false));
});

describe('bylines', () => {
  it.each(['By Phil Helsel', 'By LISA MASCARO, MARY CLARE JALONICK and ERIC TUCKER', 'Par Jean Dupont', 'By Reuters', 'By: Patti Domm', 'Par : Jean Dupont', 'By: Patti Domm\nCNBC Executive News Editor'])('%s', (t) =>
    expect(isBylineLine(t)).toBe(true),
  );
  it.each(['By the end of the year, prices had doubled.', 'by the river', 'Bystanders ran for cover', 'By: Patti Domm\nThe Fed surprised traders on Wednesday with a new plan.'])('not: %s', (t) =>
    expect(isBylineLine(t)).toBe(false),
  );
});

describe('a date and a byline on one line', () => {
  it.each(['2/26/2015 7:11 AM PST BY TMZ STAFF', 'March 3, 2015 | By Jane Doe', 'Publié le 5 mars 2024 à 11h30 par Jean Dupont'])('%s', (t) =>
    expect(isDatedBylineLine(t)).toBe(true),
  );
  it.each(['On March 3, 2015 by the river, police found the car.', 'March 3, 2015 by Order of the Council.', 'By Jane Doe'])('not: %s', (t) =>
    expect(isDatedBylineLine(t)).toBe(false),
  );
  it('is dropped above the text like a dateline', () => {
    const body = 'The council voted on Tuesday to close the old bridge to traffic after engineers found cracks in two of its piers.';
    expect(dropFurniture([{ text: '2/26/2015 7:11 AM PST BY JANE DOE' }, { text: body }]).map((b) => b.text)).toEqual([body]);
  });
});

describe('sign-up calls', () => {
  it.each([
    'Get the latest updates right in your inbox. Subscribe to NJ.com’s newsletters.',
    'Sign up for ourNewsletter.',
    'SUBSCRIBE',
    'Let our news meet your inbox. The news and stories that matters, delivered weekday mornings.',
    'Abonnez-vous à notre lettre d’information',
    'Follow The Chronicle Opinion section on Facebook, Twitter (@ChronicleOpinion) and Instagram.',
    'Join our WhatsApp channel for breaking news and Super Eagles updates. Click here to join.',
    'Suivez Carthage Infos sur Google Actualités',
    'By clicking "Submit," you agree to the Privacy Policy and Terms of Use.',
    'By signing up, you agree to our Terms of Service and acknowledge our Privacy Policy.',
    'En vous inscrivant, vous acceptez nos conditions générales d’utilisation.',
    'بالتسجيل، فإنك توافق على شروط الاستخدام وسياسة الخصوصية',
  ])('%s', (t) => expect(isSignUpCall(t)).toBe(true));
  it.each([
    'Disney’s tech teams isolated the problem and the company continued to sign up customers.',
    'Sign up for a Hulu ad-free account for $11.99 a month', // a deal in a shopping article, no newsletter
    'The newsletter, founded in 1998, was read by most of the town council.',
    'Follow-up talks were held on Facebook Live by the ministry, officials said, after the minister’s remarks on Twitter drew criticism.',
    'Protesters joined the march after the video spread on WhatsApp and Facebook.',
    'By clicking the link, you agree to nothing, the researcher said of the scam.', // no terms named
  ])('not: %s', (t) => expect(isSignUpCall(t)).toBe(false));
  it('a long paragraph is never a call', () => {
    expect(isSignUpCall(`Readers who subscribe to the newsletter ${'said the coverage mattered to them. '.repeat(6)}`)).toBe(false);
  });
});

describe('credited captions', () => {
  it.each([
    'China has warned it will take control of the city (Image: GETTY )',
    'Natalie Naccache | Bloomberg | Getty Images',
    'Flood water in the old town on Monday. Photo: Jane Doe/AFP',
    'Les sinistrés attendent les secours. Crédit photo : Marc Dubois',
  ])('%s', (t) => expect(isCaptionCredit(t)).toBe(true));
  it.each([
    'The agency said the photo was taken on Monday and shows the damage to the old bridge.',
    'Getty Images, the photo agency, said on Monday that it would buy a smaller rival for $100 million, its first purchase in years.',
  ])('not: %s', (t) => expect(isCaptionCredit(t)).toBe(false));
});

describe('rights and reprint notices', () => {
  it.each([
    '—Copyright 2013 Associated Press',
    'Copyright 2012 Dow Jones & Company, Inc. All Rights Reserved',
    '© 2024 Le Journal du Centre. Tous droits réservés.',
    'This copy is for your personal, non-commercial use only. Distribution and use of this material are governed by our Subscriber Agreement and by copyright law.',
    'Toute reproduction interdite sans l\'accord de la rédaction.',
    'جميع الحقوق محفوظة © 2024',
  ])('%s', (t) => expect(isRightsNotice(t)).toBe(true));
  it.each([
    '© Reuters',
    'The band said it has owned the copyright to the 1998 recording since 2003 and would sue the studio.',
    'Copyright law changed in 1998, when Congress extended the term of protection by twenty years for works still under it.',
  ])('not: %s', (t) => expect(isRightsNotice(t)).toBe(false));
});

describe('dropFurniture', () => {
  const para = (text: string) => ({ text });
  const long = 'The council voted on Tuesday to close the old bridge to lorries after engineers found cracks in two of its piers, a decision that will send heavy traffic through the town centre.';

  it('drops datelines and bylines above the first paragraph of prose, and sign-up calls anywhere', () => {
    const out = dropFurniture([para('By Phil Helsel'), para('Nov. 19, 2019, 8:41 AM UTC'), para(long), para('Sign up for our newsletter.')]);
    expect(out.map((b) => b.text)).toEqual([long]);
  });

  it('keeps a date line further down: a live blog entry or a quoted date is text there', () => {
    const out = dropFurniture([para(long), para('Nov. 19, 2019, 9:15 AM'), para('By Reuters')]);
    expect(out).toHaveLength(3);
  });
});

describe('a page whose container holds its own furniture', () => {
  const body = [
    'The council voted on Tuesday to close the old bridge to lorries after engineers found cracks in two of its piers.',
    'Hauliers said the detour through the town centre would add twenty minutes to every delivery and asked for a temporary crossing.',
    'The mayor said a temporary crossing would be built within six weeks, paid for from the roads budget, and that the old bridge would reopen to cars in the spring.',
  ];
  const html = `<!doctype html><html lang="en"><head><title>Bridge closed to lorries | Valley Post</title></head><body>
    <nav><a href="/">Home</a> <a href="/news">News</a></nav>
    <div class="story">
      <h1>Bridge closed to lorries</h1>
      <p>Get the morning briefing, delivered to your inbox: sign up for our newsletter.</p>
      <p>By Ann Example</p>
      <p>Nov. 19, 2019, 8:41 AM UTC</p>
      ${body.map((p) => `<p>${p}</p>`).join('\n')}
      <p>Get the latest updates right in your inbox. Sign up for our newsletter.</p>
    </div>
    <footer>© Valley Post</footer></body></html>`;

  it('keeps the prose and drops the byline, dateline and the call', () => {
    const a = extractArticle({ html, url: 'https://valley.example/2019/11/19/bridge' });
    expect(a.text).toBe(body.join('\n\n'));
  });
});

describe('a post quoted in the article', () => {
  const html = `<!doctype html><html lang="en"><head><title>Campaign mocked online</title></head><body>
    <article>
      <h1>Campaign mocked online</h1>
      <div class="social-share"><a href="https://facebook.example/share">Share on Facebook</a> <a href="https://twitter.example/share">Tweet this story</a></div>
      <p>The state's new anti-drug campaign was launched on Monday with a slogan that many readers found hard to take seriously.</p>
      <div class="social-media-embed"><blockquote class="twitter-tweet"><p>Yes this is real and yes the state spent half a million dollars on it, which is quite something.</p>— A Reader (@reader) November 18, 2019</blockquote></div>
      <p>The governor defended the campaign on Tuesday, saying that the attention it drew was exactly what the state had hoped for.</p>
    </article></body></html>`;
  const a = extractArticle({ html, url: 'https://post.example/2019/11/19/campaign' });

  it('keeps the embedded post ("social-media-embed") and drops the share bar ("social-share")', () => {
    expect(a.text).toContain('Yes this is real and yes the state spent half a million dollars');
    expect(a.text).not.toContain('Share on Facebook');
    expect(a.blocks[0]!.text).toMatch(/^The state's new anti-drug campaign/);
  });
});

describe('class names that name something short', () => {
  const lead = 'A trade deal between the two countries was supposed to be a limited agreement that would let both leaders claim an easy victory while soothing markets.';
  const rest = [
    'But it may grow into something bigger if the president agrees to roll back existing tariffs, people familiar with the talks said on Wednesday.',
    'The commerce ministry said this month that both sides had agreed to cancel tariffs in phases, a claim that was disputed within days.',
  ];
  const html = `<!doctype html><html lang="en"><head><title>Deal may grow</title></head><body>
    <div class="article-body">
      <p class="title">${lead}</p>
      ${rest.map((p) => `<p class="bodytext">${p}</p>`).join('\n')}
    </div>
    <div class="related"><div class="teaser"><p class="excerpt">Markets rallied on Tuesday after officials said that a first phase of the agreement was close to being signed, ahead of the summit.</p></div></div>
    </body></html>`;
  const a = extractArticle({ html, url: 'https://herald.example/business/deal' });

  it('keeps a lead paragraph whose class says "title", and still drops a related teaser', () => {
    expect(a.text).toBe([lead, ...rest].join('\n\n'));
  });
});

describe('comment thread labels', () => {
  it.each(['Comments (212)', 'REACTIONS (4)', 'RÉAGIR À CET ARTICLE (5 commentaires)', 'تعليقات الزوار (5)', 'Leave a Reply', 'Commentaires', '12 comments', 'Comentarios', 'Kommentare (14)', 'Commenti', 'Комментарии (3)'])(
    '%s',
    (t) => expect(isCommentsLabel(t)).toBe(true),
  );
  it.each([
    'Reactions', // an article's own sub-heading ("Reactions" to an election): no count, no call
    'Reactions from abroad',
    'The minister declined to comment (see below).',
    'Comments from the ministry were not available for this story, its spokesman said',
  ])('not: %s', (t) => expect(isCommentsLabel(t)).toBe(false));

  it('cuts at the label only once the text has begun', () => {
    const b = (text: string) => ({ text });
    const long = 'A paragraph of the article that is long enough to be text, '.repeat(3);
    expect(cutAtEndLabels([b('Comments (3)'), b(long), b('Comments (3)'), b('Great piece!')]).map((x) => x.text)).toEqual(['Comments (3)', long]);
  });

  it('cuts at the label over the writer\'s biography under the text, in our languages', () => {
    const b = (text: string) => ({ text });
    const long = 'A paragraph of the article that is long enough to be text, '.repeat(3);
    for (const label of ['ABOUT THE AUTHOR', "À propos de l'auteur", 'عن الكاتب'])
      expect(cutAtEndLabels([b(long), b(label), b('Miriam interned at two magazines before joining the site.')]).map((x) => x.text)).toEqual([long]);
    expect(cutAtEndLabels([b(long), b('About the author, the committee said little.')]).length).toBe(2);
  });
});

describe('"read also" calls between paragraphs', () => {
  it.each(['Also Read: IPO calendar: 4 issues to hit Dalal Street next week', 'Lire aussi : Au Mali, la saison des pluies tarde', 'اقرأ أيضا: انتشال جثث 17 مهاجرا على شاطئ قرب تانيت', 'READ MORE: Airline apologises for delays', 'Leggi anche – Manovra, il confronto con Bruxelles'])(
    '%s',
    (t) => expect(isReadAlsoLine(t)).toBe(true),
  );
  it.each(['Read more about the ruling in our explainer, published on Monday.', 'Related costs rose as well: fuel, rent and food.', 'Also, the minister read a statement.'])('not: %s', (t) =>
    expect(isReadAlsoLine(t)).toBe(false),
  );

  it('are dropped as blocks, and as lines of a paragraph parted by <br>', () => {
    const out = dropFurniture([
      { text: 'The convoy left Gao on Monday.\nAlso Read: Drought in Kayes\nIt reached Ansongo the next day.' },
      { text: 'Lire aussi : Au Mali, la saison des pluies tarde' },
    ]);
    expect(out.map((b) => b.text)).toEqual(['The convoy left Gao on Monday.\nIt reached Ansongo the next day.']);
  });

  it('so is a call to follow the writer, as a line of a sign-off parted by <br>', () => {
    const out = dropFurniture([{ text: 'Check out the Morning Win every weekday morning.\nFollow Dan Brooks on Twitter at @danbrooks.' }]);
    expect(out.map((b) => b.text)).toEqual(['Check out the Morning Win every weekday morning.']);
  });
});

describe('ad labels and credits in the body', () => {
  it('drops an ad slot\'s label left alone, in any of our languages, and keeps a sentence about advertising', () => {
    const out = dropFurniture([{ text: 'ADVERTISEMENT' }, { text: 'Publicité' }, { text: 'إعلان' }, { text: 'Advertising revenue fell by a third in 2019.' }]);
    expect(out.map((b) => b.text)).toEqual(['Advertising revenue fell by a third in 2019.']);
  });

  it('drops the short labels "Advert" and "Annonce" too, and a layout\'s name left as text', () => {
    const out = dropFurniture([{ text: 'Advert' }, { text: 'Annonce' }, { text: 'medium-browser-and-portrait-tablet' }, { text: 'A well-to-do family moved in.' }, { text: 'Covid-19' }]);
    expect(out.map((b) => b.text)).toEqual(['A well-to-do family moved in.', 'Covid-19']);
  });

  it('drops a credit on a line of its own and the caption it closes, share buttons\' labels, and notices stacked under the writer\'s name', () => {
    const body = 'The telescope took the image over three nights in March, and the team said the nebula is forming stars faster than any other in our galaxy.';
    const out = dropFurniture([
      { text: body },
      { text: 'In this false-colour image of NGC 6334, red is the infrared light.\nCREDIT: S. Willis (CfA); ESA/Herschel' },
      { text: 'Crédit photo : AFP' },
      { text: 'Tweet this' },
      { text: "Partager l'article" },
      { text: 'Written by Joseph Nordqvist\nCopyright: Medical News Today\nNot to be reproduced without permission of Medical News Today' },
      { text: 'The credit: the team thanked the observatory for its time.' },
    ]);
    expect(out.map((b) => b.text)).toEqual([body, 'The credit: the team thanked the observatory for its time.']);
  });

  it('drops furniture that is one of the paragraphs a <br><br> block holds, and keeps the others', () => {
    const p1 = 'The council voted on Tuesday to close the old bridge to lorries after engineers found cracks in two of its piers.';
    const p2 = 'The mayor said a temporary crossing would be built within six weeks.';
    expect(dropFurniture([{ text: `${p1}\n\nCopyright © The Valley Herald\n\n${p2}` }]).map((b) => b.text)).toEqual([`${p1}\n\n${p2}`]);
  });

  it('takes "(... photo by ...)" as a caption\'s credit', () => {
    expect(isCaptionCredit("Millbrook's Tyler Brandt (22) breaks away for a 54-yard run. (Courier-Gazette photo by Dale Pruitt)")).toBe(true);
    expect(isCaptionCredit('The coach said the team had studied the photo by the end of the week (and the video too).')).toBe(false);
  });
});

describe('a video player in the story', () => {
  const body = [
    'Health officials said on Thursday that a second patient had been admitted to the county hospital with symptoms of the disease, days after the first.',
    'The patient had flown in from abroad last week and was screened at the airport, where no fever was found, a spokeswoman for the hospital said.',
    'Nurses who treated the first patient are being watched for symptoms at home, and none has shown any so far, according to the county health office.',
    'The hospital has set aside a ward for further cases and asked visitors to stay away from it until the end of the month, the spokeswoman added.',
  ];
  const html = `<!doctype html><html lang="en"><head><title>Second patient admitted</title></head><body>
    <article class="story">
      <h1>Second patient admitted</h1>
      <div class="story-asset video-asset"><div class="ui-video-wrapper">
        <p class="video-desc">Travelers at the airport share their worries about the screening of passengers arriving from abroad, as officials defend it.</p>
        <div class="video-full-transcript"><div class="collapsible" style="display: none">00:01 But according to officials the most rigorous screening actually occurs before travelers ever reach the airport. 00:08 We talked to a number of passengers today.</div></div>
      </div></div>
      ${body.map((p) => `<p>${p}</p>`).join('\n')}
    </article>
    </body></html>`;

  it("leaves out the player's description and transcript", () => {
    expect(extractArticle({ html, url: 'https://herald.example/health/second-patient' }).text).toBe(body.join('\n\n'));
  });
});

describe('a caption that repeats the image\'s alt text', () => {
  const body = [
    'The regional council approved the new water plan on Monday after two years of talks between the farmers and the towns along the river.',
    'Under the plan, farms will draw a third less water in dry summers, and the towns will pay for new storage tanks, the council said in a statement.',
    'The plan still needs the approval of the national water agency, which is expected to give it before the end of the year, officials said.',
  ];
  const html = `<!doctype html><html lang="en"><head><title>Water plan approved</title></head><body>
    <div id="story">
      <div class="pic"><img src="/img/council.jpg" alt="Council members vote on the water plan in Millbrook."><p>Council members vote on the water plan in Millbrook, on Monday.</p></div>
      ${body.map((p) => `<p>${p}</p>`).join('\n')}
      <p><img src="/img/river.jpg" alt="The river at Millbrook"></p>
      <p>The river at Millbrook has run low in three of the last five summers, and the towns downstream have had to truck in water for weeks.</p>
    </div>
    </body></html>`;
  const text = extractArticle({ html, url: 'https://valley.example/water-plan' }).text;

  it('is left out, with what it adds', () => {
    expect(text.startsWith(body[0]!)).toBe(true);
  });

  it('but a paragraph that only opens with the same words is kept', () => {
    expect(text.endsWith('for weeks.')).toBe(true);
  });
});

describe('a caption whose alt text carries the caption\'s markup, escaped', () => {
  const body = [
    'The county signed its top scorer to a new four-year contract on Thursday, ending weeks of talks with his agent over the length of the deal.',
    'The forward scored 31 goals last season and led the league in assists, and the club had said it would not let him leave as a free agent.',
  ];
  const html = `<!doctype html><html lang="en"><head><title>Scorer signs new deal</title></head><body>
    <div id="story">
      ${body.map((p) => `<p>${p}</p>`).join('\n')}
      <div class="slide"><img src="/img/wing.jpg" alt="3. Winger Sam Okafor (Riverton): Still a top-line player at 31.&lt;br /&gt;Where he went: Signed with Lakeside for two years.">
        <div class="photo-text">3. Winger Sam Okafor (Riverton): Still a top-line player at 31.<br>Where he went: Signed with Lakeside for two years.</div></div>
    </div>
    </body></html>`;

  it('is left out as well', () => {
    expect(extractArticle({ html, url: 'https://sports.example/scorer-signs' }).text).toBe(body.join('\n\n'));
  });
});
