import type { AlertPayload, DigestPayload } from '../types.js';

/** What one delivery sends: one alert, or a rule's digest. A webhook's JSON body is `payload` as is. */
export type OutgoingMessage = { kind: 'alert'; payload: AlertPayload } | { kind: 'digest'; payload: DigestPayload };

/** What every channel needs besides the message. */
export interface SendContext {
  /** X-Parallax-Delivery: the same for every try of this message on this channel. */
  deliveryId: string;
  /** Each request or SMTP session is given up on after this long. */
  timeoutMs: number;
  /** Where secrets' variables are looked up (process.env; a test's own map). */
  env: NodeJS.ProcessEnv;
}

/** What the receiving end answered: HTTP status, or the SMTP reply code. */
export interface SendResult {
  status: number | null;
}

/** A send that did not succeed, saying why in words an operator can act on. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    /** HTTP status or SMTP reply code, when the other end answered. */
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

/** A secret named by the config, read from the environment when sending (never from YAML). */
export function secretFrom(env: NodeJS.ProcessEnv, name: string, what: string): string {
  const value = env[name];
  if (!value) throw new DeliveryError(`environment variable ${name} (${what}) is not set`);
  return value;
}
