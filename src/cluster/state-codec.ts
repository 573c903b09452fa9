import { DefaultDeserializer, DefaultSerializer } from 'node:v8';
import { gunzipSync, gzipSync } from 'node:zlib';

/**
 * The clusterer's state encoded for a snapshot: V8's structured serialisation (Maps, Sets,
 * Uint32Arrays and infinite numbers as they are, in native code: several times faster than JSON
 * with a replacer and reviver, and no text for numbers), gzipped, behind a header naming the
 * format. Generic, so a field added to EventState or to an index's state is carried without
 * touching this file. V8 reads what an older V8 wrote; a snapshot of another format is refused.
 */
const MAGIC = [0x50, 0x58, 0x53]; // "PXS"
/** Bumped whenever the encoding changes: a snapshot of another format is refused, not misread. */
export const STATE_FORMAT = 2;

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

export function encodeState(value: unknown): Uint8Array {
  const serializer = new DefaultSerializer();
  serializer.writeHeader();
  serializer.writeValue(value);
  const bytes = Buffer.concat([Buffer.from([...MAGIC, STATE_FORMAT]), gzipSync(serializer.releaseBuffer(), { level: 1 })]);
  // A small result is a slice of Node's shared pool, which it would keep alive as long as it is kept.
  return bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
}

export function decodeState<T>(bytes: Uint8Array): T {
  const format = MAGIC.every((b, i) => bytes[i] === b) ? bytes[MAGIC.length] : 1;
  if (format !== STATE_FORMAT) throw new StateFormatError(`snapshot format ${format}, this version reads ${STATE_FORMAT}`);
  const deserializer = new CopyingDeserializer(gunzipSync(bytes.subarray(MAGIC.length + 1)));
  deserializer.readHeader();
  return deserializer.readValue() as T;
}
