import type { ClusterArticle } from '../../src/cluster/index.js';
import { storyArticle } from './stories.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface LongStreamOptions {
  days: number;
  /** Stories starting per day (each told by `outlets / groups` outlets over half an hour). */
  storiesPerDay: number;
  /** One account in this many is copied verbatim by a wire client an hour later. */
  copyEvery: number;
  /** One account in this many is copied again this late: a copy of an article whose event has closed. */
  lateCopyEvery: number;
  lateCopyDelayMs: number;
}

export const LONG_STREAM: LongStreamOptions = { days: 90, storiesPerDay: 8, copyEvery: 7, lateCopyEvery: 23, lateCopyDelayMs: 12 * DAY };

/**
 * A stream of news spanning months, in publication order (ties by id): the stories of
 * tests/helpers/stories.ts, spread over days, with copies soon after an account and copies long
 * after it (its event closed by then, but the copy still within reach of the duplicate finder), so
 * that events open, close, merge and are reached again by copies, as the state's windows pass.
 */
export function longStream(o: LongStreamOptions = LONG_STREAM): ClusterArticle[] {
  const outlets = 10;
  const groups = 2;
  const out: ClusterArticle[] = [];
  const numbers = Math.round((o.days * o.storiesPerDay) / groups);
  const spacing = DAY / (o.storiesPerDay / groups);
  const start = Date.UTC(2025, 0, 1);
  let k = 0;
  for (let n = 1; n <= numbers; n++) {
    for (let outlet = 0; outlet < outlets; outlet++) {
      const s = storyArticle(outlet, n, groups);
      // stories.ts spaces numbers an hour apart; here they are spread over the days asked for.
      const at = start + n * spacing + (s.published.getTime() % HOUR);
      const article: ClusterArticle = {
        id: `s${n}o${outlet}`, url: `https://long.example/${n}/${outlet}`, language: 'fr', title: s.title,
        text: s.paragraphs.join('\n\n'), published: new Date(at), outlet: `outlet-${outlet}`,
      };
      out.push(article);
      k++;
      if (k % o.copyEvery === 0) out.push({ ...article, id: `${article.id}c`, url: `${article.url}/copy`, outlet: 'wire-client', published: new Date(at + HOUR) });
      if (k % o.lateCopyEvery === 0) out.push({ ...article, id: `${article.id}l`, url: `${article.url}/late`, outlet: 'late-client', published: new Date(at + o.lateCopyDelayMs) });
    }
  }
  return out.sort((a, b) => a.published!.getTime() - b.published!.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
