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
   */
  load: (robotsUrl: string) => Promise<string | null>;
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

  async isAllowed(url: URL): Promise<boolean> {
    const entry = await this.entryFor(url.origin);
    if (!entry.robot) return true;
    // undefined means "URL not under this robots.txt", impossible here since the origin matches.
    return entry.robot.isAllowed(url.href, this.opts.agentToken) !== false;
  }

  private entryFor(origin: string): Promise<Entry> {
    const cached = this.entries.get(origin);
    if (cached && cached.expires > Date.now()) return Promise.resolve(cached);
    let p = this.pending.get(origin);
    if (!p) {
      const robotsUrl = `${origin}/robots.txt`;
      p = this.opts
        .load(robotsUrl)
        .then((text): Entry => {
          const ttl = text === null ? Math.min(this.opts.ttlMs, MAX_FAILURE_TTL_MS) : this.opts.ttlMs;
          return { expires: Date.now() + ttl, robot: text === null ? null : robotsParser(robotsUrl, text) };
        })
        .then((entry) => {
          if (this.entries.size >= MAX_ORIGINS) this.sweep();
          this.entries.set(origin, entry);
          return entry;
        })
        .finally(() => this.pending.delete(origin));
      this.pending.set(origin, p);
    }
    return p;
  }

  private sweep(): void {
    const now = Date.now();
    for (const [origin, entry] of this.entries) if (entry.expires <= now) this.entries.delete(origin);
  }
}
