import type { Queue } from 'bullmq';
import type { CompareContext } from '../src/compare/index.js';
import type { EventAssigner } from '../src/pipeline/assign-event.js';
import type { DeliverySettings } from '../src/config/settings.js';
import type { PipelineDeps } from '../src/pipeline/deps.js';
import type { LoadedWatchlists } from '../src/pipeline/evaluate-alerts.js';

/** What every processor gets: the pipeline's dependencies and the queues it may enqueue into. */
export interface WorkerContext extends PipelineDeps {
  articlesQueue: Queue;
  eventsQueue: Queue;
  compareQueue: Queue;
  /** This process's event decider (its state is a cache of the store's assignment log). */
  assigner: EventAssigner;
  /** Least time between two requests to one host: new articles' jobs are spread by it. */
  hostGapMs: number;
  /** Delay before a stored article's event assignment (PARALLAX_EVENT_SETTLE_MS). */
  eventSettleMs: number;
  /** Vocabulary and framing lexicon of the compare stage, loaded once. */
  compare: CompareContext;
  /** Delay of a compare job after its event changed (COMPARE_DELAY_MS; tests shorten it). */
  compareDelayMs: number;
  /** Alert evaluation; absent in a process started without watchlists: it raises no alerts. */
  alerts?: AlertsWiring;
}

export interface AlertsWiring {
  queue: Queue;
  deliveriesQueue: Queue;
  delivery: DeliverySettings;
  /** The watchlists as last (re)loaded (SIGHUP reloads them). */
  watchlists: () => LoadedWatchlists;
  /** PARALLAX_PUBLIC_URL, for alerts' links to the comparison page. */
  publicUrl: string | null;
}
