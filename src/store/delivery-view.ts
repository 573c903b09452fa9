import { redactDeliveryError } from '../alerts/channels/secrets.js';
import type { ChannelConfig } from '../alerts/channels/types.js';
import type { DeliveryAttempt, DeliveryStatus } from '../alerts/types.js';
import type { DeliveryRow } from './schema.js';

/**
 * How one alert fared on one channel, as `parallax alerts list --json` and GET /api/alerts show
 * it (a JSON contract: add fields, never rename). For an alert of a digest rule, `status` is its
 * digest's once gathered, and `digest` names that digest's delivery id.
 */
export interface DeliveryView {
  /** The X-Parallax-Delivery id. */
  id: string;
  channel: string;
  type: string;
  mode: string;
  status: DeliveryStatus;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  sentAt: string | null;
  digest: string | null;
}

export function deliveryView(row: DeliveryRow, digest?: DeliveryRow): DeliveryView {
  const carrier = digest ?? row;
  return {
    id: row.id,
    channel: row.channel,
    type: row.channel_config.type,
    mode: row.mode,
    status: carrier.status,
    attempts: carrier.attempts,
    lastStatus: carrier.last_status,
    lastError: shownError(carrier.last_error, row.channel_config),
    sentAt: carrier.sent_at ? new Date(carrier.sent_at).toISOString() : null,
    digest: row.digest_id,
  };
}

export function attemptView(
  row: { delivery_id: string; attempt: number; at: Date; ok: boolean; status: number | null; error: string | null },
  delivery: { alert_id: string | null; channel: string; channel_config: ChannelConfig },
): DeliveryAttempt {
  return {
    deliveryId: row.delivery_id, alertId: delivery.alert_id, channel: delivery.channel, attempt: row.attempt, at: new Date(row.at).toISOString(),
    ok: row.ok, status: row.status, error: shownError(row.error, delivery.channel_config),
  };
}

/** Errors are redacted when recorded; again when shown, for rows an older version wrote. */
const shownError = (error: string | null, channel: ChannelConfig) => (error === null ? null : redactDeliveryError(error, channel));
