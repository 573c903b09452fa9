import type { Readable } from 'node:stream';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { decoderFor } from './decompress.js';
import { FetchError } from './types.js';

export interface ReadBodyOptions {
  url: string;
  /** Content-Encoding header value, e.g. "gzip" or "gzip, br". */
  contentEncoding: string | null;
  maxBytes: number;
  /** No bytes for this long: the body is given up on. */
  idleTimeoutMs: number;
  /** After `idleTimeoutMs` of body, fewer bytes a second than this on the wire: given up on too. */
  minBytesPerSecond: number;
}

/** "5 MiB", "256 KiB", "1500 bytes": how a size reads in an error message. */
export function formatBytes(n: number): string {
  if (n >= 2 ** 20 && n % 2 ** 20 === 0) return `${n / 2 ** 20} MiB`;
  if (n >= 2 ** 20) return `${(n / 2 ** 20).toFixed(1)} MiB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KiB`;
  return `${n} bytes`;
}

/**
 * Reads a response body to the end: content-encoding undone, at most `maxBytes` of decompressed
 * output (the stream is destroyed, and so the connection closed, the moment it goes over), and
 * a body that stalls or drips is cut off rather than holding a worker for the full timeout.
 */
export async function readBody(body: Readable, opts: ReadBodyOptions): Promise<Buffer> {
  const encodings = (opts.contentEncoding ?? '')
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter((e) => e !== '' && e !== 'identity');
  // Encodings are listed in the order they were applied: undo them last first.
  const decoders: Transform[] = [];
  for (const enc of [...encodings].reverse()) {
    const d = decoderFor(enc);
    if (d === null) {
      abandon(body);
      throw new FetchError('decode', `unsupported content-encoding "${enc}" for ${opts.url}`, opts.url);
    }
    if (d !== 'identity') decoders.push(d);
  }
  const after = encodings.length > 0 ? ` (after ${encodings.join(', ')} decompression)` : '';

  const meter = new WireMeter(opts);
  const chunks: Buffer[] = [];
  let total = 0;
  // Thrown from inside the pipeline, but pipeline() may report the AbortError of the streams it
  // then tears down instead: remember our own reason.
  let overCap: FetchError | null = null;
  try {
    // pipeline's typings cannot express a variable number of transforms before an async sink.
    const run = pipeline as (...streams: unknown[]) => Promise<void>;
    await run(body, meter, ...decoders, async function collect(source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          total += chunk.length;
          if (total > opts.maxBytes) {
            overCap = new FetchError('too-large', `response body exceeded ${formatBytes(opts.maxBytes)} limit${after} for ${opts.url}`, opts.url);
            throw overCap;
          }
          chunks.push(chunk);
        }
    });
  } catch (err) {
    const own = overCap ?? meter.failure;
    if (own) throw own;
    if (err instanceof FetchError) throw err;
    if (isZlibError(err)) {
      throw new FetchError('decode', `could not undo ${encodings.join(', ')} content-encoding (${(err as Error).message}) for ${opts.url}`, opts.url);
    }
    throw err;
  } finally {
    meter.stop();
  }
  return Buffer.concat(chunks, total);
}

/**
 * Drops a body we will not read, closing its connection. undici's body then emits an AbortError
 * that nobody else listens to: without a listener it would crash the process.
 */
export function abandon(body: Readable): void {
  body.on('error', () => {});
  body.destroy();
}

function isZlibError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('Z_') || code.startsWith('ERR_BROTLI') || code === 'ERR__ERROR_FORMAT_PADDING_1');
}

/**
 * Passes wire bytes through unchanged, watching their pace: no bytes for `idleTimeoutMs`, or an
 * average below `minBytesPerSecond` once the body has been arriving for `idleTimeoutMs`, is a
 * 'timeout'. A server that sends a byte every second would otherwise keep a socket and a worker
 * busy until the total timeout, and a slow-loris one never trips an idle timer at all.
 */
class WireMeter extends Transform {
  private readonly started = performance.now();
  private bytes = 0;
  private timer: NodeJS.Timeout | null = null;
  /** Why the meter cut the body, if it did. */
  failure: FetchError | null = null;

  constructor(private readonly opts: ReadBodyOptions) {
    super();
    this.arm();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    const elapsed = performance.now() - this.started;
    if (elapsed > this.opts.idleTimeoutMs && (this.bytes * 1000) / elapsed < this.opts.minBytesPerSecond) {
      return done(
        (this.failure = new FetchError(
          'timeout',
          `response body too slow (${Math.round((this.bytes * 1000) / elapsed)} bytes/s, under ${this.opts.minBytesPerSecond}) for ${this.opts.url}`,
          this.opts.url,
        )),
      );
    }
    this.arm();
    done(null, chunk);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  override _flush(done: TransformCallback): void {
    this.stop();
    done();
  }

  private arm(): void {
    this.stop();
    if (!(this.opts.idleTimeoutMs > 0)) return;
    this.timer = setTimeout(() => {
      this.failure = new FetchError('timeout', `response body stalled: no data for ${this.opts.idleTimeoutMs} ms (idle timeout) for ${this.opts.url}`, this.opts.url);
      this.destroy(this.failure);
    }, this.opts.idleTimeoutMs);
  }
}
