import robotsParserModule from 'robots-parser';

// The package is CommonJS (`module.exports = function`) but its typings declare an ES default
// export, so under NodeNext the types see a namespace where the runtime has the function itself.
const robotsParser = robotsParserModule as unknown as typeof robotsParserModule.default;
type Robot = ReturnType<typeof robotsParser>;

interface Entry {
  expires: number;
  /** Null: no usable robots.txt, everything allowed. */
  robot: Robot | null;
}

export interface RobotsCacheOptions {
  ttlMs: number;
  /** The product token robots.txt groups are matched against ("Parallax"). */
  agentToken: string;
  /**
   * Fetches a robots.txt: its text, or null when there is none to honour (4xx) or it cannot be
   * had (5xx, network, timeout). See `HttpClient` for why the latter also means "allowed".
   * `trusted`: the origin is one the operator configured, so it may be on a private address.
   */
  load: (robotsUrl: string, trusted: boolean) => Promise<string | null>;
}

/** A long-running worker meets many origins; expired entries are dropped past this many. */
const MAX_ORIGINS = 10_000;

/** Errors are retried sooner than a real file is re-read: the outlet may fix its server. */
const MAX_FAILURE_TTL_MS = 10 * 60_000;

/** robots.txt per origin, fetched once and kept for `ttlMs`; concurrent askers share one fetch. */
export class RobotsCache {
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<Entry>>();

  constructor(private readonly opts: RobotsCacheOptions) {}

  /** `trusted`: see `load`. Kept apart, so that a refused fetch of an untrusted link does not stand for the operator's own site. */
  async isAllowed(url: URL, trusted: boolean): Promise<boolean> {
    const entry = await this.entryFor(url.origin, trusted);
    if (!entry.robot) return true;
    // undefined means "URL not under this robots.txt", impossible here since the origin matches.
    return entry.robot.isAllowed(url.href, this.opts.agentToken) !== false;
  }

  private entryFor(origin: string, trusted: boolean): Promise<Entry> {
    const key = trusted ? `trusted ${origin}` : origin;
    const cached = this.entries.get(key);
    if (cached && cached.expires > Date.now()) return Promise.resolve(cached);
    let p = this.pending.get(key);
    if (!p) {
      const robotsUrl = `${origin}/robots.txt`;
      p = this.opts
        .load(robotsUrl, trusted)
        .then((text): Entry => {
          const ttl = text === null ? Math.min(this.opts.ttlMs, MAX_FAILURE_TTL_MS) : this.opts.ttlMs;
          return { expires: Date.now() + ttl, robot: text === null ? null : robotsParser(robotsUrl, text) };
        })
        .then((entry) => {
          if (this.entries.size >= MAX_ORIGINS) this.sweep();
          this.entries.set(key, entry);
          return entry;
        })
        .finally(() => this.pending.delete(key));
      this.pending.set(key, p);
    }
    return p;
  }

  private sweep(): void {
    const now = Date.now();
    for (const [key, entry] of this.entries) if (entry.expires <= now) this.entries.delete(key);
  }
}
