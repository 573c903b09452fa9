/** 32-bit hashing helpers: FNV-1a for strings, the murmur3 finaliser to derive independent hashes. */
export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

export function fnv1a(s: string): number {
  return fnv1aUpdate(FNV_OFFSET, s) >>> 0;
}

/** Hashes `s` on from the state `h`: a text hashed in parts gives the same hash as in one string. */
export function fnv1aUpdate(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

export function fmix32(x: number): number {
  let h = x;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
