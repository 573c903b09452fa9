import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { loadYamlFile } from '../../src/config/yaml-file.js';
import type { CompareArticle, CompareInput } from '../../src/compare/index.js';

const date = z.union([z.date(), z.string()]).transform((d) => new Date(d).toISOString());
const ids = z.array(z.string());

const plantedSchema = z.object({
  planted: z.object({
    conflicts: z.array(z.object({ kind: z.enum(['count', 'date', 'amount', 'duration']), values: z.record(z.string(), ids) })),
    unique: z.array(z.object({ articles: ids, country: z.string().nullable(), says: z.string() })),
    contradictions: z.array(z.object({ asserts: ids, denies: ids })),
    framing: z.array(z.object({ term: z.string(), articles: ids })),
    copies: z.array(z.object({ copy: z.string(), of: z.string(), added: z.number(), dropped: z.number() })),
  }),
  articles: z.array(
    z.object({
      id: z.string(),
      outlet: z.string(),
      country: z.string(),
      language: z.string(),
      published: date,
      url: z.url(),
      duplicateOf: z.string().optional(),
      title: z.string(),
      text: z.string(),
    }),
  ),
});

export type Planted = z.output<typeof plantedSchema>['planted'];

/** The planted event of tests/fixtures/compare: its input, what was planted, and id -> URL. */
export function loadPlantedEvent(file = 'tests/fixtures/compare/hostage-release.yaml'): { input: CompareInput; planted: Planted; url: (id: string) => string } {
  const parsed = loadYamlFile(file, plantedSchema);
  const articles: CompareArticle[] = parsed.articles.map((a) => ({
    id: a.id, url: a.url, outlet: a.outlet, country: a.country, language: a.language, title: a.title,
    published: a.published, discoveredAt: a.published, duplicateOf: a.duplicateOf ?? null, text: a.text,
  }));
  const times = articles.map((a) => a.published!).sort();
  const byId = new Map(articles.map((a) => [a.id, a.url]));
  return {
    input: { event: { id: 'ev-hostage-release', title: parsed.articles[0]!.title, firstSeen: times[0]!, lastUpdated: times[times.length - 1]! }, articles },
    planted: parsed.planted,
    url: (id) => {
      const u = byId.get(id);
      if (!u) throw new Error(`no article ${id} in the fixture`);
      return u;
    },
  };
}

const labelledSchema = z.array(
  z.object({ id: z.string(), event: z.string(), outlet: z.string(), language: z.string(), published: date, url: z.url(), title: z.string().optional(), text: z.string().optional(), copyOf: z.string().optional(), seed: z.boolean().optional() }).passthrough(),
);

// The labelled set has no countries: the outlets' own, by host (placeholders for real outlets).
const COUNTRY_BY_HOST: Record<string, string> = {
  'ortm.example': 'ML', 'maliweb.example': 'ML', 'sahelwire.example': 'NE', 'westafricadaily.example': 'GH',
  'hespress.example': 'MA', 'fr.hespress.example': 'MA', 'le360.example': 'MA', 'moroccoworld.example': 'MA',
  'alakhbar.example': 'MR', 'sahelarabic.example': 'QA', 'revuedusahel.example': 'SN', 'tsa.example': 'DZ',
  'echorouk.example': 'DZ', 'maghrebdaily.example': 'DZ', 'seed.example': 'DZ',
};

/** Every event of tests/fixtures/events (issue 4's labelled set) as a compare input, the seed's text from seed.json. */
export function loadLabelledEvents(dir = 'tests/fixtures/events'): Map<string, CompareInput> {
  const seed = JSON.parse(readFileSync(join(dir, 'seed.json'), 'utf8')) as { title: string; text: string };
  const rows = readdirSync(dir)
    .filter((f) => /^articles-.*\.yaml$/.test(f))
    .sort()
    .flatMap((f) => loadYamlFile(join(dir, f), labelledSchema))
    .map((r) => (r.seed === true ? { ...r, title: seed.title, text: seed.text } : r));
  const events = new Map<string, CompareInput>();
  for (const r of rows) {
    const host = new URL(r.url).hostname;
    const article: CompareArticle = {
      id: r.id, url: r.url, outlet: r.outlet, country: COUNTRY_BY_HOST[host] ?? 'XX', language: r.language, title: r.title ?? '',
      published: r.published, discoveredAt: r.published, duplicateOf: r.copyOf ?? null, text: r.text ?? '',
    };
    const e = events.get(r.event) ?? { event: { id: r.event, title: article.title, firstSeen: r.published, lastUpdated: r.published }, articles: [] };
    e.articles.push(article);
    if (r.published < e.event.firstSeen) e.event.firstSeen = r.published;
    if (r.published > e.event.lastUpdated) e.event.lastUpdated = r.published;
    events.set(r.event, e);
  }
  return events;
}

/**
 * An event of `size` articles made from the fixtures (the planted event, the seed story, the other
 * labelled events), cycling through them: each repeat is another outlet at another URL, its copies
 * pointing at the same repeat's originals. For the cost of comparing a very large event.
 */
export function largeEvent(size: number): CompareInput {
  const planted = loadPlantedEvent().input;
  const labelled = loadLabelledEvents();
  const seedStory = labelled.get('moroccan-drivers-freed')!.articles;
  const others = [...labelled.entries()].filter(([id]) => id !== 'moroccan-drivers-freed').flatMap(([, e]) => e.articles);
  const pool = [...planted.articles, ...seedStory, ...others];
  const articles = Array.from({ length: size }, (_, i) => {
    const round = Math.floor(i / pool.length);
    const a = pool[i % pool.length]!;
    const original = a.duplicateOf ? pool.findIndex((o) => o.id === a.duplicateOf) : -1;
    return {
      ...a,
      id: `a${i}-${a.id}`,
      url: round === 0 ? a.url : `${a.url}?repeat=${round}`,
      outlet: round === 0 ? a.outlet : `${a.outlet} ${round}`,
      duplicateOf: original >= 0 ? `a${original + round * pool.length}-${a.duplicateOf}` : null,
    };
  });
  return { event: { ...planted.event, id: `large-${size}` }, articles };
}
