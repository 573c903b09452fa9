import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/index.js';

const para = 'The committee met again on Thursday to review the budget, and its members agreed to publish the report next week.';

describe('hostile and broken inputs', () => {
  it('survives 100,000 nested elements without a stack overflow', () => {
    const depth = 100_000;
    const html = `<html><body><article><p>${para}</p><p>${para}</p></article>${'<div>'.repeat(depth)}deep text${'</div>'.repeat(depth)}</body></html>`;
    const a = extractArticle({ html, url: 'https://x.example/a' });
    expect(a.text).toContain('The committee met again');
    expect(a.text).not.toContain('deep text');
  });

  it('stops parsing 3 MB of nested elements at the time cap, keeping the article above them', () => {
    // htmlparser2's cost per tag grows with the depth: 600,000 open <div>s take minutes in one go.
    const html = `<html><body><article><p>${para}</p><p>${para}</p></article>${'<div>'.repeat(600_000)}deep text</body></html>`;
    const a = extractArticle({ html, url: 'https://x.example/a' }, { timeBudgetMs: 1000 });
    expect(a.notArticleReason).toBe('extraction time cap reached');
    expect(a.text).toContain('The committee met again');
  });

  it('handles a megabyte-long text node quickly, capping the block', () => {
    const long = 'word '.repeat(400_000);
    const started = performance.now();
    const a = extractArticle({ html: `<html><body><article><p>${para}</p><p>${long}</p></article></body></html>`, url: 'https://x.example/a' });
    expect(performance.now() - started).toBeLessThan(3000);
    expect(a.text.length).toBeGreaterThan(10_000);
    expect(a.text.length).toBeLessThanOrEqual(100_000 + para.length + 2);
  });

  it('reads a page of 15,000 sign-up forms quickly, keeping the article above them', () => {
    const form = '<div><form><input type="email"><p>Sign up</p></form></div>';
    const started = performance.now();
    const a = extractArticle({ html: `<html><body><article><p>${para}</p><p>${para}</p><p>${para}</p></article><div>${form.repeat(15_000)}</div></body></html>`, url: 'https://x.example/a' });
    expect(performance.now() - started).toBeLessThan(3000);
    expect(a.notArticleReason).toBeNull(); // within the time budget
    expect(a.text).toBe(`${para}\n\n${para}\n\n${para}`);
  });

  it('caps the input size', () => {
    const html = `<html><body><article><p>${para}</p>` + `<p>${para}</p>`.repeat(40_000) + '</article></body></html>';
    expect(html.length).toBeGreaterThan(3_000_000);
    const a = extractArticle({ html, url: 'https://x.example/a' });
    expect(a.text.length).toBeLessThan(3_000_000);
    expect(a.text.length).toBeGreaterThan(1_000_000);
  });

  it('stops walking at the time budget and says so', () => {
    const html = `<html><body>` + `<div class="x"><p>${para}</p></div>`.repeat(50_000) + '</body></html>';
    const a = extractArticle({ html, url: 'https://x.example/a' }, { timeBudgetMs: 0 });
    expect(a.isArticle).toBe(false);
    expect(a.notArticleReason).toBe('extraction time cap reached');
  });

  it('reads broken markup: unclosed paragraphs, stray end tags, garbage attributes', () => {
    const html = `<html><body><div class="article-body"><p>${para}<p>Second paragraph of the story, with enough words to count as prose here.</span></b><p class="x" "broken attr=>Third paragraph goes on after the broken tag, as browsers do.</div></body>`;
    const a = extractArticle({ html, url: 'https://x.example/a' });
    expect(a.blocks.map((b) => b.text)).toEqual([
      para,
      'Second paragraph of the story, with enough words to count as prose here.',
      'Third paragraph goes on after the broken tag, as browsers do.',
    ]);
  });

  it('returns an empty, non-article record for empty and binary-looking input', () => {
    for (const html of ['', '\u0000\u0001\u0002', new Uint8Array([0xff, 0x00, 0x13, 0x37])]) {
      const a = extractArticle({ html, url: 'https://x.example/a' });
      expect(a.isArticle).toBe(false);
      expect(a.text).toBe('');
    }
  });

  it('ignores broken JSON-LD', () => {
    const html = `<html><head><script type="application/ld+json">{"@type":"NewsArticle", "headline": "Half</script></head><body><article><p>${para}</p><p>${para}</p></article></body></html>`;
    expect(extractArticle({ html, url: 'https://x.example/a' }).text).toContain('The committee met again');
  });
});
