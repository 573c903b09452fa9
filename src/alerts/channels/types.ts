/**
 * The channels alerts are sent on, as watchlists.yaml `channels:` configures them. Secrets are
 * never part of a channel: it names the environment variable that holds each one.
 */

/** A JSON POST signed with HMAC-SHA256 of `<timestamp>.<body>` under the secret in `secretEnv`. */
export interface WebhookChannel {
  name: string;
  type: 'webhook';
  url: string;
  secretEnv: string;
}

/**
 * A Slack-compatible incoming webhook. Its URL is itself a secret (whoever has it can post), so
 * `urlEnv` is the way for a real workspace; `url` is for a local or test receiver.
 */
export type SlackChannel = { name: string; type: 'slack' } & ({ url: string; urlEnv?: never } | { urlEnv: string; url?: never });

/** E-mail over SMTP (nodemailer). */
export interface EmailChannel {
  name: string;
  type: 'email';
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  from: string;
  to: string[];
  auth: { user: string; passwordEnv: string } | null;
}

export type ChannelConfig = WebhookChannel | SlackChannel | EmailChannel;
