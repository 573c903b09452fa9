import { DefaultDeserializer, DefaultSerializer } from 'node:v8';
import { gunzipSync, gzipSync } from 'node:zlib';

/**
 * The clusterer's state encoded for a snapshot: V8's structured serialisation (Maps, Sets,
 * Uint32Arrays and infinite numbers as they are, in native code: several times faster than JSON
 * with a replacer and reviver, and no text for numbers), behind a header naming the format: plain
 * (a snapshot: its largest parts, signatures and encoded closed events, do not compress, and a
 * gzipped copy beside the plain one would double what a start holds) or gzipped (a closed event,
 * kept for weeks). Generic, so a field added to EventState or to an index's state is carried
 * without touching this file. V8 reads what an older V8 wrote; a snapshot of another format is refused.
 */
const MAGIC = [0x50, 0x58, 0x53]; // "PXS"
/** Formats read: 2 is gzipped, 3 plain; 1 was gzipped JSON. A new encoding takes a new number. */
const GZIPPED = 2;
const PLAIN = 3;
export const STATE_FORMAT = PLAIN;

/** Thrown for bytes that are not a snapshot of this format (an older one, gzipped JSON, say). */
export class StateFormatError extends Error {}

/**
 * Typed arrays copied out of the decoded buffer: a view would keep the whole snapshot alive. A
 * Buffer's slice() is a view, so a Buffer comes back as a Uint8Array of its own.
 */
const readHostObject = (DefaultDeserializer.prototype as unknown as { _readHostObject(): Uint8Array })._readHostObject;
class CopyingDeserializer extends DefaultDeserializer {
  /** Node's hook for typed arrays (undeclared in its types). */
  _readHostObject(): unknown {
    const view = readHostObject.call(this);
    return Buffer.isBuffer(view) ? new Uint8Array(view) : view.slice();
  }
}

export function encodeState(value: unknown, options: { gzip: boolean } = { gzip: false }): Uint8Array {
  const serializer = new DefaultSerializer();
  if (!options.gzip) serializer.writeRawBytes(Buffer.from([...MAGIC, PLAIN]));
  serializer.writeHeader();
  serializer.writeValue(value);
  const bytes = options.gzip
    ? Buffer.concat([Buffer.from([...MAGIC, GZIPPED]), gzipSync(serializer.releaseBuffer(), { level: 1 })])
    : serializer.releaseBuffer();
  // A small result is a slice of Node's shared pool, which it would keep alive as long as it is kept.
  return bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
}

export function decodeState<T>(bytes: Uint8Array): T {
  const format = MAGIC.every((b, i) => bytes[i] === b) ? bytes[MAGIC.length] : 1;
  if (format !== PLAIN && format !== GZIPPED) throw new StateFormatError(`snapshot format ${format}, this version reads ${GZIPPED} and ${PLAIN}`);
  const body = bytes.subarray(MAGIC.length + 1);
  const deserializer = new CopyingDeserializer(format === GZIPPED ? gunzipSync(body) : Buffer.from(body.buffer, body.byteOffset, body.byteLength));
  deserializer.readHeader();
  return deserializer.readValue() as T;
}
