import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/index.js';

// The story several tests set beside boilerplate: three paragraphs of prose.
const bridgeStory = [
  'The city council voted on Tuesday to close the old river bridge to all traffic after engineers found deep cracks in two of its piers.',
  'Repairs are expected to take at least eighteen months, and a temporary ferry will carry foot passengers across the river from next week.',
  'Shop owners on both banks said the closure would cost them customers, and asked the council for help with their rents while the work goes on.',
];

describe('teaser cards', () => {
  it('leaves out a card whose headline opens with a kicker outside its link', () => {
    const body = bridgeStory;
    const cards = [
      ['Editorial', 'A bridge too far for the budget', 'THE council has known for a decade that the bridge was failing, and did nothing until the cracks could be seen from the bank.'],
      ['Traffic chaos', 'Commuters face longer trips', 'DRIVERS who used the bridge every morning will now add twenty minutes to their trip, by the ring road or the northern crossing.'],
      ['Local business', 'Traders fear a long winter', 'SHOPKEEPERS on the south bank say the ferry will not bring back the passing trade that the bridge brought them every day.'],
    ];
    const html = `<!doctype html><html lang="en"><head><title>Bridge closed</title></head><body>
      <div id="story"><div class="story-body"><h1>Bridge closed</h1>${body.map((p) => `<p>${p}</p>`).join('')}</div>
        <div class="group"><h2>Other Opinion Columns</h2>
          ${cards.map(([k, h, x]) => `<div class="card"><h4><strong>${k}</strong> <a href="/opinion/${h!.length}">${h}</a></h4><p>${x}</p></div>`).join('\n')}
        </div>
      </div></body></html>`;
    expect(extractArticle({ html, url: 'https://valley.example/2019/11/19/bridge' }).text).toBe(body.join('\n\n'));
  });
});

describe('teaser cards with a meta line between headline and excerpt', () => {
  it('leaves out the excerpt under the card\'s date and author line', () => {
    const body = bridgeStory;
    const cards = [
      ['Dirt bike rider hurt on county road', 'Thursday, June 06, 2013 | Ann Lee', 'Officials in the traffic section say they are investigating a crash in which a woman was seriously hurt.'],
      ['Senate leader stepping down', 'Thursday, June 06, 2013 | Rob Lang', 'The man who was seen as the likely successor to the Senate president says he wants to spend more time at home.'],
      ['Lane closures on the ring road', 'Wednesday, June 05, 2013 | Jim Ross', 'Look for work zones on both highways; the left lane stays blocked each way on the harbour bridge.'],
    ];
    const html = `<!doctype html><html lang="en"><head><title>Bridge closed</title></head><body>
      <div class="article-wrap"><div class="article-content">${body.map((p) => `<p>${p}</p>`).join('')}</div>
        <div class="other-stories"><h2>Other Stories</h2><ul>
          ${cards.map(([h, m, x]) => `<li><h3><a href="/story/${h!.length}">${h}</a></h3><h4>${m}</h4><div>${x}</div></li>`).join('\n')}
        </ul></div>
      </div></body></html>`;
    expect(extractArticle({ html, url: 'https://radio.example/article/100317/bridge' }).text).toBe(body.join('\n\n'));
  });
});

describe('boxes the page names as no content', () => {
  const body = [
    'Researchers have found the oldest known tumour in a rib of a Neanderthal, in bones dug up more than a century ago from a cave in Croatia.',
    'The rib fragment had been kept in a museum with some nine hundred other bones, and the team saw the tumour only when they scanned it.',
    'The find shows that Neanderthals suffered the same kinds of disease that modern humans do, the lead author said in an interview on Friday.',
  ];
  const info = (n: number) => `<p>Fact ${n}: cancer is a class of diseases in which cells grow out of control and can spread to other parts of the body through the blood.</p>`;
  const html = `<!doctype html><html lang="en"><head><title>Oldest tumour found</title></head><body>
    <div id="main">
      <div id="top_ratings"><div>Current ratings for: Oldest tumour found</div><table><tr><td>Patient / Public:</td><td>Healthcare Prof:</td></tr></table></div>
      ${body.map((p) => `<p>${p}</p>`).join('')}
      <div class="robots-nocontent"><h2>Add Your Opinion On This Article</h2>
        <p>Please note that we publish your name, but we do not publish your email address, and all opinions are moderated.</p>
        <p>For corrections of factual information, or to contact the editors, please use our feedback form.</p></div>
    </div>
    <div id="rail" class="robots-nocontent">${[1, 2, 3].map(info).join('')}</div>
  </body></html>`;

  it('leaves out the ratings box and the "robots-nocontent" form notes, though that class holds most of the page', () => {
    expect(extractArticle({ html, url: 'https://medical.example/articles/261600.php' }).text).toBe(body.join('\n\n'));
  });
});

describe('a stack of short lines at an edge of the text', () => {
  const body = [
    'If two bird flu strains that emerged this year gain the ability to spread easily between people, they could cause a pandemic, researchers say.',
    'The team found that one of the strains needs only a single change in one of its proteins to bind to the cells that line the human airway.',
  ];
  const html = `<!doctype html><html lang="en"><head><title>Flu strains could cause a pandemic</title></head><body>
    <div id="main"><div>Editor's Choice<br>Academic Journal<br>Main Category: <a href="/flu">Bird Flu</a><br>Article Date: 07 Jun 2013 - 0:00 PDT</div>
      ${body.map((p) => `<p>${p}</p>`).join('')}
      <div>Written by Christian Lee<br>Copyright: Health News Daily</div></div></body></html>`;

  it('is a box of labels, left out above and below the text', () => {
    expect(extractArticle({ html, url: 'https://medical.example/articles/261601.php' }).text).toBe(body.join('\n\n'));
  });
});

describe('a <header> inside the text', () => {
  const p = (s: string) => `<p>${s}</p>`;
  const intro = 'The city council voted on Tuesday to close the old river bridge to all traffic after engineers found deep cracks in two of its piers.';
  const work = 'Repairs are expected to take at least eighteen months, and a temporary ferry will carry foot passengers across the river from next week.';
  const shops = 'Shop owners on both banks said the closure would cost them customers, and asked the council for help with their rents while the work goes on.';
  const html = `<!doctype html><html lang="en"><head><title>Bridge closed</title></head><body><main>
      <header><h1>Bridge closed</h1><p>The crossing will stay shut for at least a year and a half while engineers rebuild two piers.</p></header>
      ${p(intro)}
      <div class="more"><header><h3>Other People Are Reading</h3></header>
        <ul><li><a href="/a">Ferry timetable for the winter</a></li><li><a href="/b">How the bridge was built in 1902</a></li></ul></div>
      <section><header><h2>What happens next</h2></header>${p(work)}${p(shops)}</section>
    </main></body></html>`;

  it("keeps a section's title below the first paragraph, and leaves out the story's header and a module's label", () => {
    expect(extractArticle({ html, url: 'https://valley.example/2019/11/19/bridge' }).text).toBe([intro, 'What happens next', work, shops].join('\n\n'));
  });
});

describe("a module's label", () => {
  const body = [
    'The port authority said on Wednesday that container traffic rose by a fifth last year, the most since the new quay opened in 2015.',
    'Most of the growth came from grain and fertiliser, which now make up a third of what passes through the port, the authority said.',
    'It plans to dredge the channel next spring so that larger ships can dock, a project the government has agreed to pay half of.',
  ];
  const html = `<!doctype html><html lang="en"><head><title>Port traffic up</title></head><body>
    <div id="storyBody">
      <p>${body[0]}</p>
      <div class="inset"><div id="tools"><h4>Story Tools</h4><ul><li><a href="/print">Print</a></li><li><a href="/email">Email this story</a></li><li><a href="/share">Share</a></li></ul></div></div>
      <p>${body[1]}</p>
      <div><div><b>RELATED TOPICS</b></div><ul><li><a href="/t/ports">Ports</a></li><li><a href="/t/trade">Trade</a></li></ul></div>
      <p>${body[2]}</p>
      <section><h2>Dredging</h2><p>The channel was last dredged in 2009, and silt has since cut its depth by more than a metre in places, pilots say.</p></section>
    </div>
    </body></html>`;

  it('goes with the links under it, where a section heading stays', () => {
    expect(extractArticle({ html, url: 'https://coast.example/port-traffic' }).text).toBe(
      [...body, 'Dredging', 'The channel was last dredged in 2009, and silt has since cut its depth by more than a metre in places, pilots say.'].join('\n\n'),
    );
  });
});

describe('a heading right under the headline', () => {
  const body = [
    'The national library reopened its reading rooms on Monday after a renovation that took four years and twice the money first planned.',
    'Readers will find the old oak tables back in place, but the lights, the heating and the shelves behind them are all new, the director said.',
  ];
  const page = (sub: string) => `<!doctype html><html lang="en"><head><title>Library reopens</title></head><body>
    <div id="storyBody"><h1>Library reopens</h1><h2>${sub}</h2>${body.map((p) => `<p>${p}</p>`).join('\n')}</div></body></html>`;

  it('is the standfirst when it is long', () => {
    const html = page('After four years and twice the planned cost, readers are back at the old oak tables');
    expect(extractArticle({ html, url: 'https://capital.example/library' }).text).toBe(body.join('\n\n'));
  });

  it('is the first section title when it is short', () => {
    const html = page('The reading rooms and their tables');
    expect(extractArticle({ html, url: 'https://capital.example/library' }).text).toBe(['The reading rooms and their tables', ...body].join('\n\n'));
  });
});

describe('the <h1> over the text, worded otherwise than the title', () => {
  const body = [
    'The opposition leader said on Thursday that she wants to run for president, and laid out what she would do differently from the government.',
    'She spoke at a panel of the regional economic forum in the capital, where she was asked twice about the constitution that bars her.',
  ];
  const html = `<!doctype html><html lang="en"><head><title>Opposition leader wants to be president</title>
    <meta property="og:title" content="Opposition leader wants to be president"></head><body>
    <div id="story"><h1>Leader to seek the presidency</h1>${body.map((p) => `<p>${p}</p>`).join('\n')}
      <h1>Notes</h1><p>The forum closes on Friday with a session on trade, and the leader is not expected to speak at it again.</p></div></body></html>`;

  it('is the headline, left out; an <h1> further down is a sub-heading', () => {
    expect(extractArticle({ html, url: 'https://asia.example/leader' }).text).toBe(
      [...body, 'Notes', 'The forum closes on Friday with a session on trade, and the leader is not expected to speak at it again.'].join('\n\n'),
    );
  });
});

describe('a list right under the headline', () => {
  const body = [
    'A retired engineer has offered a prize of one million pounds to anyone who can explain why the town clock has run four minutes slow since 1952.',
    'The clock has been taken apart and rebuilt three times, and each time it has lost the same four minutes within a week, the town council said.',
  ];
  const points = ['Engineer wants to inspire young people to study clocks', 'Clock has been rebuilt three times since the war'];
  const page = (under: string) => `<!doctype html><html lang="en"><head><title>A million for the town clock</title></head><body>
    <div class="article-text"><h1>A million for the town clock</h1><ul>${points.map((p) => `<li>${p}</li>`).join('')}</ul>${under}
    ${body.map((p) => `<p>${p}</p>`).join('')}</div></body></html>`;

  it('is the story in brief when the byline follows it', () => {
    expect(extractArticle({ html: page('<p>By Press Association</p>'), url: 'https://daily.example/news/clock' }).text).toBe(body.join('\n\n'));
  });

  it('is part of the text otherwise', () => {
    expect(extractArticle({ html: page(''), url: 'https://daily.example/news/clock' }).text).toBe([...points, ...body].join('\n\n'));
  });
});

describe('a heading worded as a shorter form of the title, and the line under it', () => {
  const body = [
    'An expert panel voted narrowly on Thursday to recommend easing the safety limits on a diabetes drug that had been kept off shelves for three years.',
    'The decision came after the panel reviewed new data suggesting that the medicine might not be as harmful to the heart as was first thought.',
  ];
  const html = `<!doctype html><html lang="en"><head><title>Panel Votes to Change Tight Limits on Diabetes Drug Avandix</title></head><body>
    <div id="textArea"><h2>Panel Votes to Change Limits on Avandix</h2>
      <div class="subhead">Controversial decision comes after a second look at the data on heart risks</div>
      ${body.map((p) => `<p>${p}</p>`).join('\n')}
      <h2>What the panel weighed</h2><p>The panel spent two days on the review, which had been paid for by the maker of the drug, and heard from its critics.</p></div></body></html>`;

  it('is the headline, and the line without a full stop under it is its dek; a sub-heading further down stays', () => {
    expect(extractArticle({ html, url: 'https://health.example/news/avandix' }).text).toBe(
      [...body, 'What the panel weighed', 'The panel spent two days on the review, which had been paid for by the maker of the drug, and heard from its critics.'].join('\n\n'),
    );
  });
});

describe('a widget named in short ("wdgt") beside the text', () => {
  const body = [
    'An expert panel voted narrowly on Thursday to recommend easing the safety limits on a diabetes drug that had been kept off shelves for three years.',
    'The decision came after the panel reviewed new data suggesting that the medicine might not be as harmful to the heart as was first thought.',
    'The agency is not bound by the advice of its panels, but it usually follows it, and a decision is expected before the end of the summer.',
  ];
  const advice = [
    'If the level is below 70 and you have symptoms such as shaking, sweating or trouble thinking, you will need to raise the number at once.',
    'Your level is high if this reading was taken before eating. Aim for 70 to 130 before meals and less than 180 two hours after them.',
  ];
  const html = `<!doctype html><html lang="en"><head><title>Panel votes on diabetes drug</title></head><body>
    <div id="page"><div id="middle"><div class="article">${body.map((p) => `<p>${p}</p>`).join('')}</div></div>
      <div id="thirdCol"><div class="wdgt-normal"><h4>Is This Normal? Get the Facts Fast!</h4>${advice.map((p) => `<p>${p}</p>`).join('')}</div></div></div></body></html>`;

  it('is left out, prose and all', () => {
    expect(extractArticle({ html, url: 'https://health.example/news/panel' }).text).toBe(body.join('\n\n'));
  });
});

describe('a heading over the byline', () => {
  const body = [
    'A Toulouse, le Premier ministre a été rappelé deux fois sur scène par les militants, après un discours d’une heure sur le nouveau modèle français.',
    'Après une semaine de turbulences, le chef du gouvernement avait besoin de cette longue ovation, glissait l’un de ses proches à la sortie.',
  ];
  const html = `<!doctype html><html lang="fr"><head><title>Le Premier ministre assume sa méthode</title></head><body>
    <div class="object-header"><h1>Le Premier ministre assume sa méthode</h1><h5>27 octobre 2012 à 18:27</h5></div>
    <div class="object-content">
      <h2>Après une semaine agitée, le Premier ministre s’est offert un succès d’estrade au congrès du parti.</h2>
      <div>Par Jeanne Martin, envoyée spéciale à Toulouse</div>
      ${body.map((p) => `<p>${p}</p>`).join('\n')}
    </div></body></html>`;

  it('is the standfirst, left out with the byline', () => {
    expect(extractArticle({ html, url: 'https://quotidien.example/politique/methode' }).text).toBe(body.join('\n\n'));
  });
});

describe('boilerplate set inside the text\'s own element', () => {
  const body = [
    'The harbour authority opened its new ferry terminal on Saturday, three years after the old wooden pier was closed as unsafe by inspectors from the ministry of transport.',
    'About two thousand people queued in the rain for the first crossing, and the mayor cut the ribbon to the sound of the town brass band and a choir of schoolchildren.',
    'The terminal cost forty million euros, most of it paid by the region, and can handle two ferries at once in all but the worst of the winter storms that close the strait.',
    'Fishermen who had used the old pier for their catch said they still had nowhere to land it, and would protest at the next meeting of the town council in March.',
  ];
  const caption = (n: number) => `Photo ${n}: crowds on the quay at the opening of the terminal, seen from the deck of the first ferry to leave the harbour on Saturday morning, with the old pier behind them.`;
  const aside = '<div class="box"><p>The harbour has served the island since the fourteenth century, when monks from the abbey built the first stone quay to ship their wool to the mainland markets, and it has been rebuilt four times since then after storms and one fire.</p></div>';
  // The page's other boilerplate: the gallery's captions are far from most of the page's text.
  const rail = `<div class="sidebar">${Array.from({ length: 12 }, (_, i) => `<p>Weather for day ${i + 1}: sunny spells in the morning and showers by the afternoon, with winds from the west.</p>`).join('')}</div>`;

  it('does not cost that element the text: a long gallery between its paragraphs', () => {
    const slides = Array.from({ length: 6 }, (_, i) => `<div class="slide"><div class="gallery-caption">${caption(i + 1)}</div></div>`).join('');
    const html = `<!doctype html><html lang="en"><head><title>Ferry terminal opens</title></head><body>
      <div class="page"><div class="story">${body.slice(0, 2).map((p) => `<p>${p}</p>`).join('')}
        <div class="photo-gallery">${slides}</div>${body.slice(2).map((p) => `<p>${p}</p>`).join('')}</div>
      ${aside}${rail}</div></body></html>`;
    expect(extractArticle({ html, url: 'https://island.example/news/ferry-terminal' }).text).toBe(body.join('\n\n'));
  });

  it('does not cost that element the text: a long comment thread under text that is its own runs', () => {
    const comments = Array.from({ length: 10 }, (_, i) => `<div class="c"><div>Reader ${i + 1} wrote:</div><div>${caption(i + 1).replace('Photo', 'Comment')} I was there and it was a great day for all of us, whatever the fishermen say.</div></div>`).join('');
    const html = `<!doctype html><html lang="en"><head><title>Ferry terminal opens</title></head><body>
      <div class="page"><div id="text">${body.join('<div class="image"><img src="/quay.jpg" alt=""></div>')}
        <div class="thread"><table><tr><td>Comments</td></tr></table>${comments}</div></div>
      ${aside}</div></body></html>`;
    expect(extractArticle({ html, url: 'https://island.example/news/ferry-terminal' }).text).toBe(body.join('\n\n'));
  });
});

describe('a sentence whose second half is a link', () => {
  const body = [
    'The water board raised its prices by eight per cent on Monday, the third rise in two years, and blamed the cost of repairing old mains.',
    'Earlier this month, <a href="/2021/03/02/leak">the board admitted losing a fifth of its water to leaks</a>.',
    'Customers who cannot pay will be offered a payment plan, the board said, and no household will be cut off during the winter months.',
    'A spokesman for the consumer council said the rise was larger than it had been told to expect and that it would ask the regulator to look at it.',
  ];
  const strip = (s: string) => s.replace(/<[^>]+>/g, '');
  const html = `<!doctype html><html lang="en"><head><title>Water prices rise</title></head><body><div class="story">
    ${body.slice(0, 2).map((p) => `<p>${p}</p>`).join('')}
    <p>Read more from our archive: <a href="/2021/01/10/mains">How the city's Victorian water mains are wearing out, street by street.</a></p>
    ${body.slice(2).map((p) => `<p>${p}</p>`).join('')}
    <p>Follow the news desk of the <i>City Herald</i> <a href="https://social.example/waternews">on our social media pages for all the latest news.</a></p>
  </div></body></html>`;

  it('is part of the text between its paragraphs; a link under a label, or one below the text, is not', () => {
    expect(extractArticle({ html, url: 'https://city.example/2021/03/15/water' }).text).toBe(body.map(strip).join('\n\n'));
  });
});

describe('an aside with a skip link over it', () => {
  const p = (s: string) => `<p>${s}</p>`;
  const body = [
    'The government sent thousands of troops to the three northern provinces on Wednesday, a day after declaring a state of emergency there.',
    'A statement from the defence ministry said the operation would last as long as needed to secure the border and the main roads.',
    'Residents of the provincial capital said lorries full of soldiers had been driving through the city since dawn, and that shops had closed.',
    'The opposition said it backed the deployment but asked the government to say how long the emergency would last.',
  ];
  const analysis = [
    'There is little doubt that the situation in the north has grown worse over the past year, and the president has now admitted as much.',
    'Whether more soldiers will help depends on how they behave: the army has long been accused of heavy-handed raids on villages.',
  ];
  const page = (skip: boolean) => `<!doctype html><html lang="en"><head><title>Troops sent north</title></head><body>
    <div class="story-body"><h1>Troops sent north</h1>
      ${p(body[0]!)}${p(body[1]!)}
      <div class="story-box wide">${skip ? '<a class="hidden" href="#continue_1">Continue reading the main story</a>' : ''}<h2>Analysis</h2>
        ${analysis.map(p).join('')}</div>
      <p id="continue_1">${body[2]}</p>
      <div class="story-box wide">${skip ? '<a class="hidden" href="#continue_2">Continue reading the main story</a>' : ''}<h2>Timeline of the unrest</h2>
        <ul><li>2009: Riots in the provincial capital leave hundreds dead</li><li>2011: Bomb attacks on the police headquarters</li><li>2012: Wave of attacks across the north</li></ul></div>
      <p id="continue_2">${body[3]}</p>
    </div></body></html>`;

  it('is left out: the page itself tells its readers the story continues after it', () => {
    expect(extractArticle({ html: page(true), url: 'https://news.example/2013/05/15/troops' }).text).toBe(body.join('\n\n'));
  });

  it('stays without the skip link (nothing but the layout says it is aside)', () => {
    expect(extractArticle({ html: page(false), url: 'https://news.example/2013/05/15/troops' }).text).toContain(analysis[0]);
  });

  it('stays when the link opens a run of the text with no heading of its own ("Jump to recipe")', () => {
    const html = `<!doctype html><html lang="en"><head><title>Plum jam</title></head><body><article>
      <div class="intro"><a href="#recipe">Jump to recipe</a>${body.map(p).join('')}</div>
      <div id="recipe"><h2>Plum jam</h2><p>Stone the plums, cook them with the sugar for forty minutes, then pour the jam into warm jars.</p></div>
    </article></body></html>`;
    expect(extractArticle({ html, url: 'https://food.example/plum-jam' }).text).toContain(body[0]);
  });
});

describe('a comments label below the text', () => {
  const body = [
    'The county opened its first public charging park for electric lorries on Monday, with twelve fast chargers beside the motorway junction.',
    'Hauliers said the park would let them run electric lorries on the long routes to the ports for the first time, if the chargers proved reliable.',
    'The county plans two more parks next year and has asked the government to pay for half of them from its fund for cleaner freight transport.',
  ];
  const comments = Array.from({ length: 8 }, (_, i) => `<li class="comment"><div class="commentBody">Reader ${i + 1}: the chargers are a good start, but twelve of them will not be enough once the big fleets switch over, and the queues at the junction will be worse than the ones at the diesel pumps.</div></li>`).join('');
  const html = `<!doctype html><html lang="en"><head><title>Lorry charging park opens</title></head><body><div id="main">
    <div class="story">${body.map((p) => `<p>${p}</p>`).join('')}</div>
    <div id="talk"><h2>Talkback</h2><div class="commentsCount">8 comments</div><ul class="commentsList">${comments}</ul></div>
  </div></body></html>`;

  it('ends the text even when its box is left out for its class, and the thread with it', () => {
    expect(extractArticle({ html, url: 'https://county.example/news/charging-park' }).text).toBe(body.join('\n\n'));
  });
});

describe('excerpts closed by a link to the rest', () => {
  it('leaves out a rail of excerpts each ending in "more »" or "Lire la suite", beside the story in one wrapper', () => {
    const body = bridgeStory;
    const excerpts = [
      'A hunter has started a campaign to ban roadside hunting in the territory after a bear was shot from the road on Monday. <a href="/1">more »</a>',
      'Plants that grew again after centuries under the ice could help settlers on other planets, a team of researchers said on Tuesday. <a href="/2">more »</a>',
      'Le conseil municipal a voté mardi la fermeture du vieux pont, et les commerçants des deux rives demandent une aide pour leurs loyers. <a href="/3">Lire la suite</a>',
    ];
    const html = `<!doctype html><html lang="en"><head><title>Bridge closed</title></head><body><div id="content">
      <div id="left"><h1>Bridge closed</h1>${body.map((p) => `<p>${p}</p>`).join('')}</div>
      <div id="aside-col"><h3>Latest headlines</h3><dl>${excerpts.map((x) => `<dd>${x}</dd>`).join('')}</dl></div>
    </div></body></html>`;
    expect(extractArticle({ html, url: 'https://valley.example/2019/11/19/bridge' }).text).toBe(body.join('\n\n'));
  });
});
