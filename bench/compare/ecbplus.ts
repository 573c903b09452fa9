import { readFileSync } from 'node:fs';
import type { CompareArticle, CompareInput } from '../../src/compare/index.js';

/**
 * Real events for judging the comparison: ECB+ gold event clusters, each one event told
 * by several real articles. TRAIN events are the ones the comparison was developed on; DEV events
 * are held out and only checked.
 */
export const JUDGED_EVENTS = {
  train: ['3_ecbplus', '8_ecb', '8_ecbplus', '13_ecb', '14_ecb', '16_ecbplus', '19_ecb', '20_ecbplus', '22_ecbplus', '24_ecb', '24_ecbplus', '30_ecb', '32_ecbplus',
    // The events where contradictions were reported (all false), kept with their verdicts so that none comes back unseen.
    '6_ecb', '6_ecbplus', '28_ecb', '31_ecb'],
  dev: ['5_ecb', '12_ecb', '12_ecbplus', '18_ecb', '18_ecbplus', '21_ecb', '21_ecbplus', '23_ecbplus', '35_ecbplus',
    // The rest of ECB+ dev, added after the fix and never looked at while developing: judged on its output after the fix only.
    '2_ecb', '2_ecbplus', '5_ecbplus', '23_ecb', '34_ecb', '34_ecbplus', '35_ecb'],
} as const;

export type Split = keyof typeof JUDGED_EVENTS;

const FILE = '../shared/benchmarks/clustering/ecbplus/ecbplus-documents.jsonl';
/** ECB+ has no times: the articles of an event are spread over one day, in document order. */
const DAY = '2014-01-15T06:00:00Z';
const SPACING_MINUTES = 40;

interface Doc {
  doc_id: string;
  event_cluster: string;
  source_url: string | null;
  sentences: string[];
}

const GOLD = '../shared/benchmarks/clustering/ecbplus/ecbplus-gold.tsv';

const readDocs = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Doc);

/** Each judged event as a compare input: one outlet per document, plausible times the same day. */
export function loadJudgedEvents(file = FILE): Map<string, { split: Split; input: CompareInput }> {
  const docs = readDocs(file);
  const out = new Map<string, { split: Split; input: CompareInput }>();
  for (const split of ['train', 'dev'] as const) for (const event of JUDGED_EVENTS[split]) out.set(event, { split, input: eventInput(docs, event) });
  return out;
}

/** Every gold event of the file (train and dev), judged or not, with its split from the gold labels: for scanning what the comparison reports. */
export function loadAllEvents(file = FILE, gold = GOLD): Map<string, { split: string; input: CompareInput }> {
  const docs = readDocs(file);
  const splits = new Map(readFileSync(gold, 'utf8').split('\n').slice(1).filter(Boolean).map((l) => l.split('\t')).map((f) => [f[2]!, f[4]!] as const));
  const out = new Map<string, { split: string; input: CompareInput }>();
  for (const event of new Set(docs.map((d) => d.event_cluster))) out.set(event, { split: splits.get(event) ?? '?', input: eventInput(docs, event) });
  return out;
}

function eventInput(docs: readonly Doc[], event: string): CompareInput {
  const members = docs.filter((d) => d.event_cluster === event).sort((a, b) => docNumber(a) - docNumber(b));
  const articles: CompareArticle[] = members.map((d, i) => {
    const at = new Date(Date.parse(DAY) + i * SPACING_MINUTES * 60_000).toISOString();
    return {
      id: d.doc_id, url: d.source_url ?? `https://outlet-${d.doc_id}.example/story`, outlet: `outlet-${d.doc_id}`, country: 'US',
      language: 'en', title: d.sentences[0] ?? '', published: at, discoveredAt: at, duplicateOf: null, text: d.sentences.join('\n\n'),
    };
  });
  const times = articles.map((a) => a.published!);
  return { event: { id: event, title: articles[0]!.title, firstSeen: times[0]!, lastUpdated: times[times.length - 1]! }, articles };
}

function docNumber(d: Doc): number {
  return Number(/_(\d+)ecb/.exec(d.doc_id)?.[1] ?? 0);
}
