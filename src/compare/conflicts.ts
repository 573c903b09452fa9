import type { SentenceInfo } from './analyse.js';
import type { AccountRef } from './claims.js';
import { subjectLabel } from './labels.js';
import type { Conflict } from './types.js';

const ABOUT: Record<Conflict['kind'], string> = { count: 'number of', date: 'date of', amount: 'amount of', duration: 'duration of' };

/** A month given by one account and a day in it given by another do not disagree. */
function sameDate(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}

/**
 * Figures about the same subject that accounts give differently. An account that gives several
 * values for one subject ("two drivers were killed... the toll rose to five") is left out of that
 * subject: which of its values answers the others cannot be told.
 */
export function findConflicts(sentences: readonly SentenceInfo[], accounts: readonly AccountRef[]): Conflict[] {
  // subject -> account -> value -> sentences
  const bySubject = new Map<string, { kind: Conflict['kind']; subject: string; accounts: Map<number, Map<string, string[]>> }>();
  for (const s of sentences) {
    for (const f of s.figures) {
      const id = `${f.kind}\u0000${f.subject}`;
      let entry = bySubject.get(id);
      if (!entry) bySubject.set(id, (entry = { kind: f.kind, subject: f.subject, accounts: new Map() }));
      let values = entry.accounts.get(s.account);
      if (!values) entry.accounts.set(s.account, (values = new Map()));
      const quotes = values.get(f.value) ?? [];
      if (!quotes.includes(s.text)) quotes.push(s.text);
      values.set(f.value, quotes);
    }
  }
  const conflicts: Conflict[] = [];
  for (const entry of bySubject.values()) {
    const values = new Map<string, { accounts: number[]; quotes: string[] }>();
    for (const [account, given] of entry.accounts) {
      let distinct = [...given.keys()];
      // "January" and "18 January" in one account: the more precise one.
      if (entry.kind === 'date') distinct = distinct.filter((v) => !distinct.some((o) => o !== v && o.startsWith(v)));
      if (distinct.length !== 1) continue;
      const v = distinct[0]!;
      const slot = values.get(v) ?? { accounts: [], quotes: [] };
      slot.accounts.push(account);
      slot.quotes.push(...given.get(v)!);
      values.set(v, slot);
    }
    if (entry.kind === 'date') mergeDates(values);
    if (values.size < 2) continue;
    conflicts.push({
      about: `${ABOUT[entry.kind]} ${subjectLabel(entry.subject)}`,
      kind: entry.kind,
      values: [...values.entries()]
        .sort((a, b) => b[1].accounts.length - a[1].accounts.length || (a[0] < b[0] ? -1 : 1))
        .map(([value, v]) => ({ value, articles: v.accounts.sort((a, b) => a - b).map((i) => accounts[i]!.url), quotes: v.quotes })),
    });
  }
  return conflicts;
}

/** Folds a month into the one day value within it, so "January" and "18 January" agree. */
function mergeDates(values: Map<string, { accounts: number[]; quotes: string[] }>): void {
  for (const v of [...values.keys()]) {
    const within = [...values.keys()].filter((o) => o !== v && sameDate(o, v) && o.length > v.length);
    if (within.length !== 1) continue;
    const target = values.get(within[0]!)!;
    const source = values.get(v)!;
    target.accounts.push(...source.accounts);
    target.quotes.push(...source.quotes);
    values.delete(v);
  }
}
