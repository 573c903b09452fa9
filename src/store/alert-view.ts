import type { AlertPayload, AlertRecord, DeliveryMode, TriggerName } from '../alerts/types.js';
import type { DeliveryView } from './delivery-view.js';
import type { AlertRow } from './schema.js';

/**
 * An alert as `parallax alerts list --json` and `GET /api/alerts` show it: the record evaluation
 * made, with its delivery status and when it was created. A contract: add fields, never rename.
 */
export interface AlertView extends AlertRecord {
  /** pending (not yet handed to delivery, or waiting in its queue), then delivery's status. */
  status: string;
  createdAt: string;
  /** How it fared on each channel (status sent | retrying | dead | pending, attempts, last error): filled by store.alerts.list and get. */
  deliveries?: DeliveryView[];
}

export function alertRecord(r: AlertRow): AlertRecord {
  return {
    id: r.id,
    rule: r.rule,
    trigger: r.trigger as TriggerName,
    eventId: r.event_id,
    channels: r.channels,
    mode: r.mode as DeliveryMode,
    payload: r.payload as unknown as AlertPayload,
  };
}

export function alertView(r: AlertRow): AlertView {
  return { ...alertRecord(r), status: r.status, createdAt: new Date(r.created_at).toISOString() };
}
