import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { z } from 'zod';

/**
 * A config file that failed to load. The message names the file, the line and the field, because
 * the analyst editing it needs all three to fix it without reading our code.
 */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: { line: number | null; field: string; message: string }[],
  ) {
    super(
      problems
        .map((p) => `${file}${p.line ? `:${p.line}` : ''}: ${p.field ? `${p.field}: ` : ''}${p.message}`)
        .join('\n'),
    );
    this.name = 'ConfigError';
  }
}

type Path = readonly PropertyKey[];

function fieldName(path: Path): string {
  return path
    .map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`))
    .join('');
}

/** Line of the deepest YAML node that exists along `path` (a missing key points at its parent). */
function lineOf(doc: Document, counter: LineCounter, path: Path): number | null {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as unknown[], true);
    if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
  }
  return null;
}

/** Reads a YAML file and validates it with `schema`; every problem is reported, not just the first. */
export function loadYamlFile<S extends z.ZodType>(file: string, schema: S): z.output<S> {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(file, [{ line: null, field: '', message: `cannot read file (${(err as Error).message})` }]);
  }
  return parseYamlText(file, source, schema);
}

export function parseYamlText<S extends z.ZodType>(file: string, source: string, schema: S): z.output<S> {
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter, prettyErrors: false });
  if (doc.errors.length > 0) {
    throw new ConfigError(
      file,
      doc.errors.map((e) => ({
        line: counter.linePos(e.pos[0]).line,
        field: '',
        message: `invalid YAML: ${e.message.split('\n')[0]}`,
      })),
    );
  }
  const result = schema.safeParse(doc.toJS());
  if (result.success) return result.data;
  throw new ConfigError(
    file,
    result.error.issues.map((issue) => ({
      line: lineOf(doc, counter, issue.path),
      field: fieldName(issue.path),
      message: issue.message,
    })),
  );
}
