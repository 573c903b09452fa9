/**
 * A desk's keep and block patterns for one feed's entries (config/feeds.yaml, `extract.keep` and
 * `extract.block`), applied before anything is stored or fetched: a blocked entry costs no request.
 * Each pattern is a regular expression, case-insensitive, tried on the entry's title and its URL.
 */
export interface EntryFilter {
  /** When given, only entries matching one of these are taken. */
  keep?: string[];
  /** Entries matching one of these are left out, even when kept. */
  block?: string[];
}

export interface EntryFilterCompiled {
  allows(entry: { title: string; url: string }): boolean;
}

const compile = (patterns: string[] | undefined) => (patterns ?? []).map((p) => new RegExp(p, 'iu'));

export function compileEntryFilter(filter: EntryFilter): EntryFilterCompiled {
  const keep = compile(filter.keep);
  const block = compile(filter.block);
  const hit = (res: RegExp[], e: { title: string; url: string }) => res.some((re) => re.test(e.title) || re.test(e.url));
  return { allows: (e) => (keep.length === 0 || hit(keep, e)) && !hit(block, e) };
}

/** The complaint of the RegExp parser about a pattern, or null. */
export function patternProblem(pattern: string): string | null {
  try {
    new RegExp(pattern, 'iu');
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}
