/**
 * Per-host politeness: at most `concurrency` requests in flight to one host, and at least `gapMs`
 * between the starts of two requests to it. A news site's server is shared with its readers; a
 * burst of forty article fetches the moment its feed is polled is what gets a crawler blocked.
 * Hosts are keyed by URL host (name and port), the unit a server's operator sees.
 */
export interface HostGateOptions {
  concurrency: number;
  gapMs: number;
}

interface Waiter {
  resolve: (release: () => void) => void;
  reject: (err: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
}

interface HostState {
  active: number;
  lastStart: number;
  queue: Waiter[];
  timer: NodeJS.Timeout | null;
}

export class HostGate {
  private readonly hosts = new Map<string, HostState>();
  private closed = false;

  constructor(private readonly opts: HostGateOptions) {
    if (!(opts.concurrency >= 1)) throw new RangeError(`host concurrency must be at least 1, got ${opts.concurrency}`);
  }

  /** Waits for the host's turn; the returned function must be called once the request is over. */
  acquire(host: string, signal?: AbortSignal): Promise<() => void> {
    if (this.closed) return Promise.reject(new Error('HTTP client is closed'));
    if (signal?.aborted) return Promise.reject(signal.reason);
    const state = this.stateOf(host);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, signal, onAbort: undefined };
      if (signal) {
        waiter.onAbort = () => {
          const i = state.queue.indexOf(waiter);
          if (i >= 0) state.queue.splice(i, 1);
          reject(signal.reason);
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      state.queue.push(waiter);
      this.pump(host, state);
    });
  }

  /** Requests in flight and waiting, per host (for tests and diagnostics). */
  stats(host: string): { active: number; waiting: number } {
    const s = this.hosts.get(host);
    return { active: s?.active ?? 0, waiting: s?.queue.length ?? 0 };
  }

  /** Refuses new requests and fails the waiting ones; requests in flight finish normally. */
  close(): void {
    this.closed = true;
    for (const state of this.hosts.values()) {
      if (state.timer) clearTimeout(state.timer);
      for (const w of state.queue.splice(0)) {
        if (w.onAbort) w.signal?.removeEventListener('abort', w.onAbort);
        w.reject(new Error('HTTP client is closed'));
      }
    }
  }

  private stateOf(host: string): HostState {
    let state = this.hosts.get(host);
    if (!state) {
      if (this.hosts.size >= 1024) this.sweep();
      state = { active: 0, lastStart: -Infinity, queue: [], timer: null };
      this.hosts.set(host, state);
    }
    return state;
  }

  /** Forgets hosts with nothing in flight whose gap is over: a long-running worker sees many. */
  private sweep(): void {
    const now = performance.now();
    for (const [host, s] of this.hosts) {
      if (s.active === 0 && s.queue.length === 0 && !s.timer && now - s.lastStart >= this.opts.gapMs) this.hosts.delete(host);
    }
  }

  private pump(host: string, state: HostState): void {
    while (state.queue.length > 0 && state.active < this.opts.concurrency && !state.timer) {
      const wait = state.lastStart + this.opts.gapMs - performance.now();
      if (wait > 0) {
        state.timer = setTimeout(() => {
          state.timer = null;
          this.pump(host, state);
        }, Math.ceil(wait));
        return;
      }
      const waiter = state.queue.shift()!;
      if (waiter.onAbort) waiter.signal?.removeEventListener('abort', waiter.onAbort);
      state.active++;
      state.lastStart = performance.now();
      let released = false;
      waiter.resolve(() => {
        if (released) return;
        released = true;
        state.active--;
        this.pump(host, state);
      });
    }
  }
}
