import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { verifySignature } from '../../src/alerts/channels/index.js';
import type { AlertRecord } from '../../src/alerts/types.js';

export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  raw: string;
  body: unknown;
  /** The signature verified with the receiver's secret (a webhook receiver's first check). */
  verified: boolean;
  delivery: string | undefined;
  /** When the request arrived (Date.now()), for tests that bound how soon an alert arrives. */
  at: number;
}

/** What the n-th request (0-based) gets: a status, or no answer at all (the sender's timeout, or a kill). */
export type Reply = { status: number } | 'hang';

export interface WebhookReceiver {
  url: string;
  requests: ReceivedRequest[];
  close(): Promise<void>;
}

/**
 * A webhook receiver on 127.0.0.1, verifying signatures as a real one would (with the helper
 * receivers are told to copy). `reply(n)` decides the fate of the n-th request.
 */
export async function startWebhookReceiver(secret: string, reply: (n: number) => Reply = () => ({ status: 200 })): Promise<WebhookReceiver> {
  const requests: ReceivedRequest[] = [];
  const hanging = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const ts = String(req.headers['x-parallax-timestamp'] ?? '');
      const sig = String(req.headers['x-parallax-signature'] ?? '');
      const n = requests.length;
      requests.push({
        headers: req.headers,
        raw,
        body: JSON.parse(raw),
        verified: verifySignature(secret, ts, raw, sig, 300),
        delivery: req.headers['x-parallax-delivery'] as string | undefined,
        at: Date.now(),
      });
      const r = reply(n);
      if (r === 'hang') {
        hanging.add(res);
        return;
      }
      res.writeHead(r.status, { 'content-type': 'text/plain' }).end(r.status < 300 ? 'ok' : 'receiver says no');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    requests,
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

export interface SmtpReceiver {
  port: number;
  mails: ParsedMail[];
  close(): Promise<void>;
}

/** A local SMTP server (smtp-server) that accepts every message and parses it (mailparser). */
export async function startSmtpReceiver(): Promise<SmtpReceiver> {
  const mails: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((m) => {
          mails.push(m);
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.server.address() as AddressInfo;
  return { port, mails, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** A divergence alert of the hostage story, with a conflicting figure and a unique claim. */
export function sampleAlert(overrides: Partial<AlertRecord> & { id?: string } = {}): AlertRecord {
  const id = overrides.id ?? 'al-0001';
  const rule = overrides.rule ?? 'sahel-hostages';
  return {
    id,
    rule,
    trigger: 'divergence',
    eventId: 'ev-1',
    channels: ['analysts'],
    mode: 'now',
    ...overrides,
    payload: {
      id,
      rule,
      trigger: 'divergence',
      summary: 'New conflicting figure: hostages released 4 vs 5',
      event: {
        id: 'ev-1',
        title: 'Hostages released in northern Mali',
        articles: ['http://a.example/news/1', 'http://b.example/news/2'],
        outlets: ['Alpha', 'Beta'],
        countries: ['ML', 'FR'],
        languages: ['en', 'fr'],
        firstSeen: '2025-08-01T08:00:00.000Z',
        lastUpdated: '2025-08-01T10:00:00.000Z',
        url: 'http://parallax.local/events/ev-1',
      },
      conflicts: [
        {
          about: 'hostages released',
          kind: 'count',
          values: [
            { value: '4', articles: ['http://a.example/news/1'], quotes: ['Four hostages were released.'] },
            { value: '5', articles: ['http://b.example/news/2'], quotes: ['Cinq otages ont été libérés.'] },
          ],
        },
      ],
      claims: [
        {
          text: 'A ransom was paid',
          wordings: [{ url: 'http://b.example/news/2', language: 'fr', text: 'Une rançon a été versée' }],
          articles: ['http://b.example/news/2'],
          shared: false,
          unique: true,
          uniqueTo: { kind: 'account', url: 'http://b.example/news/2' },
        },
      ],
      createdAt: '2025-08-01T10:00:00.000Z',
      ...(overrides.payload ?? {}),
    },
  };
}
