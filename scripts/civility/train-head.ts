// Trains one linear head: L2-regularised logistic regression over hashed features, AdaGrad
// SGD with a seeded shuffle, so the same data always gives the same weights.

import type { Rows } from './rows.ts';

export interface HeadOptions {
  bits: number;
  kinds: number;
  epochs: number;
  l2: number;
  learningRate: number;
  seed: number;
  /** Feature hashes whose weight is kept at or below zero (projected after each step). */
  nonPositive?: readonly number[];
}

export interface TrainedHead {
  bits: number;
  kinds: number;
  bias: number;
  w: Float32Array;
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `examples`: row indices; `y` and `weight` per example (same order). */
export function trainHead(rows: Rows, examples: readonly number[], y: readonly number[], weight: readonly number[], o: HeadOptions): TrainedHead {
  const size = 1 << o.bits;
  const mask = size - 1;
  const w = new Float32Array(size);
  const g2 = new Float32Array(size).fill(1e-6);
  let bias = 0;
  let b2 = 1e-6;
  const rand = mulberry32(o.seed);
  const order = examples.map((_, i) => i);
  const { hash, value, kind, offsets } = rows;
  const capped = new Uint8Array(size);
  for (const h of o.nonPositive ?? []) capped[h & mask] = 1;
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const k of order) {
      const r = examples[k];
      const from = offsets[r];
      const to = offsets[r + 1];
      let z = bias;
      for (let q = from; q < to; q++) if (kind[q] & o.kinds) z += w[hash[q] & mask] * value[q];
      const p = 1 / (1 + Math.exp(-z));
      const err = (p - y[k]) * weight[k];
      b2 += err * err;
      bias -= (o.learningRate * err) / Math.sqrt(b2);
      for (let q = from; q < to; q++) {
        if (!(kind[q] & o.kinds)) continue;
        const f = hash[q] & mask;
        const g = err * value[q] + o.l2 * w[f];
        g2[f] += g * g;
        w[f] -= (o.learningRate * g) / Math.sqrt(g2[f]);
        if (capped[f] && w[f] > 0) w[f] = 0;
      }
    }
  }
  return { bits: o.bits, kinds: o.kinds, bias, w };
}

/** The head's raw score (before calibration) for each row. */
export function logits(head: TrainedHead, rows: Rows, examples: readonly number[]): number[] {
  const mask = (1 << head.bits) - 1;
  const { hash, value, kind, offsets } = rows;
  return examples.map((r) => {
    let z = head.bias;
    for (let q = offsets[r]; q < offsets[r + 1]; q++) if (kind[q] & head.kinds) z += head.w[hash[q] & mask] * value[q];
    return z;
  });
}
