import { describe, expect, it } from 'vitest';
import { MemoryDuplicateIndex, findDuplicate } from '../../src/dedup/index.js';
import { fmix32, fnv1a } from '../../src/dedup/hash.js';
import { SIGNATURE, shingles, signature } from '../../src/dedup/minhash.js';
import { tokenize } from '../../src/text/index.js';

const WIRE = `Mali's military government said on Friday that four Moroccan truck drivers kidnapped in January by
Islamic State fighters in the three borders area had been released. A statement read on state television credited an
operation by the State Security Agency and gave no details on how the hostages were freed.`;
const INDEPENDENT = `Bamako presented the release of the four Moroccan drivers as a success of its intelligence services,
but several sources speak of a ransom and of two Islamic State commanders freed in exchange for the hostages.`;
const DAY = 86_400_000;

async function add(index: MemoryDuplicateIndex, id: string, text: string, at: number) {
  const check = await findDuplicate({ id, url: `https://x.example/${id}`, at }, tokenize(text, 'en'), index);
  await index.add(check.entry, check.bands);
  return check;
}

describe('shingles', () => {
  it('hashes each run of five words as the words joined by spaces', () => {
    const words = tokenize(WIRE, 'en').map((t) => t.word);
    const expected = new Set(words.slice(0, -4).map((_, i) => fnv1a(words.slice(i, i + 5).join(' '))));
    expect(shingles(tokenize(WIRE, 'en'))).toEqual(expected);
    expect(expected.size).toBeGreaterThan(40);
  });
});

describe('signature', () => {
  it('keeps, per seed, the least unsigned fmix32(shingle ^ seed), as the plain definition does', () => {
    const seeds = Array.from({ length: SIGNATURE }, (_, i) => fmix32(0x9e3779b9 + i * 0x7f4a7c15));
    // Shingles of a text plus hashes at the unsigned extremes, where signed and unsigned order differ.
    const set = new Set([...shingles(tokenize(WIRE, 'en')), 0, 1, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff]);
    const expected = seeds.map((seed) => Math.min(...[...set].map((s) => fmix32(s ^ seed))));
    expect([...signature(set)]).toEqual(expected);
  });

  it('is all ones for no shingles', () => {
    expect([...signature(new Set())]).toEqual(new Array(SIGNATURE).fill(0xffffffff));
  });
});

describe('findDuplicate', () => {
  it('flags an exact copy that differs only in case, spacing and punctuation', async () => {
    const index = new MemoryDuplicateIndex();
    await add(index, 'a', WIRE, 1000);
    const copy = await add(index, 'b', WIRE.toUpperCase().replace(/,/g, ' ;'), 2000);
    expect(copy.original?.url).toBe('https://x.example/a');
    expect(copy.similarity).toBe(1);
  });

  it('flags a lightly edited copy and names the earliest original', async () => {
    const index = new MemoryDuplicateIndex();
    await add(index, 'first', WIRE, 1000);
    await add(index, 'second', `${WIRE} (Sahel Wire)`, 2000);
    const third = await add(index, 'third', `${WIRE} Morocco thanked Mali.`, 3000);
    expect(third.original?.url).toBe('https://x.example/first');
    expect(third.similarity).toBeGreaterThan(0.5);
  });

  it('does not flag an independent account of the same event', async () => {
    const index = new MemoryDuplicateIndex();
    await add(index, 'wire', WIRE, 1000);
    const other = await add(index, 'other', INDEPENDENT, 2000);
    expect(other.original).toBeNull();
  });

  it('treats an article older than its copies as the original', async () => {
    const index = new MemoryDuplicateIndex();
    await add(index, 'late', WIRE, 5000);
    const early = await add(index, 'early', WIRE, 1000);
    expect(early.original).toBeNull();
  });

  it('compares short texts by exact hash only', async () => {
    const index = new MemoryDuplicateIndex();
    await add(index, 'h1', 'Four Moroccan drivers freed in Mali', 1000);
    expect((await add(index, 'h2', 'Four Moroccan drivers freed in Mali today', 2000)).original).toBeNull();
    expect((await add(index, 'h3', 'Four Moroccan drivers freed in Mali!', 3000)).original?.url).toBe('https://x.example/h1');
  });

  it('looks for copies within the window only', async () => {
    const index = new MemoryDuplicateIndex();
    await add(index, 'old', WIRE, 0);
    expect((await add(index, 'new', WIRE, 40 * DAY)).original).toBeNull();
  });
});

describe('duplicate index snapshot', () => {
  it('resumes a snapshot of entries as objects (an earlier version) as it resumes its own columns', async () => {
    const index = new MemoryDuplicateIndex({ windowMs: 5 * DAY, sweepEvery: 4 });
    const texts = [WIRE, INDEPENDENT, WIRE.replace('Friday', 'Thursday'), INDEPENDENT.replace('ransom', 'payment'), WIRE];
    for (const [i, t] of texts.entries()) await add(index, `a${i}`, t, i * DAY);
    const own = index.snapshot();
    expect(own.columns?.ids.length).toBe(index.size());
    const c = own.columns!;
    const entries = c.ids.map((id, i) => ({ id, url: c.urls[i]!, at: c.times[i]!, hash: c.hashes[i]!, signature: c.signed[i] ? c.signatures.slice(i * SIGNATURE, (i + 1) * SIGNATURE) : null }));
    const fromColumns = new MemoryDuplicateIndex({ windowMs: 5 * DAY, sweepEvery: 4 });
    fromColumns.restore(own);
    const fromEntries = new MemoryDuplicateIndex({ windowMs: 5 * DAY, sweepEvery: 4 });
    fromEntries.restore({ entries, latest: own.latest, adds: own.adds });
    const next = [WIRE, INDEPENDENT.replace('sources', 'témoins')];
    for (const [i, t] of next.entries()) {
      const a = await add(fromColumns, `b${i}`, t, (6 + i) * DAY);
      const b = await add(fromEntries, `b${i}`, t, (6 + i) * DAY);
      expect(b).toEqual(a);
      if (i === 0) expect(a.original?.id).toBe('a0');
    }
    expect(fromEntries.snapshot()).toEqual(fromColumns.snapshot());
  });
});

