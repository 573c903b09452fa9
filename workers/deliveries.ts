import type { JobsOptions } from 'bullmq';
import type { ChannelConfig } from '../src/alerts/channels/index.js';
import { alertDeliveries } from '../src/alerts/delivery-id.js';
import type { AlertRecord } from '../src/alerts/types.js';
import type { DeliverySettings } from '../src/config/settings.js';
import { JobName } from '../src/pipeline/jobs.js';
import type { Store } from '../src/store/index.js';
import { addFollowUps, type JobSettings } from './jobs.js';
import type { JobQueues } from './queues.js';

/** Retries with exponential back-off as configured (PARALLAX_DELIVERY_ATTEMPTS, _BACKOFF_MS). */
export function deliveryJobOptions(s: DeliverySettings): JobsOptions {
  return { attempts: s.attempts, backoff: { type: 'exponential', delay: s.backoffMs } };
}

export interface EnqueueContext extends JobSettings {
  store: Store;
  queues: JobQueues;
  now?: () => Date;
}

/**
 * What evaluation calls for a new alert: its deliveries stored (one per channel; a no-op for an
 * alert already stored), then those of an immediate rule enqueued. Stored first, so that a crash
 * in between leaves a pending delivery the hourly sweep re-enqueues, never a job without a row.
 * `channels` is the watchlists' `channels:` map; each delivery keeps its channel's configuration.
 */
export async function enqueueAlertDeliveries(ctx: EnqueueContext, alert: AlertRecord, channels: Record<string, ChannelConfig>): Promise<{ now: string[]; digest: string[] }> {
  const ids = await ctx.store.deliveries.addAlert(alert, alertDeliveries(alert, channels), ctx.now?.());
  await addFollowUps(ctx.queues, JobName.EvaluateAlerts, JobName.DeliverAlert, ids.now.map((deliveryId) => ({ data: { deliveryId } })), ctx);
  return ids;
}
