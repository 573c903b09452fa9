import { createHash } from 'node:crypto';
import type { ChannelConfig } from './channels/types.js';
import type { AlertRecord, DeliveryMode } from './types.js';

/**
 * Delivery ids, sent as X-Parallax-Delivery. Derived, never random: every retry, a restarted
 * worker and a second worker all compute the same id for the same message, so the job is
 * enqueued once (it is the BullMQ job id too) and a receiver can drop a repeat by it.
 */
const hash = (...parts: string[]) => createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 32);

/** One alert on one channel. */
export const alertDeliveryId = (alertId: string, channel: string) => `dl-${hash('alert', alertId, channel)}`;

/** One delivery of an alert: on one of its rule's channels, with that channel's configuration. */
export interface AlertDelivery {
  id: string;
  channel: string;
  config: ChannelConfig;
}

/**
 * The deliveries of an alert, one per channel its rule names; `channels` is the `channels:` map the
 * rule was configured with. Throws on a channel the map lacks.
 */
export function alertDeliveries(alert: AlertRecord, channels: Record<string, ChannelConfig>): AlertDelivery[] {
  return alert.channels.map((channel) => {
    const config = channels[channel];
    if (!config) throw new Error(`alert ${alert.id} (rule ${alert.rule}) names channel "${channel}", which is not configured`);
    return { id: alertDeliveryId(alert.id, channel), channel, config };
  });
}

/** One rule's digest on one channel for the period starting at `periodStart`. */
export const digestDeliveryId = (rule: string, channel: string, mode: DigestMode, periodStart: Date) =>
  `dg-${hash('digest', rule, channel, mode, periodStart.toISOString())}`;

export type DigestMode = Exclude<DeliveryMode, 'now'>;

const PERIOD_MS: Record<DigestMode, number> = { hourly: 3_600_000, daily: 86_400_000 };

/** Start of the digest period holding `at`: the hour or the day, in UTC. */
export function periodStart(mode: DigestMode, at: Date): Date {
  const ms = PERIOD_MS[mode];
  return new Date(Math.floor(at.getTime() / ms) * ms);
}

export function periodEnd(mode: DigestMode, start: Date): Date {
  return new Date(start.getTime() + PERIOD_MS[mode]);
}
