import type { HttpClient } from '../fetch/index.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/index.js';

/** What the pipeline stages need from the outside world: passed in, so workers and run-once share them. */
export interface PipelineDeps {
  store: Store;
  http: HttpClient;
  log: Logger;
  now?: () => Date;
}
