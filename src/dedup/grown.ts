type Growable = Uint8Array | Uint32Array | Int32Array;

/**
 * A copy of `a` with room for at least `atLeast` elements (doubling, so appends cost amortised
 * constant time); the new elements are `fill`.
 */
export function grown<T extends Growable>(a: T, atLeast: number, fill = 0): T {
  const b = new (a.constructor as new (n: number) => T)(Math.max(atLeast, a.length * 2));
  if (fill !== 0) b.fill(fill);
  b.set(a);
  return b;
}
