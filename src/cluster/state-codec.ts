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
/**
 * Formats read: 2 is gzipped, 3 plain, 4 in parts (a snapshot: read and decoded a part at a time,
 * so a start never holds the whole encoded state beside the decoded one); 1 was gzipped JSON. A
 * new encoding takes a new number.
 */
const GZIPPED = 2;
const PLAIN = 3;
const PARTS = 4;
export const STATE_FORMAT = PARTS;
const HEADER_BYTES = MAGIC.length + 1;

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

function formatOf(head: Uint8Array): number {
  const format = MAGIC.every((b, i) => head[i] === b) ? head[MAGIC.length]! : 1;
  if (format !== PLAIN && format !== GZIPPED && format !== PARTS) throw new StateFormatError(`snapshot format ${format}, this version reads ${GZIPPED}, ${PLAIN} and ${PARTS}`);
  return format;
}

/** The `count` values serialised in `bytes`, one after the other. */
function readValues(bytes: Uint8Array, count: number): unknown[] {
  const deserializer = new CopyingDeserializer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  deserializer.readHeader();
  return Array.from({ length: count }, () => deserializer.readValue());
}

export function decodeState<T>(bytes: Uint8Array): T {
  const format = formatOf(bytes);
  if (format === PARTS) return decodeParts<T>(bytes);
  const body = bytes.subarray(HEADER_BYTES);
  return readValues(format === GZIPPED ? gunzipSync(body) : body, 1)[0] as T;
}

/**
 * A state stored elsewhere, read by ranges (`read(offset, length)`): a snapshot in parts is read
 * and decoded one part at a time, an older one whole.
 */
export async function readState<T>(size: number, read: (offset: number, length: number) => Promise<Uint8Array>): Promise<T> {
  const head = await read(0, Math.min(size, HEADER_BYTES + 4));
  if (formatOf(head) !== PARTS) return decodeState<T>(await read(0, size));
  const manifestBytes = manifestLength(head);
  const manifest = readValues(await read(HEADER_BYTES + 4, manifestBytes), 1)[0] as Manifest;
  const out = { value: undefined as unknown };
  for (const [part, at] of layout(manifest, manifestBytes)) place(out, part, readValues(await read(at, part.bytes), part.count));
  return out.value as T;
}

/**
 * A snapshot in parts: plain objects near the root are split by property and long arrays into
 * runs of about `partBytes`, each part serialised on its own, behind a manifest of where each goes.
 */
interface Part {
  /** Property names from the root to where the part goes. */
  path: string[];
  /** Items pushed onto the array at `path`, or (count 1, items false) the value at `path`. */
  items: boolean;
  count: number;
  bytes: number;
}
type Manifest = Part[];

export interface PartsOptions {
  /** Bytes a part aims at: what a start holds of the encoded state at once. */
  partBytes: number;
  /** Levels of plain objects split by property. */
  depth: number;
}

export const DEFAULT_PARTS_OPTIONS: PartsOptions = { partBytes: 4 * 2 ** 20, depth: 3 };

const isPlainObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype;

function serialise(values: readonly unknown[]): Buffer {
  const serializer = new DefaultSerializer();
  serializer.writeHeader();
  for (const v of values) serializer.writeValue(v);
  return serializer.releaseBuffer();
}

/** Encodes a state in parts (format 4), for a snapshot. */
export function encodeStateParts(value: unknown, options: Partial<PartsOptions> = {}): Uint8Array {
  const o = { ...DEFAULT_PARTS_OPTIONS, ...options };
  const manifest: Manifest = [];
  const bodies: Buffer[] = [];
  const add = (path: string[], items: boolean, values: readonly unknown[]) => {
    const body = serialise(values);
    manifest.push({ path, items, count: values.length, bytes: body.byteLength });
    bodies.push(body);
  };
  const split = (v: unknown, path: string[], depth: number) => {
    if (isPlainObject(v) && depth < o.depth) {
      // The object itself first, so that an empty one is still there.
      add(path, false, [{}]);
      for (const [k, x] of Object.entries(v)) split(x, [...path, k], depth + 1);
    } else if (Array.isArray(v) && v.length > 1) {
      add(path, false, [[]]);
      // Runs sized from the last one's bytes per item: items vary, a run need not be exact.
      for (let at = 0, run = 64; at < v.length; ) {
        const items = v.slice(at, at + run);
        add(path, true, items);
        at += items.length;
        run = Math.max(1, Math.round((items.length * o.partBytes) / Math.max(1, bodies[bodies.length - 1]!.byteLength)));
      }
    } else add(path, false, [v]);
  };
  split(value, [], 0);
  const head = serialise([manifest]);
  const out = new Uint8Array(HEADER_BYTES + 4 + head.byteLength + bodies.reduce((n, b) => n + b.byteLength, 0));
  out.set([...MAGIC, PARTS]);
  new DataView(out.buffer).setUint32(HEADER_BYTES, head.byteLength, true);
  let at = HEADER_BYTES + 4;
  for (const b of [head, ...bodies]) (out.set(b, at), (at += b.byteLength));
  return out;
}

/** Puts a part's values where the manifest says. */
function place(root: { value: unknown }, part: Part, values: unknown[]): void {
  let holder: Record<string, unknown> = root;
  let key = 'value';
  for (const name of part.path) {
    holder = holder[key] as Record<string, unknown>;
    key = name;
  }
  if (!part.items) holder[key] = values[0];
  else for (const v of values) (holder[key] as unknown[]).push(v);
}

const manifestLength = (head: Uint8Array) => new DataView(head.buffer, head.byteOffset + HEADER_BYTES, 4).getUint32(0, true);

/** Each part of a snapshot with the offset its bytes start at. */
function* layout(manifest: Manifest, manifestBytes: number): Generator<[Part, number]> {
  let at = HEADER_BYTES + 4 + manifestBytes;
  for (const part of manifest) {
    yield [part, at];
    at += part.bytes;
  }
}

function decodeParts<T>(bytes: Uint8Array): T {
  const manifestBytes = manifestLength(bytes);
  const manifest = readValues(bytes.subarray(HEADER_BYTES + 4, HEADER_BYTES + 4 + manifestBytes), 1)[0] as Manifest;
  const out = { value: undefined as unknown };
  for (const [part, at] of layout(manifest, manifestBytes)) place(out, part, readValues(bytes.subarray(at, at + part.bytes), part.count));
  return out.value as T;
}
