/** Channels as watchlists.yaml `channels:` configures them (src/config/watchlists-config.ts). */
export type { ChannelConfig, EmailChannel, SlackChannel, WebhookChannel } from '../../config/watchlists-config.js';
