import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/index.js';
import { DEFAULT_EXTRACTION_OPTIONS } from '../../src/extract/options.js';
import { parseHtml } from '../../src/extract/parse.js';
import { walkDocument } from '../../src/extract/walk.js';

const para = (n: number) =>
  `The council met on Tuesday evening to discuss the budget for the coming year, number ${n}, and voted to keep the library open.`;
const page = `<html><head><title>Council keeps the library open</title></head><body><article>
  <h1>Council keeps the library open</h1>
  <p>A vote that surprised the town and its long-serving mayor</p>
  <p>${para(1)}</p><p>${para(2)}</p><p>${para(3)}</p>
</article></body></html>`;

describe('the thresholds table', () => {
  it('is what extraction reads: a dek under the headline goes by default, stays when deks must be longer', () => {
    const dek = 'A vote that surprised the town and its long-serving mayor';
    expect(extractArticle({ html: page, url: 'https://x.example/a' }).text).not.toContain(dek);
    const thresholds = { ...DEFAULT_EXTRACTION_OPTIONS, dekMinChars: 100 };
    expect(extractArticle({ html: page, url: 'https://x.example/a' }, { thresholds }).text).toContain(dek);
  });

  it('is what the walk reads: a pop-up of links leaves the sentence only when it holds enough links', () => {
    const html = `<body><p>South Dakota Gov. <span class="rollover"><a href="/people/noem">Kristi Noem</a><span class="card">
      <a href="/a1">Governor doubles down on anti-drug campaign</a><a href="/a2">State drops pipeline protest laws</a></span></span> (R) is defending it.</p></body>`;
    const walk = (popupMinLinks: number) =>
      walkDocument(parseHtml(html), { deadline: Infinity, maxDepth: 400, maxBlockChars: 100_000 }, { ...DEFAULT_EXTRACTION_OPTIONS, popupMinLinks }).blocks.map((b) => b.text);
    expect(walk(2)).toEqual(['South Dakota Gov. Kristi Noem (R) is defending it.']);
    expect(walk(10)[0]).toContain('Governor doubles down');
  });
});
