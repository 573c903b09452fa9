/**
 * Weighted logistic regression fitted by Newton's method (IRLS) with a small ridge: a handful of
 * features, so each step solves a small linear system exactly; no randomness, same data same fit.
 */
export function fitLogistic(xs: readonly number[][], ys: readonly number[], ws: readonly number[], ridge: number, iterations = 30): { weights: number[]; bias: number } {
  const d = xs[0]!.length + 1;
  const beta = new Array<number>(d).fill(0);
  for (let it = 0; it < iterations; it++) {
    const g = new Array<number>(d).fill(0);
    const h = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (let i = 0; i < xs.length; i++) {
      const x = [1, ...xs[i]!];
      let z = 0;
      for (let j = 0; j < d; j++) z += beta[j]! * x[j]!;
      const p = 1 / (1 + Math.exp(-z));
      const w = ws[i]!;
      const r = w * (ys[i]! - p);
      const s = w * p * (1 - p);
      for (let j = 0; j < d; j++) {
        g[j] += r * x[j]!;
        const hj = h[j]!;
        for (let k = j; k < d; k++) hj[k] += s * x[j]! * x[k]!;
      }
    }
    for (let j = 0; j < d; j++) for (let k = 0; k < j; k++) h[j]![k] = h[k]![j]!;
    // Ridge on the weights, not on the bias.
    for (let j = 1; j < d; j++) (g[j] -= ridge * beta[j]!), (h[j]![j] += ridge);
    const step = solve(h, g);
    let moved = 0;
    for (let j = 0; j < d; j++) (beta[j] += step[j]!), (moved = Math.max(moved, Math.abs(step[j]!)));
    if (moved < 1e-8) break;
  }
  return { bias: beta[0]!, weights: beta.slice(1) };
}

/** Gaussian elimination with partial pivoting. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    const piv = m[c]![c]!;
    if (Math.abs(piv) < 1e-12) continue;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / piv;
      if (f === 0) continue;
      for (let k = c; k <= n; k++) m[r]![k] -= f * m[c]![k]!;
    }
  }
  return m.map((row, i) => (Math.abs(row[i]!) < 1e-12 ? 0 : row[n]! / row[i]!));
}
