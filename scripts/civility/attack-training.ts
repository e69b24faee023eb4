// Fitting, cross-validation and threshold choice for the attack model.

import { NON_POSITIVE_FEATURES, attackFeatures } from '../../server/moderation/civility/attack-features.ts';
import { tokenize } from '../../server/moderation/civility/tokenize.ts';
import { type Example, fnv1a } from './data.ts';
import { type LogisticModel, type SparseRow, predict, trainLogistic } from './logistic.ts';
import { confusion, rocAuc, sourcePrefix } from './metrics.ts';

export interface Params { l2: number; ruleL2Scale: number; epochs: number; minDf: number; cmvOkWeight: number; learningRate: number }

// Chosen by `--cv` on the train split (see README).
export const PARAMS: Params = { l2: 0.3, ruleL2Scale: 1, epochs: 5, minDf: 3, cmvOkWeight: 2, learningRate: 0.1 };

/** Sharp-but-civil ChangeMyView replies may be flagged at most this often (cross-validated). */
export const TARGET_CMV_OK_FPR = 0.03;
export const CMV = 'habernal2018-cmv-adhominem';
/** Weights smaller than this are dropped from the shipped file. */
export const PRUNE = 0.05;
const SEED = 20180601;

export type Bag = Map<string, number>;

export function featurize(rows: readonly Example[]): Bag[] {
  return rows.map((r) => {
    const bag: Bag = new Map();
    for (const [name, hit] of attackFeatures(tokenize(r.text))) bag.set(name, hit.value);
    return bag;
  });
}

function isRule(name: string): boolean {
  return name.startsWith('R:') || name.startsWith('P:') || name.startsWith('L:');
}

export function vocabulary(bags: readonly Bag[], minDf: number): string[] {
  const df = new Map<string, number>();
  for (const b of bags) for (const name of b.keys()) df.set(name, (df.get(name) ?? 0) + 1);
  return [...df].filter(([name, n]) => n >= minDf || isRule(name)).map(([name]) => name).sort();
}

export function toRows(bags: readonly Bag[], rows: readonly Example[], index: Map<string, number>, p: Params): SparseRow[] {
  return bags.map((bag, i) => {
    const idx: number[] = [];
    const val: number[] = [];
    for (const [name, v] of bag) {
      const f = index.get(name);
      if (f !== undefined) { idx.push(f); val.push(v); }
    }
    const y = rows[i].label === 'attack' ? 1 : 0;
    const cmvOk = y === 0 && sourcePrefix(rows[i].source) === CMV;
    return { idx: Int32Array.from(idx), val: Float64Array.from(val), y, weight: cmvOk ? p.cmvOkWeight : 1 };
  });
}

export function fit(bags: readonly Bag[], rows: readonly Example[], p: Params) {
  const names = vocabulary(bags, p.minDf);
  const index = new Map(names.map((n, i) => [n, i]));
  const nonPositive = new Uint8Array(names.length);
  const l2Scale = new Float64Array(names.length).fill(1);
  names.forEach((n, i) => {
    if (NON_POSITIVE_FEATURES.has(n)) nonPositive[i] = 1;
    if (isRule(n)) l2Scale[i] = p.ruleL2Scale;
  });
  const model = trainLogistic(toRows(bags, rows, index, p), names.length, {
    epochs: p.epochs, l2: p.l2, learningRate: p.learningRate, seed: SEED, nonPositive, l2Scale,
  });
  return { names, index, model };
}

export function scoreWith(fitted: { index: Map<string, number>; model: LogisticModel }, bags: readonly Bag[], rows: readonly Example[], p: Params) {
  return toRows(bags, rows, fitted.index, p).map((r) => predict(fitted.model, r));
}

/** Out-of-fold scores from k-fold cross-validation inside the train split. */
export function crossValidate(bags: readonly Bag[], rows: readonly Example[], p: Params, k = 5): number[] {
  const fold = rows.map((r) => fnv1a('cv:' + (r.source ?? r.text)) % k);
  const oof = new Array<number>(rows.length).fill(0);
  for (let f = 0; f < k; f++) {
    const tr = rows.map((_, i) => i).filter((i) => fold[i] !== f);
    const te = rows.map((_, i) => i).filter((i) => fold[i] === f);
    const fitted = fit(tr.map((i) => bags[i]), tr.map((i) => rows[i]), p);
    const s = scoreWith(fitted, te.map((i) => bags[i]), te.map((i) => rows[i]), p);
    te.forEach((i, j) => { oof[i] = s[j]; });
  }
  return oof;
}

/** Lowest threshold whose CMV-ok false-positive rate stays within the target. */
export function pickThreshold(scores: readonly number[], rows: readonly Example[]): number {
  const okScores = rows
    .map((r, i) => (r.label !== 'attack' && sourcePrefix(r.source) === CMV ? scores[i] : -1))
    .filter((s) => s >= 0)
    .sort((a, b) => b - a);
  const allowed = Math.floor(okScores.length * TARGET_CMV_OK_FPR);
  const t = okScores[allowed] ?? 0.5; // strictly above the (allowed+1)-th highest ok score
  return Math.round((t + 1e-4) * 10000) / 10000;
}

export function summary(scores: readonly number[], rows: readonly Example[], threshold: number) {
  const pos = rows.map((r) => r.label === 'attack');
  const c = confusion(scores, pos, threshold);
  const cmv = rows.map((r, i) => [r, i] as const).filter(([r]) => sourcePrefix(r.source) === CMV);
  const cc = confusion(cmv.map(([, i]) => scores[i]), cmv.map(([r]) => r.label === 'attack'), threshold);
  const f = (x: number) => x.toFixed(3);
  return `auc ${f(rocAuc(scores, pos) ?? NaN)}  threshold ${threshold}  recall ${f(c.tp / (c.tp + c.fn))}  precision ${f(c.tp / (c.tp + c.fp))}  cmv-ok fpr ${f(cc.fp / (cc.fp + cc.tn))}  cmv recall ${f(cc.tp / (cc.tp + cc.fn))}`;
}

