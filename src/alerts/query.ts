/**
 * The watchlist query language: words and "quoted phrases" in any language, combined with AND, OR,
 * NOT and parentheses. Two terms side by side mean AND, as in every search box analysts know.
 * Operators are upper case only: the French "or" and the English "and" are words to look for.
 *
 *   query   := or
 *   or      := and ("OR" and)*
 *   and     := unary (["AND"] unary)*
 *   unary   := "NOT" unary | "(" or ")" | WORD | PHRASE
 *
 * Parsing is separate from matching (matcher.ts) so that a bad query is refused when the config
 * loads, with the column where it went wrong.
 */
import { tokenize } from '../text/index.js';

export type QueryNode =
  | { kind: 'term'; text: string; phrase: boolean }
  | { kind: 'and'; items: QueryNode[] }
  | { kind: 'or'; items: QueryNode[] }
  | { kind: 'not'; item: QueryNode };

export class QuerySyntaxError extends Error {
  constructor(
    readonly reason: string,
    /** 1-based column in the query text. */
    readonly column: number,
  ) {
    super(`${reason} at column ${column}`);
    this.name = 'QuerySyntaxError';
  }
}

type Lexeme =
  | { kind: 'word' | 'phrase'; text: string; column: number }
  | { kind: 'and' | 'or' | 'not' | '(' | ')'; column: number }
  | { kind: 'end'; column: number };

const OPERATORS = { AND: 'and', OR: 'or', NOT: 'not' } as const;
// Typographic quotes are accepted because queries are often pasted from documents.
const QUOTES: Record<string, string> = { '"': '"', '“': '”', '«': '»' };
const WORD_END = /[\s()"“”«»]/u;

function lex(query: string): Lexeme[] {
  const out: Lexeme[] = [];
  let i = 0;
  while (i < query.length) {
    const c = query[i]!;
    const column = i + 1;
    if (/\s/u.test(c)) {
      i++;
    } else if (c === '(' || c === ')') {
      out.push({ kind: c, column });
      i++;
    } else if (c in QUOTES) {
      const close = query.indexOf(QUOTES[c]!, i + 1);
      if (close < 0) throw new QuerySyntaxError(`unclosed quote ${c}`, column);
      const text = query.slice(i + 1, close).trim();
      if (text === '') throw new QuerySyntaxError('empty phrase ""', column);
      out.push({ kind: 'phrase', text, column });
      i = close + 1;
    } else if (c === '”' || c === '»') {
      throw new QuerySyntaxError(`closing quote ${c} without an opening one`, column);
    } else {
      let j = i;
      while (j < query.length && !WORD_END.test(query[j]!)) j++;
      const text = query.slice(i, j);
      const op = OPERATORS[text as keyof typeof OPERATORS];
      out.push(op ? { kind: op, column } : { kind: 'word', text, column });
      i = j;
    }
  }
  out.push({ kind: 'end', column: query.length + 1 });
  return out;
}

const describe = (l: Lexeme): string =>
  l.kind === 'end' ? 'end of query' : l.kind === 'word' || l.kind === 'phrase' ? `"${l.text}"` : l.kind === '(' || l.kind === ')' ? `"${l.kind}"` : l.kind.toUpperCase();

/** Parses a query; throws QuerySyntaxError naming what was wrong and the column. */
export function parseQuery(query: string): QueryNode {
  const lexemes = lex(query);
  let pos = 0;
  const peek = () => lexemes[pos]!;
  const next = () => lexemes[pos++]!;

  const parseOr = (): QueryNode => {
    const items = [parseAnd()];
    while (peek().kind === 'or') {
      next();
      items.push(parseAnd());
    }
    return items.length === 1 ? items[0]! : { kind: 'or', items };
  };
  const startsUnary = (l: Lexeme) => l.kind === 'word' || l.kind === 'phrase' || l.kind === 'not' || l.kind === '(';
  const parseAnd = (): QueryNode => {
    const items = [parseUnary()];
    for (;;) {
      if (peek().kind === 'and') next();
      else if (!startsUnary(peek())) break;
      items.push(parseUnary());
    }
    return items.length === 1 ? items[0]! : { kind: 'and', items };
  };
  const parseUnary = (): QueryNode => {
    const l = next();
    switch (l.kind) {
      case 'not':
        return { kind: 'not', item: parseUnary() };
      case '(': {
        if (peek().kind === ')') throw new QuerySyntaxError('empty parentheses', l.column);
        const inner = parseOr();
        const close = next();
        if (close.kind !== ')') throw new QuerySyntaxError(`expected ")" to close the "(" of column ${l.column}, found ${describe(close)}`, close.column);
        return inner;
      }
      case 'word':
      case 'phrase':
        // A term the tokenizer reads as nothing ("-", "…") could never match: refuse it now.
        if (tokenize(l.text, 'en').length === 0) throw new QuerySyntaxError(`${describe(l)} has no letters or digits to match`, l.column);
        return { kind: 'term', text: l.text, phrase: l.kind === 'phrase' };
      default:
        throw new QuerySyntaxError(`expected a word, a "phrase", NOT or "(", found ${describe(l)}`, l.column);
    }
  };

  if (peek().kind === 'end') throw new QuerySyntaxError('empty query', 1);
  const tree = parseOr();
  const rest = peek();
  if (rest.kind !== 'end') throw new QuerySyntaxError(`unexpected ${describe(rest)}`, rest.column);
  return tree;
}

/** Every term of a query, for compiling them once. */
export function queryTerms(node: QueryNode): Extract<QueryNode, { kind: 'term' }>[] {
  switch (node.kind) {
    case 'term':
      return [node];
    case 'not':
      return queryTerms(node.item);
    default:
      return node.items.flatMap(queryTerms);
  }
}
