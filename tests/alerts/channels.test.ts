import { afterEach, describe, expect, test } from 'vitest';
import { DeliveryError, sendOnChannel, sign, verifySignature, type ChannelConfig, type OutgoingMessage } from '../../src/alerts/channels/index.js';
import { slackPayload } from '../../src/alerts/channels/slack.js';
import { sampleAlert, startSmtpReceiver, startWebhookReceiver, type SmtpReceiver, type WebhookReceiver } from '../helpers/alert-receivers.js';

const SECRET = 'whsec-test-1';
const env = { PX_SECRET: SECRET };
const alert: OutgoingMessage = { kind: 'alert', payload: sampleAlert().payload };
const ctx = { deliveryId: 'dl-test-1', timeoutMs: 2_000, env };

let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.map((c) => c()));
  closers = [];
});
const track = <T extends WebhookReceiver | SmtpReceiver>(r: T) => (closers.push(() => r.close()), r);

describe('webhook', () => {
  test('POSTs the payload as JSON with a signature the receiver verifies, a timestamp and the delivery id', async () => {
    const rx = track(await startWebhookReceiver(SECRET));
    const channel: ChannelConfig = { name: 'analysts', type: 'webhook', url: rx.url, secretEnv: 'PX_SECRET' };
    expect(await sendOnChannel(channel, alert, ctx)).toEqual({ status: 200 });
    expect(rx.requests).toHaveLength(1);
    const [req] = rx.requests;
    expect(req!.verified).toBe(true);
    expect(req!.delivery).toBe('dl-test-1');
    expect(req!.headers['content-type']).toBe('application/json');
    expect(Math.abs(Number(req!.headers['x-parallax-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
    expect(req!.headers['x-parallax-signature']).toBe(sign(SECRET, String(req!.headers['x-parallax-timestamp']), req!.raw));
    const body = req!.body as { rule: string; trigger: string; event: { id: string; title: string; articles: string[] }; conflicts: unknown[]; claims: unknown[] };
    expect(body.rule).toBe('sahel-hostages');
    expect(body.trigger).toBe('divergence');
    expect(body.event.articles).toEqual(['http://a.example/news/1', 'http://b.example/news/2']);
    expect(body.conflicts).toHaveLength(1);
    expect(body.claims).toHaveLength(1);
  });

  test('verifySignature rejects a stale timestamp, another secret, a changed body and a malformed header', () => {
    const now = 1_754_000_000;
    const body = '{"rule":"x"}';
    const good = sign(SECRET, now, body);
    expect(verifySignature(SECRET, String(now), body, good, 300, now + 299)).toBe(true);
    expect(verifySignature(SECRET, String(now), body, good, 300, now + 301)).toBe(false);
    expect(verifySignature(SECRET, String(now), body, good, 300, now - 301)).toBe(false);
    expect(verifySignature('other', String(now), body, good, 300, now)).toBe(false);
    expect(verifySignature(SECRET, String(now), '{"rule":"y"}', good, 300, now)).toBe(false);
    // The timestamp is signed: moving it forward to pass the staleness check breaks the signature.
    expect(verifySignature(SECRET, String(now + 600), body, good, 300, now + 600)).toBe(false);
    expect(verifySignature(SECRET, String(now), body, good.slice(0, -1), 300, now)).toBe(false);
    expect(verifySignature(SECRET, 'soon', body, good, 300, now)).toBe(false);
  });

  test('a non-2xx answer, a missing secret and a receiver that never answers are clear failures', async () => {
    const rx = track(await startWebhookReceiver(SECRET, (n) => (n === 0 ? { status: 503 } : 'hang')));
    const channel: ChannelConfig = { name: 'analysts', type: 'webhook', url: rx.url, secretEnv: 'PX_SECRET' };
    const refused = await sendOnChannel(channel, alert, ctx).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DeliveryError);
    expect((refused as DeliveryError).status).toBe(503);
    expect((refused as DeliveryError).message).toMatch(/HTTP 503 Service Unavailable: receiver says no/);

    const unanswered = await sendOnChannel(channel, alert, { ...ctx, timeoutMs: 300 }).catch((e: unknown) => e);
    expect(unanswered).toBeInstanceOf(DeliveryError);
    expect((unanswered as DeliveryError).message).toMatch(/no response within 300 ms/);

    const noSecret = await sendOnChannel(channel, alert, { ...ctx, env: {} }).catch((e: unknown) => e);
    expect((noSecret as DeliveryError).message).toMatch(/environment variable PX_SECRET .*is not set/);
    expect(rx.requests).toHaveLength(2);
  });

  test('a refused connection is a failure naming the receiver by its origin (a webhook path can be a credential)', async () => {
    const rx = await startWebhookReceiver(SECRET);
    await rx.close();
    const channel: ChannelConfig = { name: 'analysts', type: 'webhook', url: rx.url, secretEnv: 'PX_SECRET' };
    await expect(sendOnChannel(channel, alert, ctx)).rejects.toThrow(new RegExp(`^POST ${new URL(rx.url).origin}/\\[REDACTED\\]: ECONNREFUSED`));
  });
});

describe('slack', () => {
  test('an incoming-webhook payload: text and blocks naming the conflict and the unique claim', async () => {
    const rx = track(await startWebhookReceiver(SECRET));
    const channel: ChannelConfig = { name: 'desk', type: 'slack', urlEnv: 'PX_SLACK_URL' };
    await sendOnChannel(channel, alert, { ...ctx, env: { PX_SLACK_URL: rx.url } });
    const [req] = rx.requests;
    expect(req!.delivery).toBe('dl-test-1');
    const body = req!.body as { text: string; blocks: { type: string; text?: { text: string } }[] };
    expect(body.text).toContain('[sahel-hostages] divergence: Hostages released in northern Mali');
    expect(body.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: '[sahel-hostages] divergence: Hostages released in northern Mali' } });
    const texts = body.blocks.map((b) => b.text?.text ?? '').join('\n');
    expect(texts).toContain('hostages released: 4 (a.example/news/1) vs 5 (b.example/news/2)');
    expect(texts).toContain('"A ransom was paid" (only b.example/news/2)');
  });

  test('text from articles cannot inject mrkdwn links or mentions; many alerts stay within 50 blocks', () => {
    const payload = sampleAlert({ payload: { ...sampleAlert().payload, summary: 'Ping <!channel> & <http://evil|here>' } }).payload;
    const one = slackPayload({ kind: 'alert', payload });
    expect(JSON.stringify(one)).not.toContain('<!channel>');
    expect(JSON.stringify(one)).toContain('&lt;!channel&gt; &amp; &lt;http://evil|here&gt;');
    const digest = slackPayload({
      kind: 'digest',
      payload: { digest: true, rule: 'r', mode: 'hourly', period: { start: 'a', end: 'b' }, alerts: Array.from({ length: 30 }, () => payload), createdAt: 'c' },
    });
    expect(digest.blocks.length).toBeLessThanOrEqual(50);
    expect(digest.text).toContain('[r] hourly digest: 30 alerts');
  });
});

describe('e-mail', () => {
  test('SMTP delivers plain text and HTML summarising the comparison, with the delivery id', async () => {
    const smtp = track(await startSmtpReceiver());
    const channel: ChannelConfig = {
      name: 'desk-mail', type: 'email', host: '127.0.0.1', port: smtp.port, secure: false,
      from: 'parallax@example.org', to: ['analyst@example.org', 'lead@example.org'], auth: null,
    };
    const r = await sendOnChannel(channel, alert, ctx);
    expect(r.status).toBe(250);
    expect(smtp.mails).toHaveLength(1);
    const mail = smtp.mails[0]!;
    expect(mail.subject).toBe('Parallax: [sahel-hostages] divergence: Hostages released in northern Mali');
    expect(mail.headers.get('x-parallax-delivery')).toBe('dl-test-1');
    expect(mail.messageId).toBe('<dl-test-1@parallax>');
    expect((Array.isArray(mail.to) ? mail.to : [mail.to]).flatMap((t) => t!.value.map((v) => v.address))).toEqual(['analyst@example.org', 'lead@example.org']);
    expect(mail.text).toContain('Conflicting figures:\n- hostages released: 4 (a.example/news/1) vs 5 (b.example/news/2)');
    expect(mail.text).toContain('Unique claims:\n- "A ransom was paid" (only b.example/news/2)');
    expect(mail.text).toContain('Comparison: http://parallax.local/events/ev-1');
    expect(mail.html).toContain('<h3>Conflicting figures</h3><ul><li>hostages released: 4 (a.example/news/1) vs 5 (b.example/news/2)</li></ul>');
    expect(mail.html).toContain('<li>&quot;A ransom was paid&quot; (only b.example/news/2)</li>');
    expect(mail.html).toContain('<a href="http://parallax.local/events/ev-1">Comparison</a>');
  });

  test('an unreachable SMTP server is a failure naming it', async () => {
    const smtp = await startSmtpReceiver();
    await smtp.close();
    const channel: ChannelConfig = { name: 'm', type: 'email', host: '127.0.0.1', port: smtp.port, secure: false, from: 'a@example.org', to: ['b@example.org'], auth: null };
    await expect(sendOnChannel(channel, alert, ctx)).rejects.toThrow(new RegExp(`SMTP 127.0.0.1:${smtp.port}: ESOCKET connect ECONNREFUSED`));
  });
});
