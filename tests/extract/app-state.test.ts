import { describe, expect, it } from 'vitest';
import { paragraphsFromState, stateObjects } from '../../src/extract/app-state.js';
import { extractArticle } from '../../src/extract/index.js';

const paragraphs = [
  'The regional council approved the new water plan on Thursday after a debate that lasted most of the night.',
  'Farmers in the valley had asked for the plan for three years, saying the dry summers were ruining their harvests.',
  'The plan pays for two reservoirs and a network of pipes, to be built by 2027, and caps what factories may draw.',
  'Opposition members said the caps were too loose and promised to bring the matter back before the council in spring.',
];

describe('embedded application state', () => {
  it('reads a JSON script (__NEXT_DATA__) and finds the list that holds the paragraphs', () => {
    const state = { props: { pageProps: { related: [{ title: 'Other story', url: '/x' }], article: { body: paragraphs.map((p) => ({ type: 'paragraph', text: `<p>${p}</p>` })) } } } };
    expect(paragraphsFromState(stateObjects(JSON.stringify(state)))).toEqual(paragraphs);
  });

  it('reads an assignment inside a script, with braces inside its strings, next to other assignments', () => {
    const content = { content_elements: paragraphs.map((p, i) => ({ type: 'text', _id: `id${i}`, content: i === 1 ? `${p} {not a brace}` : p })) };
    const script = `window.App=window.App||{};Fusion.deployment='1';Fusion.globalContent=${JSON.stringify(content)};Fusion.globalContentConfig={"source":"x"};`;
    const out = paragraphsFromState(stateObjects(script));
    expect(out).toHaveLength(4);
    expect(out[1]).toBe(`${paragraphs[1]} {not a brace}`);
  });

  it('finds nothing in state without three paragraphs in one list', () => {
    expect(paragraphsFromState(stateObjects('{"menu":["Home","News","Sport"],"user":{"name":"x"}}'))).toEqual([]);
    expect(stateObjects('window.__INITIAL_STATE__ = {broken')).toEqual([]);
  });

  const page = (dom: string) => `<!doctype html><html lang="en"><head><title>Water plan approved | Valley Post</title>
    <script id="__NEXT_DATA__" type="application/json">${JSON.stringify({ props: { pageProps: { story: { blocks: paragraphs.map((text) => ({ text })) } } } })}</script>
    </head><body><div id="__next">${dom}</div></body></html>`;

  it('takes the text from the state when the page is drawn by its scripts', () => {
    const a = extractArticle({ html: page('<h1>Water plan approved</h1><p>Loading…</p>'), url: 'https://valley.example/water-plan' });
    expect(a.text).toBe(paragraphs.join('\n\n'));
    expect(a.isArticle).toBe(true);
  });

  it('keeps the DOM text when the DOM has the article', () => {
    const dom = `<article><h1>Water plan approved</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}<p>An extra paragraph only the rendered page carries, about the vote count.</p></article>`;
    const a = extractArticle({ html: page(dom), url: 'https://valley.example/water-plan' });
    expect(a.text).toContain('An extra paragraph only the rendered page carries');
  });
});

describe('hostile state', () => {
  it('gives up on deep nesting and unclosed objects without hanging or throwing', () => {
    const start = performance.now();
    expect(stateObjects(`window.__INITIAL_STATE__ = {"a":${'['.repeat(200_000)}`)).toEqual([]);
    const deep = `{"a":${'['.repeat(50_000)}${']'.repeat(50_000)}}`;
    expect(() => paragraphsFromState(stateObjects(deep))).not.toThrow();
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
