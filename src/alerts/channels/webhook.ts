import { createHmac, timingSafeEqual } from 'node:crypto';
import type { WebhookChannel } from './types.js';
import { postJson } from './http-post.js';
import { secretFrom, type OutgoingMessage, type SendContext, type SendResult } from './message.js';

/**
 * Webhook: the payload as JSON, signed the way Stripe and GitHub sign theirs, so a receiver can
 * tell it came from us, unaltered and recently:
 *   X-Parallax-Timestamp: Unix seconds when sent
 *   X-Parallax-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>" under the secret>
 *   X-Parallax-Delivery:  the delivery id, the same on every retry (drop repeats by it)
 * The timestamp is inside the signed text so an old request cannot be replayed with a new one.
 */
export const HEADER_TIMESTAMP = 'X-Parallax-Timestamp';
export const HEADER_SIGNATURE = 'X-Parallax-Signature';
export const HEADER_DELIVERY = 'X-Parallax-Delivery';

export function sign(secret: string, timestamp: number | string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`;
}

/**
 * For receivers (copy it): true when `header` is the signature of `rawBody` at `timestamp` and the
 * timestamp is within `toleranceSeconds` of now. Verify the raw bytes as received, before parsing:
 * re-serialised JSON is not the same text.
 */
export function verifySignature(
  secret: string,
  timestamp: string,
  rawBody: string,
  header: string,
  toleranceSeconds = 300,
  nowSeconds = Math.floor(Date.now() / 1000),
): boolean {
  if (!/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(nowSeconds - Number(timestamp)) > toleranceSeconds) return false;
  const expected = Buffer.from(sign(secret, timestamp, rawBody));
  const given = Buffer.from(header);
  // timingSafeEqual: comparing byte by byte would tell an attacker how much of a guess was right.
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export async function sendWebhook(channel: WebhookChannel, message: OutgoingMessage, ctx: SendContext): Promise<SendResult> {
  const secret = secretFrom(ctx.env, channel.secretEnv, `secret of channel ${channel.name}`);
  const body = JSON.stringify(message.payload);
  // The wall clock, always: receivers compare it with theirs.
  const timestamp = Math.floor(Date.now() / 1000);
  return postJson(
    channel.url,
    body,
    { [HEADER_TIMESTAMP]: String(timestamp), [HEADER_SIGNATURE]: sign(secret, timestamp, body), [HEADER_DELIVERY]: ctx.deliveryId },
    ctx.timeoutMs,
  );
}
