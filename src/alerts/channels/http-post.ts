import { STATUS_CODES } from 'node:http';
import { request } from 'undici';
import { DEFAULT_USER_AGENT } from '../../fetch/index.js';
import { redactUrl } from '../../redact.js';
import { DeliveryError, type SendResult } from './message.js';

/** Enough of an error response to say what the receiver objected to, never more. */
const ERROR_EXCERPT_BYTES = 300;

/**
 * POSTs a JSON body (already serialised: a webhook signs these exact bytes). 2xx is success;
 * any other status, a timeout or a network failure is a DeliveryError saying which. No redirects
 * are followed: a signed body re-sent elsewhere is not what the operator configured. Errors name
 * the receiver by its origin only: a webhook URL's path can be its credential (Slack's is).
 */
export async function postJson(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<SendResult> {
  const started = Date.now();
  const target = redactUrl(url);
  let res: Awaited<ReturnType<typeof request>>;
  try {
    res = await request(url, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', 'user-agent': DEFAULT_USER_AGENT, ...headers },
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    const e = err as Error & { code?: string };
    if (e.name === 'TimeoutError' || e.code === 'UND_ERR_HEADERS_TIMEOUT') {
      throw new DeliveryError(`POST ${target}: no response within ${timeoutMs} ms`);
    }
    throw new DeliveryError(`POST ${target}: ${e.code ? `${e.code} ` : ''}${e.message} after ${Date.now() - started} ms`);
  }
  const status = res.statusCode;
  if (status >= 200 && status < 300) {
    await res.body.dump().catch(() => {});
    return { status };
  }
  const excerpt = await readExcerpt(res.body);
  throw new DeliveryError(`POST ${target}: HTTP ${status} ${STATUS_CODES[status] ?? ''}`.trimEnd() + (excerpt ? `: ${excerpt}` : ''), status);
}

async function readExcerpt(body: AsyncIterable<Buffer> & { destroy(): unknown }): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body) {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= ERROR_EXCERPT_BYTES) break;
    }
  } catch {
    // The status already says the request failed; the excerpt is a courtesy.
  } finally {
    body.destroy();
  }
  return Buffer.concat(chunks).subarray(0, ERROR_EXCERPT_BYTES).toString('utf8').replace(/\s+/g, ' ').trim();
}
