import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Every Prometheus series Parallax exposes, in one registry per process. Series are counted at the
 * edges (src/pipeline, workers/, alert delivery), never inside the pure stages, so that a stage
 * stays a function of its inputs.
 *
 * Counters live in the process that did the work: `parallax start` serves them at /metrics, a
 * `parallax worker` only when started with --metrics-port. Queue depths are read from Redis at
 * scrape time, so they are the same whichever process answers.
 */
export const registry = new Registry();

let defaultsOn = false;
/**
 * Node's own series (CPU, memory, event-loop lag, GC, handles): only in a process that is scraped,
 * since the event-loop and GC observers cost something in a one-shot run.
 */
export function collectProcessMetrics(): void {
  if (defaultsOn) return;
  defaultsOn = true;
  collectDefaultMetrics({ register: registry });
}

const registers = [registry];

/** One per poll of a feed: outcome ok | not-modified | error | skipped. */
export const feedPolls = new Counter({
  name: 'parallax_feed_polls_total',
  help: 'Feed polls, by outcome (ok, not-modified, error, skipped)',
  labelNames: ['outcome'] as const,
  registers,
});

/** One per failed poll, by the feed error's kind (http-status, timeout, feed-malformed, …). */
export const feedErrors = new Counter({
  name: 'parallax_feed_errors_total',
  help: 'Failed feed polls, by error kind',
  labelNames: ['kind'] as const,
  registers,
});

/**
 * target: feed | article. From the call to the full body, redirects and the wait for the host's
 * turn (politeness) included, as the pipeline experiences it; failed fetches too, until the failure.
 */
export const fetchDuration = new Histogram({
  name: 'parallax_fetch_duration_seconds',
  help: 'Time to fetch a feed or an article page: body, redirects and the wait for the host\'s turn included',
  labelNames: ['target'] as const,
  buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers,
});

/** Fetches that got an HTTP answer, by its class (2xx, 3xx, 4xx, 5xx) after redirects. */
export const fetchResponses = new Counter({
  name: 'parallax_fetch_responses_total',
  help: 'HTTP responses to feed and article fetches, by status class',
  labelNames: ['target', 'status_class'] as const,
  registers,
});

/** Fetches that failed, by FetchError kind (timeout, network, http-status, too-large, robots-disallowed, …). */
export const fetchErrors = new Counter({
  name: 'parallax_fetch_errors_total',
  help: 'Failed feed and article fetches, by error kind',
  labelNames: ['target', 'kind'] as const,
  registers,
});

export const articlesDiscovered = new Counter({
  name: 'parallax_articles_discovered_total',
  help: 'Articles created: new items found in feeds and stored as pending',
  registers,
});

/** status: extracted (page used) | feed-content (page unusable, the feed's own content kept). */
export const articlesStored = new Counter({
  name: 'parallax_articles_stored_total',
  help: 'Articles stored after their page fetch, by status (extracted, feed-content)',
  labelNames: ['status'] as const,
  registers,
});

export const eventsCreated = new Counter({
  name: 'parallax_events_created_total',
  help: 'Events created by clustering',
  registers,
});

export const articlesAssigned = new Counter({
  name: 'parallax_articles_assigned_total',
  help: 'Articles put into an event',
  registers,
});

/** outcome: completed | failed (a failed attempt; BullMQ may retry it). */
export const jobDuration = new Histogram({
  name: 'parallax_job_duration_seconds',
  help: 'Time a job took, by queue, job name and outcome (completed, failed)',
  labelNames: ['queue', 'job', 'outcome'] as const,
  buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
  registers,
});

/**
 * Alert delivery (incremented by the deliver job). channel: the channel's name in
 * watchlists.yaml; trigger: new-event | escalation | divergence | first-report.
 */
export const alertsSent = new Counter({
  name: 'parallax_alerts_sent_total',
  help: 'Alerts delivered, by channel and trigger',
  labelNames: ['channel', 'trigger'] as const,
  registers,
});

/** One per failed delivery attempt; final="true" when it was the last try (dead-lettered). */
export const alertsFailed = new Counter({
  name: 'parallax_alerts_failed_total',
  help: 'Failed alert delivery attempts, by channel and trigger; final="true" when dead-lettered',
  labelNames: ['channel', 'trigger', 'final'] as const,
  registers,
});

/** The part of a BullMQ Queue the depth gauge reads. */
export interface CountableQueue {
  readonly name: string;
  getJobCounts(...types: QueueState[]): Promise<Record<string, number>>;
}

export const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized', 'waiting-children'] as const;
export type QueueState = (typeof QUEUE_STATES)[number];

/** A scrape must answer even with Redis down (that is when it matters most): queue depths are then left out. */
const QUEUE_COUNT_TIMEOUT_MS = 2_000;

const watchedQueues = new Set<CountableQueue>();

export const queueJobs = new Gauge({
  name: 'parallax_queue_jobs',
  help: 'Jobs in each queue by state, read from Redis at scrape time (absent when Redis does not answer)',
  labelNames: ['queue', 'state'] as const,
  registers,
  async collect() {
    this.reset();
    await Promise.all(
      [...watchedQueues].map(async (q) => {
        let timer: NodeJS.Timeout | undefined;
        const counts = await Promise.race([
          q.getJobCounts(...QUEUE_STATES),
          new Promise<null>((r) => (timer = setTimeout(() => r(null), QUEUE_COUNT_TIMEOUT_MS))),
        ]).catch(() => null).finally(() => clearTimeout(timer));
        if (!counts) return;
        for (const state of QUEUE_STATES) this.set({ queue: q.name, state }, counts[state] ?? 0);
      }),
    );
  },
});

/** Queue depths of these queues are reported from now on; the returned function stops it. */
export function watchQueues(queues: readonly CountableQueue[]): () => void {
  for (const q of queues) watchedQueues.add(q);
  return () => {
    for (const q of queues) watchedQueues.delete(q);
  };
}

/** "2xx" … "5xx" for an HTTP status. */
export function statusClass(status: number): string {
  return `${Math.floor(status / 100)}xx`;
}
