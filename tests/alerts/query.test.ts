import { describe, expect, test } from 'vitest';
import { parseQuery, QuerySyntaxError, type QueryNode } from '../../src/alerts/query.js';

const w = (text: string): QueryNode => ({ kind: 'term', text, phrase: false });
const p = (text: string): QueryNode => ({ kind: 'term', text, phrase: true });

function errorOf(query: string): string {
  try {
    parseQuery(query);
  } catch (err) {
    expect(err).toBeInstanceOf(QuerySyntaxError);
    return (err as Error).message;
  }
  throw new Error(`expected ${query} to be refused`);
}

describe('query parser', () => {
  test('AND binds tighter than OR; side by side means AND; NOT applies to what follows', () => {
    expect(parseQuery('hostage OR otage Mali')).toEqual({ kind: 'or', items: [w('hostage'), { kind: 'and', items: [w('otage'), w('Mali')] }] });
    expect(parseQuery('attaque AND NOT exercice')).toEqual({ kind: 'and', items: [w('attaque'), { kind: 'not', item: w('exercice') }] });
  });

  test('parentheses, phrases and all three languages', () => {
    expect(parseQuery('(hostage OR otage OR رهينة) AND (Mali OR "Burkina Faso" OR «État islamique»)')).toEqual({
      kind: 'and',
      items: [
        { kind: 'or', items: [w('hostage'), w('otage'), w('رهينة')] },
        { kind: 'or', items: [w('Mali'), p('Burkina Faso'), p('État islamique')] },
      ],
    });
  });

  test('lower-case and/or are words (the French "or")', () => {
    expect(parseQuery('or noir')).toEqual({ kind: 'and', items: [w('or'), w('noir')] });
  });

  test('bad queries say what and where', () => {
    expect(errorOf('')).toBe('empty query at column 1');
    expect(errorOf('(Mali OR Niger')).toBe('expected ")" to close the "(" of column 1, found end of query at column 15');
    expect(errorOf('Mali OR')).toBe('expected a word, a "phrase", NOT or "(", found end of query at column 8');
    expect(errorOf('Mali)')).toBe('unexpected ")" at column 5');
    expect(errorOf('AND Mali')).toBe('expected a word, a "phrase", NOT or "(", found AND at column 1');
    expect(errorOf('Mali "Burkina Faso')).toBe('unclosed quote " at column 6');
    expect(errorOf('Mali ()')).toBe('empty parentheses at column 6');
    expect(errorOf('رهينة AND ""')).toBe('empty phrase "" at column 11');
    expect(errorOf('Mali OR —')).toBe('"—" has no letters or digits to match at column 9');
  });
});
