import { baseSubject, type Figure } from './figures.js';
import { outcomeById } from './outcomes.js';
import type { Conflict } from './types.js';

/** A vocabulary key in words: "topic:truck-driver" -> "truck driver". */
export function subjectLabel(subject: string): string {
  const parts = baseSubject(subject).split(':');
  return (parts[parts.length - 1] ?? subject).replace(/-/g, ' ');
}

const ABOUT: Record<Conflict['kind'], string> = { count: 'number of', date: 'date of', amount: 'amount of', duration: 'duration of' };
const PEOPLE: Record<string, string> = { en: 'people', fr: 'personnes', ar: 'أشخاص' };
type Lang = 'en' | 'fr' | 'ar';

/**
 * What a compared figure is about, in the accounts' words: the counted noun as most of them write
 * it (in English where an English account gives it, the page's language), with what happened to
 * it ("people killed", "number of truck drivers"); dates, durations and amounts by their action or
 * topic ("date of kidnap"). Never a stem: a noun outside the vocabulary is shown as written.
 */
export function figureLabel(kind: Conflict['kind'], subject: string, qualifier: string, figures: readonly { figure: Figure; language: string }[]): string {
  if (kind !== 'count') return `${ABOUT[kind]} ${subjectLabel(subject)}`;
  const languages = figures.map((f) => f.language);
  const language = (languages.includes('en') ? 'en' : mostCommon(languages) ?? 'en') as Lang;
  const nouns = figures.filter((f) => f.language === language && f.figure.noun).map((f) => f.figure.noun);
  const noun = mostCommon(nouns.map(asWritten)) ?? (subject === 'people' ? PEOPLE[language] ?? PEOPLE.en! : subjectLabel(subject));
  const outcome = outcomeById(qualifier);
  if (!outcome) return `${ABOUT.count} ${noun}`;
  const done = outcome.label[language] ?? outcome.label.en;
  return language === 'en' ? `${noun} ${done}` : `${noun}, ${done}`;
}

/** A noun as a reader expects it mid-sentence: lower case unless every letter after the first is (a name keeps its capital). */
function asWritten(noun: string): string {
  return /^\p{Lu}\p{Ll}+$/u.test(noun) && noun.toLowerCase() !== noun ? noun.toLowerCase() : noun;
}

function mostCommon(list: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const x of list) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
}
