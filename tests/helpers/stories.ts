/**
 * Synthetic news that clusters like news: every story is told by several outlets at about the same
 * hour, each in its own sentences, drawn from words of that story alone (made-up names, places
 * and things, as real stories have their own). So event assignment forms many small events, as on
 * real feeds, rather than one event of everything: text drawn from one shared word list all looks
 * alike to it, and stories that differ only in a few names look like copies of one another.
 *
 * The outlets are split into `groups` groups by `outlet % groups`; the articles of one number in
 * one group tell one story, which therefore has `outlets / groups` accounts, published five
 * minutes apart. One story in BRIDGED_EVERY is first told in two halves that share no words, so
 * that it starts as two events, until the next accounts, which tell both halves, join them: the
 * event merges that real news brings.
 */
export interface StoryArticle {
  story: number;
  title: string;
  paragraphs: string[];
  published: Date;
}

const SYLLABLES = (
  'ba be bi bo bu da de di do du fa fe fi fo ga go gu ka ke ki ko ku la le li lo lu ma me mi mo mu ' +
  'na ne ni no nu pa pe pi po ra re ri ro ru sa se si so su ta te ti to tu va vo za zo ou an in on'
).split(' ');
const LINKS = ['le', 'la', 'les', 'de', 'des', 'du', 'à', 'et', 'dans', 'pour', 'sur', 'avec'];
/** Words of its own per story: far more than a sentence uses, so its accounts share many of them. */
const WORDS_PER_STORY = 24;
const PARAGRAPHS = 5;
const BRIDGED_EVERY = 10;
const DAY_ONE = Date.UTC(2025, 7, 1, 6);

function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => ((x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** The story's own words; each half also has its own figure (a language-neutral key, as figures are). */
function storyWords(story: number): string[] {
  const r = rng(story * 7_919 + 17);
  const words = Array.from({ length: WORDS_PER_STORY }, () => pick(r, SYLLABLES) + pick(r, SYLLABLES) + pick(r, SYLLABLES) + pick(r, ['r', 'l', 'n', 's', 't', 'k']));
  const half = WORDS_PER_STORY / 2;
  return [...words.slice(0, half), String(1_000 + story * 2), ...words.slice(half), String(1_001 + story * 2)];
}

/** The words an account uses: all of the story's, or one half of them for the first two accounts of a bridged story. */
function wordsOfAccount(story: number, teller: number): string[] {
  const words = storyWords(story);
  if (story % BRIDGED_EVERY !== BRIDGED_EVERY - 1 || teller > 1) return words;
  const half = words.length / 2;
  return teller === 0 ? words.slice(0, half) : words.slice(half);
}

export function storyArticle(outlet: number, article: number, groups: number): StoryArticle {
  const story = (article - 1) * groups + (outlet % groups);
  const teller = Math.floor(outlet / groups);
  const words = wordsOfAccount(story, teller);
  const r = rng(outlet * 100_003 + article * 101 + 1);
  const sentence = () => {
    const n = 10 + Math.floor(r() * 6);
    const tokens = Array.from({ length: n }, (_, i) => (i % 3 === 1 ? pick(r, LINKS) : pick(r, words)));
    return `${tokens[0]!.charAt(0).toUpperCase()}${tokens.join(' ').slice(1)}.`;
  };
  const paragraphs = Array.from({ length: PARAGRAPHS }, () => `${sentence()} ${sentence()} ${sentence()}`);
  const title = `Dépêche : ${words.slice(teller, teller + 4).join(' ')}`;
  return { story, title, paragraphs, published: new Date(DAY_ONE + article * 3_600_000 + teller * 300_000) };
}
