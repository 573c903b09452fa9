import type { JobsOptions, Queue } from 'bullmq';
import type { ChannelConfig } from '../src/alerts/channels/index.js';
import type { AlertRecord } from '../src/alerts/types.js';
import type { DeliverySettings } from '../src/config/settings.js';
import type { Store } from '../src/store/index.js';
import { deliverJobId, JobName, type DeliverAlertData } from './queues.js';

/** Retries with exponential back-off as configured (PARALLAX_DELIVERY_ATTEMPTS, _BACKOFF_MS). */
export function deliveryJobOptions(s: DeliverySettings): JobsOptions {
  return { attempts: s.attempts, backoff: { type: 'exponential', delay: s.backoffMs } };
}

/** Adds one deliver-alert job per delivery; a delivery whose job already exists is not added again. */
export async function enqueueDeliveries(queue: Queue, deliveryIds: string[], s: DeliverySettings): Promise<void> {
  if (deliveryIds.length === 0) return;
  const opts = deliveryJobOptions(s);
  await queue.addBulk(
    deliveryIds.map((deliveryId) => ({
      name: JobName.DeliverAlert,
      data: { deliveryId } satisfies DeliverAlertData,
      opts: { ...opts, jobId: deliverJobId(deliveryId) },
    })),
  );
}

export interface EnqueueContext {
  store: Store;
  deliveriesQueue: Queue;
  delivery: DeliverySettings;
  now?: () => Date;
}

/**
 * What evaluation calls for a new alert: its deliveries stored (one per channel; a no-op for an
 * alert already stored), then those of an immediate rule enqueued. Stored first, so that a crash
 * in between leaves a pending delivery the hourly sweep re-enqueues, never a job without a row.
 * `channels` is the watchlists' `channels:` map; each delivery keeps its channel's configuration.
 */
export async function enqueueAlertDeliveries(ctx: EnqueueContext, alert: AlertRecord, channels: Record<string, ChannelConfig>): Promise<{ now: string[]; digest: string[] }> {
  const ids = await ctx.store.deliveries.addAlert(alert, channels, ctx.now?.());
  await enqueueDeliveries(ctx.deliveriesQueue, ids.now, ctx.delivery);
  return ids;
}
