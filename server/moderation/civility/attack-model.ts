// Logistic regression over the attack features (weights: attack-weights.ts).

import { analyzeAttack, attackFeatures, isPlain } from './attack-features.ts';
import {
  FIRST_OF_BIGRAM, MODEL, RULES, SECOND_OF_BIGRAM, W, bigramId, resolve,
} from './attack-weights.ts';
import { matchPhrases } from './civility-phrases.ts';
import type { PhraseMatch } from './phrases.ts';
import { SENTENCE_START, type Tokens } from './tokens.ts';
import type { CivilitySpan } from './types.ts';

// Features are binary: count each once per comment. A per-call stamp marks
// what has been counted, so no set is allocated per comment.
const seen = new Uint32Array(MODEL.names.length);
let stamp = 0;

export const ATTACK_THRESHOLD = MODEL.threshold;

/** Contributions smaller than this are not worth showing as an explanation. */
const MIN_SPAN_WEIGHT = 0.25;

function spanWeight(c: number): number {
  return Math.round(c * 1000) / 1000;
}

export function scoreAttack(
  tokens: Tokens,
  phrases: readonly PhraseMatch[] = matchPhrases(tokens).attack,
): { score: number; spans: CivilitySpan[] } {
  const { rules, ngramScale } = analyzeAttack(tokens, phrases);
  const { start, end } = tokens;
  stamp = stamp === 0xffffffff ? 1 : stamp + 1;
  if (stamp === 1) seen.fill(0);
  let z = MODEL.bias;
  const spans: CivilitySpan[] = [];

  for (const r of rules) {
    const id = RULES.get(r.name);
    if (id === undefined) continue;
    const c = W[id];
    if (seen[id] !== stamp) {
      seen[id] = stamp;
      z += c;
    }
    if (c >= MIN_SPAN_WEIGHT && r.end > r.start) spans.push({ start: r.start, end: r.end, label: 'attack', weight: spanWeight(c) });
  }

  let prevVid = -1;
  let prevRole = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (!isPlain(tokens, i)) {
      prevVid = -1;
      continue;
    }
    const info = tokens.word[i];
    if (info.vocabId === -2) resolve(info);
    const vid = info.vocabId;
    const uid = info.unigramId;
    if (uid >= 0 && seen[uid] !== stamp) {
      seen[uid] = stamp;
      const c = W[uid] * ngramScale;
      z += c;
      if (c >= MIN_SPAN_WEIGHT) spans.push({ start: start[i], end: end[i], label: 'attack', weight: spanWeight(c) });
    }
    // Only pairs whose words both take part in some bigram are worth a probe.
    if (prevVid >= 0 && prevRole & FIRST_OF_BIGRAM && info.bigramRole & SECOND_OF_BIGRAM && !tokens.has(i, SENTENCE_START)) {
      const bid = bigramId(prevVid, vid);
      if (bid >= 0 && seen[bid] !== stamp) {
        seen[bid] = stamp;
        const c = W[bid] * ngramScale;
        z += c;
        if (c >= MIN_SPAN_WEIGHT) spans.push({ start: start[i - 1], end: end[i], label: 'attack', weight: spanWeight(c) });
      }
    }
    prevVid = vid;
    prevRole = info.bigramRole;
  }
  return { score: 1 / (1 + Math.exp(-z)), spans };
}

/** Reference scorer over named features; must agree with scoreAttack (tested). */
export function scoreAttackByName(tokens: Tokens): number {
  let z = MODEL.bias;
  for (const [name, hit] of attackFeatures(tokens)) {
    const i = MODEL.names.indexOf(name);
    if (i >= 0) z += MODEL.weights[i] * hit.value;
  }
  return 1 / (1 + Math.exp(-z));
}
