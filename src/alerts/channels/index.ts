import { sendEmail } from './email.js';
import type { OutgoingMessage, SendContext, SendResult } from './message.js';
import { sendSlack } from './slack.js';
import type { ChannelConfig } from './types.js';
import { sendWebhook } from './webhook.js';

export * from './message.js';
export type { ChannelConfig } from './types.js';
export { HEADER_DELIVERY, HEADER_SIGNATURE, HEADER_TIMESTAMP, sign, verifySignature } from './webhook.js';

/** Sends one message on one channel; resolves on success (2xx, SMTP accepted), throws DeliveryError otherwise. */
export function sendOnChannel(channel: ChannelConfig, message: OutgoingMessage, ctx: SendContext): Promise<SendResult> {
  switch (channel.type) {
    case 'webhook':
      return sendWebhook(channel, message, ctx);
    case 'slack':
      return sendSlack(channel, message, ctx);
    case 'email':
      return sendEmail(channel, message, ctx);
  }
}
