import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { loadYamlFile, parseYamlText } from '../config/yaml-file.js';
import { SHIPPED } from '../shipped-files.js';
import { tokenize, type Token } from '../text/index.js';

export const KEY_KINDS = ['place', 'group', 'institution', 'topic', 'action'] as const;
export type KeyKind = (typeof KEY_KINDS)[number];

const forms = z.array(z.string().trim().min(1, 'must not be empty')).default([]);

const fileSchema = z.object({
  kind: z.enum(KEY_KINDS),
  entries: z
    .array(
      z
        .object({
          key: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and "-"'),
          country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code').optional(),
          en: forms,
          fr: forms,
          ar: forms,
        })
        .strict()
        .refine((e) => e.en.length + e.fr.length + e.ar.length > 0, 'must list at least one form'),
    )
    .min(1, 'must list at least one entry'),
});

export type VocabularyFile = z.output<typeof fileSchema>;

/** A key as the clusterer sees it: "place:mali", with its kind and, for places, the country. */
export interface KeyInfo {
  id: string;
  kind: KeyKind;
  country: string | null;
}

/**
 * The compiled vocabulary: phrases indexed by their first token, so matching an article costs one
 * map lookup per token. English and French match on stems (plural and inflected forms meet);
 * Arabic on folded words, because Arabic stems collide too often (مالي "Mali" stems to مال "money").
 */
export interface Vocabulary {
  keys: Map<string, KeyInfo>;
  /** Per language of the form: an English "UN" must not match the French article "un". */
  phrases: Map<string, Map<string, Phrase[]>>;
}

export interface Phrase {
  tokens: string[];
  key: string;
}

const NO_PHRASES = new Map<string, Phrase[]>();

/** Phrases to look for in a text of `language`: its own forms; every form for other languages. */
export function phrasesFor(vocabulary: Vocabulary, language: string): Map<string, Phrase[]> {
  return vocabulary.phrases.get(language) ?? vocabulary.phrases.get('*') ?? NO_PHRASES;
}

export function matchForm(t: Token, arabic: boolean): string {
  return arabic ? t.word : t.stem;
}

function isArabic(s: string): boolean {
  return /[\u0600-\u06FF]/.test(s);
}

export function compileVocabulary(files: VocabularyFile[]): Vocabulary {
  const keys = new Map<string, KeyInfo>();
  const phrases = new Map<string, Map<string, Phrase[]>>();
  const add = (lang: string, first: string, phrase: Phrase) => {
    let byFirst = phrases.get(lang);
    if (!byFirst) phrases.set(lang, (byFirst = new Map()));
    const list = byFirst.get(first) ?? [];
    list.push(phrase);
    // Longest phrase first, so "État islamique au Grand Sahara" wins over "État".
    list.sort((a, b) => b.tokens.length - a.tokens.length);
    byFirst.set(first, list);
  };
  const seen = new Set<string>();
  for (const file of files) {
    for (const e of file.entries) {
      const id = `${file.kind}:${e.key}`;
      keys.set(id, { id, kind: file.kind, country: e.country ?? null });
      for (const [lang, list] of [['en', e.en], ['fr', e.fr], ['ar', e.ar]] as const) {
        for (const form of list) {
          const arabic = isArabic(form);
          const tokens = tokenize(form, lang).map((t) => matchForm(t, arabic));
          if (tokens.length === 0) continue;
          for (const target of [lang, '*']) {
            const sig = `${target}\u0000${id}\u0000${tokens.join(' ')}`;
            if (seen.has(sig)) continue;
            seen.add(sig);
            add(target, tokens[0]!, { tokens, key: id });
          }
        }
      }
    }
  }
  return { keys, phrases };
}

export function parseVocabularyText(file: string, source: string): VocabularyFile {
  return parseYamlText(file, source, fileSchema);
}

/** Loads every `*.yaml` of a directory (the shipped config/vocabulary by default). */
export function loadVocabulary(dir = SHIPPED.vocabulary): Vocabulary {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort()
    .map((f) => loadYamlFile(join(dir, f), fileSchema));
  return compileVocabulary(files);
}
