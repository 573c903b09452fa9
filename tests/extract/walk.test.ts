import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../src/extract/parse.js';
import { walkDocument } from '../../src/extract/walk.js';

const walk = (html: string) =>
  walkDocument(parseHtml(html), { deadline: Infinity, maxDepth: 400, maxBlockChars: 100_000 }).blocks.map((b) => b.text);

describe('the walk over one paragraph', () => {
  it('leaves out a hover card of links inside a sentence, and keeps the linked name', () => {
    const blocks = walk(`<body><p>South Dakota Gov. <span class="rollover"><a href="/people/noem">Kristi Noem</a><span class="card"><span>
      <img src="/noem.jpg" alt=""><a href="/people/noem">Kristi Lynn Noem</a>
      <a href="/a1">Governor doubles down on anti-drug campaign</a><a href="/a2">State drops pipeline protest laws</a>
      <a href="/more">MORE</a></span></span></span> (R) is defending the state's campaign.</p></body>`);
    expect(blocks).toEqual(["South Dakota Gov. Kristi Noem (R) is defending the state's campaign."]);
  });

  it('keeps a sentence that links three sources among its own words', () => {
    const text = 'Reports from <a href="/1">Reuters</a>, <a href="/2">the Associated Press</a> and <a href="/3">AFP</a> agree on the toll.';
    expect(walk(`<body><p>The figures differ. <span>${text}</span></p></body>`)).toEqual([
      'The figures differ. Reports from Reuters, the Associated Press and AFP agree on the toll.',
    ]);
  });

  it('does not split a paragraph at an image or a button inside it', () => {
    expect(walk('<body><p>The river rose <img src="/r.jpg" alt="">two metres <button>Play</button>overnight.</p></body>')).toEqual([
      'The river rose two metres overnight.',
    ]);
  });

  it('still ends a paragraph at a skipped block (a figure between two paragraphs)', () => {
    expect(walk('<body><div>First part.<figure><img src="/x.jpg"><figcaption>Credit</figcaption></figure>Second part.</div></body>')).toEqual([
      'First part.',
      'Second part.',
    ]);
  });
});

describe('figures', () => {
  it('reads the post quoted in a figure (an embedded tweet), not the figure\'s caption or credit', () => {
    expect(
      walk(`<body><p>The police posted an update.</p>
        <figure class="wp-block-embed-twitter"><div class="wp-block-embed__wrapper"><span class="credit">Embed: Twitter</span>
          <blockquote class="twitter-tweet"><p>UPDATE: Two suspects are in custody.</p>&mdash; City Police (@CityPD) <a href="/s/1">November 18, 2019</a></blockquote>
        </div><figcaption>The tweet, as posted</figcaption></figure>
        <p>The third suspect is still sought.</p></body>`),
    ).toEqual(['The police posted an update.', 'UPDATE: Two suspects are in custody.', '— City Police (@CityPD) November 18, 2019', 'The third suspect is still sought.']);
  });

  it('still skips a figure that quotes nothing', () => {
    expect(walk('<body><p>Before.</p><figure><img src="/x.jpg"><div class="credit">Photo: AFP</div></figure><p>After.</p></body>')).toEqual(['Before.', 'After.']);
  });
});

describe('tables', () => {
  it('reads a data table row by row, its cells parted by a bar, the head row in its own <thead> included', () => {
    expect(
      walk(`<body><table><thead><tr><th>Commune</th><th>Inscrits</th><th>Participation</th></tr></thead>
        <tbody><tr><td>Gao</td><td>52 310</td><td>74,0 %</td></tr><tr><td><b>Ansongo</b></td><td>9 733</td><td>63,0 %</td></tr></tbody></table></body>`),
    ).toEqual(['Commune | Inscrits | Participation', 'Gao | 52 310 | 74,0 %', 'Ansongo | 9 733 | 63,0 %']);
  });

  it('keeps the cells of a layout table apart: cells that hold paragraphs, and a lone row of two cells', () => {
    expect(
      walk(`<body><table><tr><td><p>First paragraph of the story.</p><p>Second paragraph.</p></td><td>Most read</td></tr>
        <tr><td>Footer</td><td>Contact</td></tr></table><table><tr><td>Comments</td><td>Threshold</td></tr></table></body>`),
    ).toEqual(['First paragraph of the story.', 'Second paragraph.', 'Most read', 'Footer', 'Contact', 'Comments', 'Threshold']);
  });
});

describe('boxes of images written without <figure>', () => {
  it('leaves out the caption and credit under a group of images', () => {
    expect(
      walk(`<body><p>The flight was cancelled at one in the morning.</p><div class="split"><img src="/a.jpg" alt=""><img src="/b.jpg" alt="">
        <p class="cap">Jade Whitmore, 31, with her sons. The board showed the flight as delayed for 18 hours</p><span class="cr">Jade Whitmore/SWNS</span></div>
        <p>Passengers slept on the floor.</p></body>`),
    ).toEqual(['The flight was cancelled at one in the morning.', 'Passengers slept on the floor.']);
  });

  it('keeps the story where an image opens the element holding its paragraphs, or a long paragraph', () => {
    const long = 'The council voted on Tuesday to close the old bridge to lorries after engineers found cracks in two of its piers. '.repeat(3).trim();
    expect(walk(`<body><div><img src="/a.jpg"><p>First.</p><p>Second.</p><p>Third.</p><p>Fourth.</p></div><div><img src="/b.jpg"><p>${long}</p></div></body>`)).toEqual([
      'First.', 'Second.', 'Third.', 'Fourth.', long,
    ]);
  });
});

describe('preformatted text', () => {
  it('keeps the line ends of a <pre>, and its blank lines as paragraph breaks', () => {
    expect(walk('<body><pre>COMMUNIQUE N 12\nBamako, 3 mars\n\nLe gouvernement informe\nla population.</pre></body>')).toEqual([
      'COMMUNIQUE N 12\nBamako, 3 mars\n\nLe gouvernement informe\nla population.',
    ]);
  });
});
