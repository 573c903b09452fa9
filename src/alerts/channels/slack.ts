import { postJson } from './http-post.js';
import { secretFrom, type OutgoingMessage, type SendContext, type SendResult } from './message.js';
import { renderMessage, type AlertSection } from './render.js';
import type { SlackChannel } from './types.js';
import { HEADER_DELIVERY } from './webhook.js';

/** Slack's limits (api.slack.com/reference/block-kit): beyond them the whole message is refused. */
const MAX_BLOCKS = 50;
const MAX_SECTION_TEXT = 3000;
const MAX_HEADER_TEXT = 150;
const MAX_FIELDS = 10;

/** mrkdwn treats &, < and > as markup (links, mentions); text from articles must not be. */
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const clip = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);
const mrkdwn = (text: string) => ({ type: 'mrkdwn', text: clip(text, MAX_SECTION_TEXT) });

function sectionBlocks(s: AlertSection): unknown[] {
  const blocks: unknown[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(s.heading, MAX_HEADER_TEXT) } },
    { type: 'section', text: mrkdwn(escape(s.summary)), fields: s.facts.slice(0, MAX_FIELDS).map((f) => mrkdwn(`*${f.label}*\n${escape(f.value)}`)) },
  ];
  if (s.conflicts.length) blocks.push({ type: 'section', text: mrkdwn(`*Conflicting figures*\n${s.conflicts.map((c) => `• ${escape(c)}`).join('\n')}`) });
  if (s.claims.length) blocks.push({ type: 'section', text: mrkdwn(`*Unique claims*\n${s.claims.map((c) => `• ${escape(c)}`).join('\n')}`) });
  const links = [s.link ? `<${s.link}|Comparison>` : null, `${s.articles.length} article${s.articles.length === 1 ? '' : 's'}`].filter(Boolean);
  blocks.push({ type: 'context', elements: [mrkdwn(links.join(' · '))] });
  return blocks;
}

/** The incoming-webhook body: `text` is the notification and the fallback, `blocks` the message. */
export function slackPayload(message: OutgoingMessage): { text: string; blocks: unknown[] } {
  const r = renderMessage(message);
  const blocks: unknown[] = [];
  for (const s of r.sections) {
    const next = sectionBlocks(s);
    if (blocks.length + next.length > MAX_BLOCKS - 1) {
      blocks.push({ type: 'context', elements: [mrkdwn(`… and more: see the comparison pages`)] });
      break;
    }
    blocks.push(...next);
  }
  return { text: clip(escape(r.headline), MAX_SECTION_TEXT), blocks };
}

export async function sendSlack(channel: SlackChannel, message: OutgoingMessage, ctx: SendContext): Promise<SendResult> {
  const url = channel.url ?? secretFrom(ctx.env, channel.urlEnv!, `Slack webhook URL of channel ${channel.name}`);
  return postJson(url, JSON.stringify(slackPayload(message)), { [HEADER_DELIVERY]: ctx.deliveryId }, ctx.timeoutMs);
}
