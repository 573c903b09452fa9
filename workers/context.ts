import type { Queue } from 'bullmq';
import type { PipelineDeps } from '../src/pipeline/deps.js';

/** What every processor gets: the pipeline's dependencies and the queues it may enqueue into. */
export interface WorkerContext extends PipelineDeps {
  articlesQueue: Queue;
  /** Least time between two requests to one host: new articles' jobs are spread by it. */
  hostGapMs: number;
}
