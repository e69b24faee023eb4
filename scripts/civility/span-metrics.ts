// Character-level span F1 as in SemEval-2021 Task 5 (ToxicSpans): per comment, F1 between
// the predicted and annotated character sets (1 when both are empty), averaged over comments.

export type Ranges = readonly (readonly [number, number])[];

function chars(ranges: Ranges): Set<number> {
  const s = new Set<number>();
  for (const [a, b] of ranges) for (let i = a; i < b; i++) s.add(i);
  return s;
}

export function spanF1(predicted: Ranges, gold: Ranges): number {
  const p = chars(predicted);
  const g = chars(gold);
  if (g.size === 0) return p.size === 0 ? 1 : 0;
  if (p.size === 0) return 0;
  let both = 0;
  for (const c of p) if (g.has(c)) both++;
  return (2 * both) / (p.size + g.size);
}

export function meanSpanF1(pairs: readonly { predicted: Ranges; gold: Ranges }[]): number | null {
  if (pairs.length === 0) return null;
  let sum = 0;
  for (const { predicted, gold } of pairs) sum += spanF1(predicted, gold);
  return sum / pairs.length;
}
