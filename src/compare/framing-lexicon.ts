import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { compileVocabulary, type Vocabulary } from '../cluster/index.js';
import { loadYamlFile, parseYamlText } from '../config/yaml-file.js';
import { SHIPPED } from '../shipped-files.js';

const LANGUAGES = ['en', 'fr', 'ar'] as const;
const terms = z.array(z.string().trim().min(1, 'must not be empty')).default([]);

const fileSchema = z
  .object({
    language: z.enum(LANGUAGES),
    categories: z
      .array(
        z
          .object({
            category: z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be lower-case letters, digits and "-"'),
            note: z.string().trim().min(1, 'must say why these terms are loaded'),
            loaded: terms.refine((t) => t.length > 0, 'must list at least one loaded term'),
            neutral: terms,
          })
          .strict(),
      )
      .min(1, 'must list at least one category'),
  })
  .strict();

export type FramingFile = z.output<typeof fileSchema>;

/** One term of the lexicon, as a comparison reports it. */
export interface FramingEntry {
  term: string;
  language: string;
  /** Shared across languages: "actors" in en.yaml and fr.yaml is one category. */
  category: string;
  note: string;
  /** Loaded terms are reported; neutral ones are only what other accounts say instead. */
  loaded: boolean;
}

/**
 * The framing lexicon, compiled for matching with the clustering stage's phrase matcher (same
 * folding and stemming as the multilingual vocabulary, so "terroristes" matches "terroriste").
 */
export interface FramingLexicon {
  /** Matcher key ("topic:t12") -> the term it stands for. */
  entries: Map<string, FramingEntry>;
  matcher: Vocabulary;
}

export function compileFramingLexicon(files: readonly FramingFile[]): FramingLexicon {
  const entries = new Map<string, FramingEntry>();
  const matcherEntries: { key: string; en: string[]; fr: string[]; ar: string[] }[] = [];
  for (const file of files) {
    for (const c of file.categories) {
      for (const [list, loaded] of [[c.loaded, true], [c.neutral, false]] as const) {
        for (const term of list) {
          const key = `t${entries.size}`;
          entries.set(`topic:${key}`, { term, language: file.language, category: c.category, note: c.note, loaded });
          matcherEntries.push({ key, en: [], fr: [], ar: [], [file.language]: [term] });
        }
      }
    }
  }
  const matcher = compileVocabulary(matcherEntries.length > 0 ? [{ kind: 'topic', entries: matcherEntries.map((e) => ({ ...e })) }] : []);
  return { entries, matcher };
}

export function parseFramingText(file: string, source: string): FramingFile {
  return parseYamlText(file, source, fileSchema);
}

/** Loads every `*.yaml` of a directory (the shipped config/framing by default); errors name file:line: field. */
export function loadFramingLexicon(dir: string = SHIPPED.framing): FramingLexicon {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort()
    .map((f) => loadYamlFile(join(dir, f), fileSchema));
  return compileFramingLexicon(files);
}
