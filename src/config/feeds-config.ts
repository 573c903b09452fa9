import { z } from 'zod';
import { selectorProblem, type OutletExtractRules } from '../extract/outlet-rules.js';
import { patternProblem, type EntryFilter } from '../feeds/entry-filter.js';
import { countryCode, durationField, languageCode } from './fields.js';
import { loadYamlFile, parseYamlText } from './yaml-file.js';

/** A feed as the rest of Parallax sees it: validated, defaults applied, interval in milliseconds. */
export interface FeedConfig {
  id: string;
  url: string;
  outlet: string;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string;
  /** ISO 639-1, lower case. */
  language: string;
  intervalMs: number;
  tags: string[];
  /** Honour robots.txt when fetching this feed's article pages. */
  robots: boolean;
  /** The desk's own rules for this outlet's pages and entries, when the general ones get it wrong. */
  extract?: FeedExtractRules;
  /** Most items one poll takes, the newest; the rest are counted in the feed's health (default DEFAULT_MAX_ITEMS). */
  maxItems?: number;
}

export type FeedExtractRules = OutletExtractRules & EntryFilter;

export const DEFAULT_INTERVAL = '15m';
/**
 * A floor against typos ("15s" for "15m"), not a politeness rule: per-host politeness is the
 * fetcher's job. Low enough for a feed of one's own and for tests.
 */
const MIN_INTERVAL_MS = 1_000;
/**
 * Items one poll takes from a feed, the newest, unless the file or the feed says otherwise: a feed
 * keeps its last few days, tens to a few hundred items; one serving 100,000 (a whole archive, a
 * broken CMS) would otherwise make as many pending articles and jobs in one poll.
 */
export const DEFAULT_MAX_ITEMS = 500;
const maxItemsField = z.number({ error: 'must be a whole number' }).int('must be a whole number').min(1, 'must be at least 1');

const selector = z.string().trim().min(1, 'must not be empty').superRefine((s, ctx) => {
  const problem = selectorProblem(s);
  if (problem) ctx.addIssue({ code: 'custom', message: `is not a CSS selector: ${problem}` });
});
const pattern = z.string().min(1, 'must not be empty').superRefine((s, ctx) => {
  const problem = patternProblem(s);
  if (problem) ctx.addIssue({ code: 'custom', message: `is not a regular expression: ${problem}` });
});

const extractSchema = z
  .object({
    content: selector.optional(),
    remove: z.array(selector).optional(),
    keep: z.array(pattern).optional(),
    block: z.array(pattern).optional(),
  })
  .strict();

const feedSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'must be lower-case letters, digits, "-" or "_" (at most 64)'),
    url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
    outlet: z.string().trim().min(1, 'must name the outlet'),
    country: countryCode,
    language: languageCode,
    interval: durationField(MIN_INTERVAL_MS).prefault(DEFAULT_INTERVAL),
    tags: z.array(z.string().min(1)).default([]),
    robots: z.boolean().default(true),
    extract: extractSchema.optional(),
    maxItems: maxItemsField.optional(),
  })
  .strict();

const fileSchema = z
  .object({ maxItems: maxItemsField.default(DEFAULT_MAX_ITEMS), feeds: z.array(feedSchema).min(1, 'lists no feeds') })
  .strict()
  .superRefine((file, ctx) => {
    const seenIds = new Map<string, number>();
    const seenUrls = new Map<string, number>();
    file.feeds.forEach((f, i) => {
      if (seenIds.has(f.id)) ctx.addIssue({ code: 'custom', path: ['feeds', i, 'id'], message: `duplicate id "${f.id}" (also feeds[${seenIds.get(f.id)}])` });
      else seenIds.set(f.id, i);
      if (seenUrls.has(f.url)) ctx.addIssue({ code: 'custom', path: ['feeds', i, 'url'], message: `duplicate url (also feeds[${seenUrls.get(f.url)}])` });
      else seenUrls.set(f.url, i);
    });
  });

function toFeedConfigs(parsed: z.output<typeof fileSchema>): FeedConfig[] {
  return parsed.feeds.map(({ interval, maxItems, ...f }) => ({ ...f, intervalMs: interval, maxItems: maxItems ?? parsed.maxItems }));
}

/** Loads and validates a feeds file; throws ConfigError naming file, line and field. */
export function loadFeedsConfig(file: string): FeedConfig[] {
  return toFeedConfigs(loadYamlFile(file, fileSchema));
}

export function parseFeedsConfig(file: string, source: string): FeedConfig[] {
  return toFeedConfigs(parseYamlText(file, source, fileSchema));
}
