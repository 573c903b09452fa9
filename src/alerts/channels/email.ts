import nodemailer from 'nodemailer';
import { DeliveryError, secretFrom, type OutgoingMessage, type SendContext, type SendResult } from './message.js';
import { renderMessage, renderText, type RenderedMessage } from './render.js';
import type { EmailChannel } from './types.js';
import { HEADER_DELIVERY } from './webhook.js';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const list = (title: string, items: string[]) =>
  items.length ? `<h3>${escapeHtml(title)}</h3><ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>` : '';

/** The HTML part: the same sections as the text part, for clients that show HTML. */
export function renderHtml(r: RenderedMessage): string {
  const sections = r.sections.map((s) => {
    const facts = s.facts.map((f) => `<tr><th align="left">${escapeHtml(f.label)}</th><td>${escapeHtml(f.value)}</td></tr>`).join('');
    const link = s.link ? `<p><a href="${escapeHtml(s.link)}">Comparison</a></p>` : '';
    const articles = `<h3>Articles</h3><ul>${s.articles.map((a) => `<li><a href="${escapeHtml(a)}">${escapeHtml(a)}</a></li>`).join('')}</ul>`;
    return `<h2>${escapeHtml(s.heading)}</h2><p>${escapeHtml(s.summary)}</p><table>${facts}</table>${link}${list('Conflicting figures', s.conflicts)}${list('Unique claims', s.claims)}${articles}`;
  });
  return `<!doctype html><html><body><p>${escapeHtml(r.headline)}</p>${sections.join('<hr>')}</body></html>`;
}

export function emailContent(message: OutgoingMessage): { subject: string; text: string; html: string } {
  const r = renderMessage(message);
  return { subject: r.subject, text: renderText(r), html: renderHtml(r) };
}

/** SMTP reply code of a nodemailer result or error ("250 2.0.0 OK" -> 250). */
const replyCode = (response: unknown): number | null => {
  const m = typeof response === 'string' ? /^(\d{3})/.exec(response) : null;
  return m ? Number(m[1]) : null;
};

export async function sendEmail(channel: EmailChannel, message: OutgoingMessage, ctx: SendContext): Promise<SendResult> {
  const auth = channel.auth ? { user: channel.auth.user, pass: secretFrom(ctx.env, channel.auth.passwordEnv, `SMTP password of channel ${channel.name}`) } : undefined;
  const transport = nodemailer.createTransport({
    host: channel.host,
    port: channel.port,
    secure: channel.secure,
    auth,
    connectionTimeout: ctx.timeoutMs,
    greetingTimeout: ctx.timeoutMs,
    socketTimeout: ctx.timeoutMs,
  });
  const content = emailContent(message);
  try {
    const info = await transport.sendMail({
      from: channel.from,
      to: channel.to,
      ...content,
      // Derived from the delivery id, so a repeat is the same message to mail clients too.
      messageId: `<${ctx.deliveryId}@parallax>`,
      headers: { [HEADER_DELIVERY]: ctx.deliveryId },
    });
    return { status: replyCode(info.response) };
  } catch (err) {
    const e = err as Error & { responseCode?: number; code?: string };
    throw new DeliveryError(`SMTP ${channel.host}:${channel.port}: ${e.code ? `${e.code} ` : ''}${e.message}`, e.responseCode ?? null);
  } finally {
    transport.close();
  }
}
