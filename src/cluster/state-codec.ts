import { gunzipSync, gzipSync } from 'node:zlib';

/**
 * A compact, generic encoding of the clusterer's state: JSON that keeps Maps, Sets, Uint32Arrays
 * (MinHash signatures) and infinite numbers, gzipped. Generic, so a field added to EventState or to
 * an index's state is carried without touching this file.
 */
function replacer(this: unknown, _key: string, value: unknown): unknown {
  if (value instanceof Map) return { $map: [...value] };
  if (value instanceof Set) return { $set: [...value] };
  if (value instanceof Uint32Array) return { $u32: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
  if (typeof value === 'number' && !Number.isFinite(value)) return { $num: String(value) };
  return value;
}

function reviver(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const o = value as Record<string, unknown>;
  if ('$map' in o) return new Map(o.$map as [unknown, unknown][]);
  if ('$set' in o) return new Set(o.$set as unknown[]);
  if ('$u32' in o) {
    const bytes = Buffer.from(o.$u32 as string, 'base64');
    // Copied into an aligned buffer of its own: a Buffer may start anywhere in a shared pool.
    return new Uint32Array(new Uint8Array(bytes).buffer);
  }
  if ('$num' in o) return Number(o.$num);
  return value;
}

/** Little-endian signatures: snapshots are read on the machine kind that wrote them (x86, ARM). */
export function encodeState(value: unknown): Uint8Array {
  return gzipSync(JSON.stringify(value, replacer), { level: 1 });
}

export function decodeState<T>(bytes: Uint8Array): T {
  return JSON.parse(gunzipSync(bytes).toString('utf8'), reviver) as T;
}
