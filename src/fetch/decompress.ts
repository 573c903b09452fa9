import { Transform, type TransformCallback } from 'node:stream';
import zlib from 'node:zlib';

/**
 * Streams that undo a Content-Encoding, chunk by chunk, so that the size cap can be enforced on
 * the decompressed bytes as they come out (a 50 KiB gzip can hold 50 MiB of zeros).
 *
 * Truncated streams are flushed rather than rejected (Z_SYNC_FLUSH), as browsers and undici's own
 * fetch do: servers that cut the last few bytes of a gzip body are common enough, and a feed whose
 * final closing tag is missing is still worth parsing.
 */
export function decoderFor(encoding: string): Transform | 'identity' | null {
  switch (encoding) {
    case 'identity':
    case '':
      return 'identity';
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip({ flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH });
    case 'deflate':
      return new AutoInflate();
    case 'br':
      return zlib.createBrotliDecompress({
        flush: zlib.constants.BROTLI_OPERATION_FLUSH,
        finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH,
      });
    default:
      return null;
  }
}

/**
 * "deflate" should be a zlib stream (RFC 9110), but old IIS and some CDNs send raw deflate
 * without the zlib header. The first two bytes tell them apart: a zlib header is a CMF byte with
 * method 8 whose 16-bit value with FLG is a multiple of 31 (RFC 1950).
 */
class AutoInflate extends Transform {
  private inner: zlib.Inflate | zlib.InflateRaw | null = null;

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    if (!this.inner) {
      const zlibHeader = chunk.length >= 2 && (chunk[0]! & 0x0f) === 8 && ((chunk[0]! << 8) | chunk[1]!) % 31 === 0;
      const opts = { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH };
      this.inner = zlibHeader ? zlib.createInflate(opts) : zlib.createInflateRaw(opts);
      this.inner.on('data', (d: Buffer) => {
        // Backpressure: stop inflating until our reader wants more (see _read).
        if (!this.push(d)) this.inner?.pause();
      });
      this.inner.on('error', (err) => this.destroy(err));
    }
    // The write callback fires once zlib has taken the chunk, which it only does while its output
    // is being read: so upstream is held back too.
    this.inner.write(chunk, () => done());
  }

  override _read(size: number): void {
    this.inner?.resume();
    super._read(size);
  }

  override _flush(done: TransformCallback): void {
    if (!this.inner) return done();
    this.inner.once('end', () => done());
    this.inner.end();
  }

  override _destroy(err: Error | null, done: (error: Error | null) => void): void {
    this.inner?.destroy();
    done(err);
  }
}
