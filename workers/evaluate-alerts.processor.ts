import type { Job, Queue } from 'bullmq';
import { ALERT_HANDED_OFF, alertsToHandOff, evaluateAlerts } from '../src/pipeline/evaluate-alerts.js';
import type { AlertsWiring, WorkerContext } from './context.js';
import { enqueueAlertDeliveries } from './deliveries.js';
import { alertsDeduplication, JobName, type EvaluateAlertsData } from './queues.js';

/** Queues the alert evaluation of each event (deduplicated per event while one waits). */
export async function enqueueAlertEvaluations(queue: Queue, eventIds: Iterable<string>): Promise<number> {
  const jobs = [...new Set(eventIds)].map((eventId) => ({
    name: JobName.EvaluateAlerts,
    data: { eventId } satisfies EvaluateAlertsData,
    opts: { deduplication: alertsDeduplication(eventId) },
  }));
  if (jobs.length > 0) await queue.addBulk(jobs);
  return jobs.length;
}

/**
 * evaluate-alerts: every watchlist rule against one event; new alerts stored, then every alert of
 * the event not yet handed off given to delivery (its deliveries stored and enqueued). A job that
 * dies between the two leaves alerts 'pending', and its retry (or the event's next evaluation)
 * hands them off: delivery's rows are keyed by alert and channel, so nothing is sent twice.
 */
export function evaluateAlertsProcessor(ctx: WorkerContext, alerts: AlertsWiring) {
  return async (job: Job<EvaluateAlertsData>) => {
    const watchlists = alerts.watchlists();
    const deps = { store: ctx.store, vocabulary: ctx.compare.vocabulary, log: ctx.log, publicUrl: alerts.publicUrl, ...(ctx.now ? { now: ctx.now } : {}) };
    const r = await evaluateAlerts(deps, watchlists, job.data.eventId);
    if (!r.eventId) return { eventId: job.data.eventId, missing: true };
    const handOff = await alertsToHandOff(deps, watchlists, r.eventId);
    for (const alert of handOff) {
      await enqueueAlertDeliveries({ store: ctx.store, deliveriesQueue: alerts.deliveriesQueue, delivery: alerts.delivery, ...(ctx.now ? { now: ctx.now } : {}) }, alert, watchlists.config.channels);
      await ctx.store.alerts.setStatus(alert.id, ALERT_HANDED_OFF);
    }
    return { eventId: r.eventId, created: r.created.map((a) => a.id), handedOff: handOff.length };
  };
}
