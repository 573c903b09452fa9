import { readFileSync } from 'node:fs';
import type { Labelled } from './headlines.js';

export const ECBPLUS_JSONL = '../shared/benchmarks/clustering/ecbplus/ecbplus-documents.jsonl';

/** The splits this project may use: the test topics are held back on purpose (DATA.md). */
export type EcbSplit = 'train' | 'dev';

interface EcbDocument {
  doc_id: string;
  topic: number;
  event_cluster: string;
  split: string;
  sentences: string[];
}

/** The stream protocol's parameters: look-alike events within `windowDays`, drawn with `seed`. */
export interface StreamProtocol {
  windowDays: number;
  seed: number;
}

export const STREAM_START = Date.UTC(2013, 4, 1);
export const STREAM_WINDOWS = [30, 7] as const;
export const STREAM_SEEDS = [1, 2, 3] as const;
const DAY = 86_400_000;
/** Days within which every document of an event is published, after the event's own date. */
const SPREAD_DAYS = 2;

/** mulberry32: a small seeded generator, so every run draws the same dates. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function loadEcbDocuments(split: EcbSplit, file = ECBPLUS_JSONL): EcbDocument[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EcbDocument)
    .filter((d) => d.split === split);
}

/**
 * ECB+ as a news stream (DATA.md): each gold event gets a date drawn uniformly in the window, each
 * document its event's date plus 0-2 days; documents in time order (ties by doc_id). Title is the
 * first sentence, the text the others one paragraph each, every document its own outlet.
 */
export function ecbStream(docs: readonly EcbDocument[], protocol: StreamProtocol): Labelled[] {
  const random = seededRandom(protocol.seed);
  const events = [...new Set(docs.map((d) => d.event_cluster))].sort();
  const eventDate = new Map(events.map((e) => [e, STREAM_START + random() * protocol.windowDays * DAY]));
  const byId = [...docs].sort((a, b) => (a.doc_id < b.doc_id ? -1 : a.doc_id > b.doc_id ? 1 : 0));
  return byId
    .map((d) => ({
      gold: d.event_cluster,
      article: {
        id: d.doc_id,
        url: `https://ecbplus.example/${d.doc_id}`,
        language: 'en',
        title: d.sentences[0] ?? '',
        text: d.sentences.slice(1).join('\n\n'),
        published: new Date(eventDate.get(d.event_cluster)! + random() * SPREAD_DAYS * DAY),
        outlet: `outlet-${d.doc_id}`,
      },
    }))
    .sort((a, b) => a.article.published.getTime() - b.article.published.getTime() || (a.article.id < b.article.id ? -1 : a.article.id > b.article.id ? 1 : 0));
}
