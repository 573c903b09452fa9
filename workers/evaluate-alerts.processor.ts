import type { Job } from 'bullmq';
import { ALERT_HANDED_OFF, alertsToHandOff, evaluateAlerts } from '../src/pipeline/evaluate-alerts.js';
import type { EvaluateAlertsData } from '../src/pipeline/jobs.js';
import type { WorkerContext } from './context.js';
import { enqueueAlertDeliveries } from './deliveries.js';

/**
 * evaluate-alerts: every watchlist rule against one event; new alerts stored, then every alert of
 * the event not yet handed off given to delivery (its deliveries stored and enqueued). A job that
 * dies between the two leaves alerts 'pending', and its retry (or the event's next evaluation)
 * hands them off: delivery's rows are keyed by alert and channel, so nothing is sent twice.
 */
export function evaluateAlertsProcessor(ctx: WorkerContext) {
  return async (job: Job<EvaluateAlertsData>) => {
    // Only a process with the watchlists runs this queue's worker (workers/runtime.ts).
    if (!ctx.alerts) throw new Error('evaluate-alerts ran in a process without watchlists');
    const watchlists = ctx.alerts.watchlists();
    const deps = { store: ctx.store, vocabulary: ctx.compare.vocabulary, log: ctx.log, publicUrl: ctx.alerts.publicUrl, ...(ctx.now ? { now: ctx.now } : {}) };
    const r = await evaluateAlerts(deps, watchlists, job.data.eventId);
    if (!r.eventId) return { eventId: job.data.eventId, missing: true };
    const handOff = await alertsToHandOff(deps, watchlists, r.eventId);
    for (const alert of handOff) {
      await enqueueAlertDeliveries(ctx, alert, watchlists.config.channels);
      await ctx.store.alerts.setStatus(alert.id, ALERT_HANDED_OFF);
    }
    return { eventId: r.eventId, created: r.created.map((a) => a.id), handedOff: handOff.length };
  };
}
