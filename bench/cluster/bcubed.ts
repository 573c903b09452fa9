/**
 * B-cubed precision, recall and F1 (Amigó et al., 2009): per item, the share of its predicted
 * cluster that shares its gold class, and the share of its gold class inside its predicted cluster,
 * each averaged over items.
 */
export interface BCubed {
  precision: number;
  recall: number;
  f1: number;
}

export function bcubed(gold: readonly string[], predicted: readonly string[]): BCubed {
  if (gold.length !== predicted.length) throw new Error('gold and predicted differ in length');
  const n = gold.length;
  if (n === 0) return { precision: 0, recall: 0, f1: 0 };
  const pair = new Map<string, number>();
  const goldSize = new Map<string, number>();
  const predSize = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const k = `${gold[i]}\u0000${predicted[i]}`;
    pair.set(k, (pair.get(k) ?? 0) + 1);
    goldSize.set(gold[i]!, (goldSize.get(gold[i]!) ?? 0) + 1);
    predSize.set(predicted[i]!, (predSize.get(predicted[i]!) ?? 0) + 1);
  }
  let p = 0;
  let r = 0;
  for (let i = 0; i < n; i++) {
    const both = pair.get(`${gold[i]}\u0000${predicted[i]}`)!;
    p += both / predSize.get(predicted[i]!)!;
    r += both / goldSize.get(gold[i]!)!;
  }
  const precision = p / n;
  const recall = r / n;
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}
