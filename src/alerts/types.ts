import type { Claim, Conflict } from '../compare/types.js';

/**
 * Alerts (issue 6): the records that cross from evaluation (which rule fired on which event) to
 * delivery (sending on channels, retries, dead letters). Fixed first so both halves can be built
 * side by side. Field names of AlertPayload are a contract with receivers: add, never rename.
 */

export type TriggerName = 'new-event' | 'escalation' | 'divergence' | 'first-report';

/** When a rule wants its alerts: at once, or gathered into a digest. */
export type DeliveryMode = 'now' | 'hourly' | 'daily';

/** The JSON body a webhook receives (Slack and e-mail render the same content). */
export interface AlertPayload {
  /**
   * The alert's id, the same on every channel. Receivers drop repeats by the X-Parallax-Delivery
   * header instead: one id per (alert, channel), the same on every retry of that delivery.
   */
  id: string;
  rule: string;
  trigger: TriggerName;
  /** What happened, in one line an analyst can act on. */
  summary: string;
  event: {
    id: string;
    title: string;
    /** Article URLs. */
    articles: string[];
    outlets: string[];
    countries: string[];
    languages: string[];
    firstSeen: string;
    lastUpdated: string;
    /** Link to the comparison page (PARALLAX_PUBLIC_URL + /events/:id), when configured. */
    url: string | null;
  };
  /** divergence: the conflicting figures and unique claims that are new since the last alert. */
  conflicts?: Conflict[];
  claims?: Claim[];
  /**
   * The event's comparison in brief (every trigger), when one is stored: its conflicting figures
   * and its unique claims. E-mail and Slack summarise it; evaluation fills it.
   */
  comparison?: { conflicts: Conflict[]; uniqueClaims: Claim[] };
  /** escalation / first-report: the outlets or countries that are new. */
  newOutlets?: string[];
  newCountries?: string[];
  createdAt: string;
}

/**
 * One alert, as evaluation stores it. `id` is the idempotency key: a hash of (rule, event,
 * trigger, content), so re-evaluating the same change, a retried job or a second worker produces
 * the same id, and the store keeps one row per id.
 */
export interface AlertRecord {
  id: string;
  rule: string;
  trigger: TriggerName;
  eventId: string;
  /** Channel names (watchlists.yaml `channels:` keys) to deliver to. */
  channels: string[];
  mode: DeliveryMode;
  payload: AlertPayload;
}

export type DeliveryStatus = 'pending' | 'sent' | 'retrying' | 'dead';

/**
 * The body of a digest (rules with mode hourly/daily): every alert of one rule raised within one
 * period, sent as one message per channel once the period is over.
 */
export interface DigestPayload {
  digest: true;
  rule: string;
  mode: Exclude<DeliveryMode, 'now'>;
  period: { start: string; end: string };
  alerts: AlertPayload[];
  createdAt: string;
}

/** One attempt to send one alert on one channel, stored whatever its outcome. */
export interface DeliveryAttempt {
  /** The X-Parallax-Delivery id: one per (alert, channel), or per (rule, channel, period) for a digest. */
  deliveryId: string;
  /** null for a digest's attempts: it carries several alerts. */
  alertId: string | null;
  channel: string;
  attempt: number;
  at: string;
  ok: boolean;
  /** HTTP status or SMTP response code, when there was one. */
  status: number | null;
  error: string | null;
}
