import { seededRandom } from '../cluster/ecbplus.js';

/**
 * The pure half of `npm run bench:scale`: when each synthetic article is published, which story it
 * tells, and its words. Real sentences (ECB+) give realistic lengths and background words; each story adds its own names and topic words, drawn
 * from a finite lexicon, so stories are told apart by what they are about, not by their template.
 */

export type Language = 'en' | 'fr' | 'ar';

/** A real document whose sentences synthetic articles reuse. */
export interface SourceDoc {
  language: Language;
  title: string;
  sentences: string[];
}

export interface ScheduleOptions {
  /** The articles are spread evenly over this many days. */
  days: number;
  /** Strength of the daily cycle in [0, 1): 0 is flat, near 1 almost nothing is published at midnight UTC. */
  dailyAmplitude: number;
}

/** A year at N/365 articles a day, about five times as many at midday UTC as at midnight. */
export const DEFAULT_SCHEDULE: ScheduleOptions = { days: 365, dailyAmplitude: 0.7 };

export const DAY_MS = 86_400_000;

/**
 * Share of a day's articles published by time of day `t` (0 = midnight, 1 = the next): the density
 * 1 - a·cos(2πt), highest at midday, integrated. Strictly increasing while a < 1.
 */
export function dailyCycleShare(t: number, amplitude: number): number {
  return t - (amplitude / (2 * Math.PI)) * Math.sin(2 * Math.PI * t);
}

/** The time of day (0-1) by which `share` of the day's articles are out: dailyCycleShare inverted. */
export function timeOfDayAt(share: number, amplitude: number): number {
  let lo = 0;
  let hi = 1;
  // Bisection: 40 halvings are well under a millisecond of a day.
  for (let k = 0; k < 40; k++) {
    const mid = (lo + hi) / 2;
    if (dailyCycleShare(mid, amplitude) < share) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Publication time of article `i` of `n`, the first day starting at `startMs`: n/days articles a
 * day, following the daily cycle within each day. Increasing in `i`, so insertion order is
 * publication order, as a store fills.
 */
export function publicationTime(i: number, n: number, startMs: number, options: ScheduleOptions = DEFAULT_SCHEDULE): number {
  const x = (i * options.days) / n;
  const day = Math.floor(x);
  return startMs + day * DAY_MS + timeOfDayAt(x - day, options.dailyAmplitude) * DAY_MS;
}

export interface StoryOptions {
  /** Share of articles that start a new story (the mean story has 1/share articles). */
  newStoryShare: number;
  /** A story gets no new article after this long. */
  storyLifeMs: number;
  /** Share of articles that are a verbatim copy of their story's first article (wire copy). */
  copyShare: number;
  /** Share of an article's words replaced by its story's names and topic words. */
  storyWordShare: number;
  /** Words per article at most (real articles' bodies, cut). */
  maxWords: number;
  /** Lexicon of topic words and of names per language: a year's news has a finite vocabulary. */
  lexicon: number;
  languages: readonly { language: Language; share: number }[];
}

export const DEFAULT_STORIES: StoryOptions = {
  newStoryShare: 0.25,
  storyLifeMs: 2 * DAY_MS,
  copyShare: 0.05,
  storyWordShare: 0.15,
  maxWords: 900,
  lexicon: 100_000,
  // English only: ECB+ is the one labelled source here with hundreds of documents on many subjects.
  languages: [{ language: 'en', share: 1 }],
};

/** Which story an article tells: a new one, or one of the stories still running, newer ones more likely. */
export class StoryStream {
  private readonly random: () => number;
  private readonly running: { id: number; at: number }[] = [];
  private stories = 0;

  constructor(seed: number, private readonly options: StoryOptions = DEFAULT_STORIES) {
    this.random = seededRandom(seed);
  }

  /** The story of the next article, published at `at` (articles come in publication order). */
  next(at: number): { story: number; copy: boolean } {
    while (this.running.length > 0 && this.running[0]!.at < at - this.options.storyLifeMs) this.running.shift();
    if (this.running.length === 0 || this.random() < this.options.newStoryShare) {
      const story = this.stories++;
      this.running.push({ id: story, at });
      return { story, copy: false };
    }
    // Attention decays: the newest story is the likeliest to get one more article.
    const rank = zipf(this.random, this.running.length);
    const story = this.running[this.running.length - 1 - rank]!.id;
    return { story, copy: this.random() < this.options.copyShare };
  }

  count(): number {
    return this.stories;
  }
}

/** A rank in [0, n), rank r with weight about 1/(r+1). */
export function zipf(random: () => number, n: number): number {
  return Math.min(n - 1, Math.floor(Math.exp(random() * Math.log(n + 1)) - 1));
}

const SYLLABLES: Record<Language, string[]> = {
  en: ['ka', 'lo', 'mer', 'din', 'ta', 'ru', 'bel', 'son', 'vi', 'gan', 'tor', 'es', 'wil', 'pra', 'shen', 'do'],
  fr: ['ba', 'lou', 'mar', 'tin', 'que', 'ro', 'chel', 'von', 'di', 'gné', 'sau', 'eau', 'fil', 'pré', 'ju', 'ran'],
  ar: ['با', 'لي', 'مر', 'دو', 'سا', 'كا', 'نو', 'ري', 'حم', 'طا', 'بو', 'زي', 'فا', 'قو', 'هي', 'عل'],
};

/** The `rank`-th word of a language's synthetic lexicon: three to five syllables, one word per rank. */
export function lexiconWord(language: Language, rank: number): string {
  const s = SYLLABLES[language];
  let out = '';
  let x = rank;
  for (let k = 0; k < 3 || x > 0; k++) {
    out += s[x % s.length];
    x = Math.floor(x / s.length);
  }
  return out;
}

const capitalise = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

export interface SyntheticArticle {
  language: Language;
  title: string;
  text: string;
}

/** What a story is about: a title, sentences of its language, three names and eight topic words. */
export interface Story {
  language: Language;
  title: string;
  sentences: string[];
  names: string[];
  topic: string[];
}

/** A rank in [0, n) with density about 1/sqrt(rank): some names and topics recur, most are rare. */
const recurring = (random: () => number, n: number) => Math.floor(n * random() * random());

/**
 * Story `id`, the same every time: its language by the options' shares, a real title, and as many
 * real sentences as a real document of its language has words, drawn from all of that language's
 * documents. A language needs hundreds of documents on many subjects: a few about one region
 * (the demo corpus's French and Arabic) make every story of that language one event.
 */
export function storyOf(id: number, docs: Record<Language, readonly SourceDoc[]>, options: StoryOptions = DEFAULT_STORIES): Story {
  const random = seededRandom(0x5eed + id);
  let pick = random();
  let language: Language = options.languages[0]!.language;
  for (const l of options.languages) {
    if (pick < l.share) {
      language = l.language;
      break;
    }
    pick -= l.share;
  }
  const pool = docs[language];
  const doc = () => pool[Math.floor(random() * pool.length)]!;
  const target = Math.min(options.maxWords, wordCount(doc().sentences.join(' ')));
  const sentences: string[] = [];
  for (let words = 0; words < target; ) {
    const d = doc();
    const s = d.sentences[Math.floor(random() * d.sentences.length)]!;
    sentences.push(s);
    words += wordCount(s);
  }
  // Names from the other half of the rank space: never the same string as a topic word.
  const name = () => lexiconWord(language, options.lexicon + recurring(random, options.lexicon));
  return {
    language,
    title: doc().title,
    sentences,
    names: Array.from({ length: 3 }, () => (language === 'ar' ? name() : capitalise(name()))),
    topic: Array.from({ length: 8 }, () => lexiconWord(language, recurring(random, options.lexicon))),
  };
}

const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;

/**
 * One account of a story: its title and sentences with a share of the words swapped for the
 * story's names and topic words (different ones in each account, so two accounts share what they
 * are about but not their wording). `variant` seeds the swaps: a copy uses the story's first
 * variant and so repeats its first article word for word.
 */
export function synthesiseArticle(story: Story, variant: number, options: StoryOptions = DEFAULT_STORIES): SyntheticArticle {
  const random = seededRandom(variant);
  const own = [...story.names, ...story.topic];
  const swap = (sentence: string) =>
    sentence
      .split(/\s+/)
      .filter(Boolean)
      .map((w) => (random() < options.storyWordShare ? own[Math.floor(random() * own.length)]! : w))
      .join(' ');
  return { language: story.language, title: `${story.names[0]} ${swap(story.title)}`, text: story.sentences.map(swap).join('\n\n') };
}

/** The store sizes at which the cost per article is reported. */
export const COST_MARKS = [10_000, 100_000, 1_000_000] as const;

/**
 * The assignments whose mean cost stands for "at `mark` stored": the `window` before it (the store
 * then holds about `mark`); null when the run stores fewer than `mark`.
 */
export function costWindow(mark: number, articles: number, window: number): { from: number; to: number } | null {
  if (mark > articles) return null;
  return { from: Math.max(0, mark - window), to: mark };
}

export interface ScaleReport {
  articles: number;
  startToFirstAssignMs: number | null;
  peakRssMiB: number | null;
  usPerArticle: Record<`${(typeof COST_MARKS)[number]}`, number | null>;
}

/** The JSON line `--json` prints last (a contract): every mark present, null where not measured. */
export function scaleReport(articles: number, startToFirstAssignMs: number | null, peakRssMiB: number | null, costs: ReadonlyMap<number, number>): ScaleReport {
  // Whole microseconds: the load on a shared machine moves them by more than that.
  const usPerArticle = Object.fromEntries(COST_MARKS.map((m) => [String(m), costs.has(m) ? Math.round(costs.get(m)!) : null])) as ScaleReport['usPerArticle'];
  return { articles, startToFirstAssignMs, peakRssMiB, usPerArticle };
}
