// Logistic regression over the attack features. The weights are learned by
// scripts/train-civility.ts and stored as two parallel arrays in weights.json
// (readable, diffable, and small because near-zero weights are dropped).

import { attackFeatures } from './attack-features.ts';
import type { Token } from './tokenize.ts';
import type { CivilitySpan } from './types.ts';
import model from './weights.json';

export interface AttackModelFile {
  /** Score at or above which a comment is treated as an attack. */
  threshold: number;
  bias: number;
  names: string[];
  weights: number[];
}

const file: AttackModelFile = model;
const WEIGHTS = new Map<string, number>();
for (let i = 0; i < file.names.length; i++) WEIGHTS.set(file.names[i], file.weights[i]);

export const ATTACK_THRESHOLD = file.threshold;

/** Contributions smaller than this are not worth showing as an explanation. */
const MIN_SPAN_WEIGHT = 0.25;

export function scoreAttack(tokens: readonly Token[]): { score: number; spans: CivilitySpan[] } {
  const bag = attackFeatures(tokens);
  let z = file.bias;
  const spans: CivilitySpan[] = [];
  for (const [name, hit] of bag) {
    const w = WEIGHTS.get(name);
    if (w === undefined) continue;
    const c = w * hit.value;
    z += c;
    if (c < MIN_SPAN_WEIGHT) continue;
    for (const [start, end] of hit.spans) {
      if (end > start) spans.push({ start, end, label: 'attack', weight: Math.round(c * 1000) / 1000 });
    }
  }
  return { score: 1 / (1 + Math.exp(-z)), spans };
}
