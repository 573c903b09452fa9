import { formsOf } from '../alerts/matcher.js';

/**
 * An article as the search index holds it: a PostgreSQL `tsvector` literal of the words in the
 * forms watchlists match (src/alerts/matcher.ts: case, accents and Arabic spelling folded, Arabic
 * clitics stripped, English and French stemmed), with their positions so phrases match in place.
 * Built here rather than by `to_tsvector` so PostgreSQL and PGlite index the same lexemes and a
 * query means what it means to an alert, whatever text search configurations the server has.
 */

export interface SearchDocumentOptions {
  /** PostgreSQL keeps positions up to 16,383; words past it only count as present. */
  maxPosition: number;
  /** PostgreSQL keeps at most 256 positions per lexeme. */
  maxPositionsPerLexeme: number;
  /** Positions left empty between title and text, so a phrase never spans the two. */
  titleGap: number;
}

export const DEFAULT_SEARCH_DOCUMENT_OPTIONS: SearchDocumentOptions = {
  maxPosition: 16_383,
  maxPositionsPerLexeme: 256,
  titleGap: 10,
};

/** Quotes a lexeme for a tsvector or tsquery literal. */
export function quoteLexeme(form: string): string {
  return `'${form.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** The tsvector literal of an article: title words weighted A (they rank first), text words D. */
export function searchVector(
  title: string,
  text: string | null,
  language: string,
  options: SearchDocumentOptions = DEFAULT_SEARCH_DOCUMENT_OPTIONS,
): string {
  const positions = new Map<string, string[]>();
  const add = (forms: string[], start: number, weight: string): number => {
    let p = start;
    for (const f of forms) {
      p = Math.min(p + 1, options.maxPosition);
      let list = positions.get(f);
      if (!list) positions.set(f, (list = []));
      const at = `${p}${weight}`;
      if (list.length < options.maxPositionsPerLexeme && list[list.length - 1] !== at) list.push(at);
    }
    return p;
  };
  const afterTitle = add(formsOf(title, language), 0, 'A');
  if (text) add(formsOf(text, language), afterTitle + options.titleGap, '');
  return [...positions].map(([form, ps]) => `${quoteLexeme(form)}:${ps.join(',')}`).join(' ');
}
