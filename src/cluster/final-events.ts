import type { Assignment } from './types.js';

/**
 * The final event of each decision of a stream, after every merge later decisions made: the
 * decisions themselves say which events were merged into which, so this needs no event state.
 */
export function finalEventIds(assignments: readonly Pick<Assignment, 'eventId' | 'merged'>[]): string[] {
  const into = new Map<string, string>();
  for (const a of assignments) for (const m of a.merged) into.set(m, a.eventId);
  const final = (id: string): string => {
    let current = id;
    for (let next = into.get(current); next !== undefined; next = into.get(current)) current = next;
    return current;
  };
  return assignments.map((a) => final(a.eventId));
}
