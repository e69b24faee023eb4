// Evaluation maths for the civility classifier, kept pure so it can be tested.

export interface Confusion { tp: number; fp: number; tn: number; fn: number }

export interface Metrics {
  n: number;
  /** ROC AUC; null when only one class is present. */
  auc: number | null;
  /** null when nothing was flagged. */
  precision: number | null;
  /** null when there are no positives. */
  recall: number | null;
  /** False-positive rate; null when there are no negatives. */
  fpr: number | null;
}

/** Counts at `score >= threshold` means positive. */
export function confusion(scores: readonly number[], positive: readonly boolean[], threshold: number): Confusion {
  const c: Confusion = { tp: 0, fp: 0, tn: 0, fn: 0 };
  for (let i = 0; i < scores.length; i++) {
    const flagged = scores[i] >= threshold;
    if (positive[i]) flagged ? c.tp++ : c.fn++;
    else flagged ? c.fp++ : c.tn++;
  }
  return c;
}

/**
 * ROC AUC as the Mann-Whitney statistic: the chance a random positive outscores
 * a random negative, ties counting one half (average ranks over tied scores).
 */
export function rocAuc(scores: readonly number[], positive: readonly boolean[]): number | null {
  const idx = scores.map((_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let nPos = 0;
  for (const p of positive) if (p) nPos++;
  const nNeg = scores.length - nPos;
  if (nPos === 0 || nNeg === 0) return null;
  let rankSumPos = 0;
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && scores[idx[j + 1]] === scores[idx[i]]) j++;
    const avgRank = (i + j) / 2 + 1; // ranks are 1-based
    for (let k = i; k <= j; k++) if (positive[idx[k]]) rankSumPos += avgRank;
    i = j + 1;
  }
  return (rankSumPos - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

export function metrics(scores: readonly number[], positive: readonly boolean[], threshold: number): Metrics {
  const c = confusion(scores, positive, threshold);
  return {
    n: scores.length,
    auc: rocAuc(scores, positive),
    precision: ratio(c.tp, c.tp + c.fp),
    recall: ratio(c.tp, c.tp + c.fn),
    fpr: ratio(c.fp, c.fp + c.tn),
  };
}

/** The part of a `source` before the first "/" ("kaggle-x/train#row1" -> "kaggle-x"). */
export function sourcePrefix(source: string | undefined): string {
  if (!source) return '(none)';
  const slash = source.indexOf('/');
  return slash < 0 ? source : source.slice(0, slash);
}
