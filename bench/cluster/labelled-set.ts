import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { loadYamlFile } from '../../src/config/yaml-file.js';
import type { Labelled } from './headlines.js';

export const EVENTS_DIR = 'tests/fixtures/events';

const articleSchema = z.array(
  z
    .object({
      id: z.string(),
      event: z.string(),
      outlet: z.string(),
      language: z.enum(['en', 'fr', 'ar']),
      published: z.union([z.date(), z.string()]).transform((d) => new Date(d)),
      url: z.url(),
      title: z.string().optional(),
      text: z.string().optional(),
      seed: z.boolean().optional(),
      negative: z.boolean().optional(),
      copyOf: z.string().optional(),
    })
    .strict(),
);

export interface LabelledArticle extends Labelled {
  negative: boolean;
  seed: boolean;
  copyOf: string | null;
}

/** The multilingual set in publication order (the stream a worker would see). */
export function loadLabelledSet(dir = EVENTS_DIR): LabelledArticle[] {
  const seed = JSON.parse(readFileSync(join(dir, 'seed.json'), 'utf8')) as { title: string; text: string };
  const rows = readdirSync(dir)
    .filter((f) => /^articles-.*\.yaml$/.test(f))
    .sort()
    .flatMap((f) => loadYamlFile(join(dir, f), articleSchema));
  return rows
    .map((r) => ({
      article: {
        id: r.id,
        url: r.url,
        language: r.language,
        title: r.seed ? seed.title : (r.title ?? ''),
        text: r.seed ? seed.text : (r.text ?? ''),
        published: r.published,
        outlet: r.outlet,
      },
      gold: r.event,
      negative: r.negative ?? false,
      seed: r.seed ?? false,
      copyOf: r.copyOf ?? null,
    }))
    .sort((a, b) => a.article.published!.getTime() - b.article.published!.getTime());
}
