import { redactSecrets, redactUrl } from '../../redact.js';
import type { ChannelConfig } from './types.js';

/**
 * What a channel holds that must never be printed: the values of its secret variables, and its
 * URL (a Slack URL is a credential; a webhook's path may carry one).
 */
export function channelSecrets(channel: ChannelConfig, env: NodeJS.ProcessEnv = {}): string[] {
  const values = secretVariables(channel).map((name) => env[name]);
  if (channel.type !== 'email' && channel.url) values.push(channel.url);
  return values.filter((v): v is string => !!v);
}

const URL_IN_TEXT = /\bhttps?:\/\/[^\s"'<>]+/gi;

/**
 * A delivery's error as it may be stored, logged and shown: the channel's secrets and the
 * process's known ones replaced, and any URL cut to its origin (the channel's name says which
 * endpoint it was). Applied when the error is recorded and again when it is shown, for rows
 * written before.
 */
export function redactDeliveryError(text: string, channel: ChannelConfig, env: NodeJS.ProcessEnv = {}): string {
  const urlsCut = text.replace(URL_IN_TEXT, (match) => {
    // Punctuation that ends the sentence around the URL stays.
    const tail = /[.,;:)]+$/.exec(match)?.[0] ?? '';
    return redactUrl(match.slice(0, match.length - tail.length)) + tail;
  });
  return redactSecrets(urlsCut, channelSecrets(channel, env));
}

/** The environment variables a channel reads its secrets from. */
export function secretVariables(c: ChannelConfig): string[] {
  return c.type === 'webhook' ? [c.secretEnv] : c.type === 'slack' ? (c.urlEnv ? [c.urlEnv] : []) : c.auth ? [c.auth.passwordEnv] : [];
}
