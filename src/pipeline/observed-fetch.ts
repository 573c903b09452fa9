import type { HttpClient, HttpFetchRequest } from '../fetch/index.js';
import { FetchError, type FetchOutcome } from '../fetch/types.js';
import { fetchDuration, fetchErrors, fetchResponses, statusClass } from '../observability/metrics.js';

export type FetchTarget = 'feed' | 'article';

/** The HTTP client's fetch, counted: duration, status class of the answer, or the failure's kind. */
export async function observedFetch(http: HttpClient, target: FetchTarget, req: HttpFetchRequest): Promise<FetchOutcome> {
  const stopTimer = fetchDuration.startTimer({ target });
  try {
    const outcome = await http.fetch(req);
    fetchResponses.inc({ target, status_class: statusClass(outcome.status === 'ok' ? outcome.httpStatus : 304) });
    return outcome;
  } catch (err) {
    if (err instanceof FetchError) {
      if (err.httpStatus !== null) fetchResponses.inc({ target, status_class: statusClass(err.httpStatus) });
      fetchErrors.inc({ target, kind: err.kind });
    }
    throw err;
  } finally {
    stopTimer();
  }
}
