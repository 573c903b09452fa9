import type { CompareContext } from '../src/compare/index.js';
import type { EventAssigner } from '../src/pipeline/assign-event.js';
import type { PipelineDeps } from '../src/pipeline/deps.js';
import type { LoadedWatchlists } from '../src/pipeline/evaluate-alerts.js';
import type { JobSettings } from './jobs.js';
import type { JobQueues } from './queues.js';

/** What every processor gets: the pipeline's dependencies and the queues its follow-ups go to. */
export interface WorkerContext extends PipelineDeps, JobSettings {
  queues: JobQueues;
  /** This process's event decider (its state is a cache of the store's assignment log). */
  assigner: EventAssigner;
  /** Least time between two requests to one host: new articles' jobs are spread by it. */
  hostGapMs: number;
  /** Vocabulary and framing lexicon of the compare stage, loaded once. */
  compare: CompareContext;
  /** Alert evaluation; absent in a process started without watchlists: it raises no alerts. */
  alerts?: AlertsWiring;
}

export interface AlertsWiring {
  /** The watchlists as last (re)loaded (SIGHUP reloads them). */
  watchlists: () => LoadedWatchlists;
  /** PARALLAX_PUBLIC_URL, for alerts' links to the comparison page. */
  publicUrl: string | null;
}
