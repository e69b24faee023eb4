// Logistic regression over the attack features. The weights are learned by
// scripts/train-civility.ts and stored as two parallel arrays in weights.json
// (readable, diffable, and small because near-zero weights are dropped).

import { analyzeAttack, attackFeatures, isPlain, unigramKey } from './attack-features.ts';
import { matchPhrases } from './civility-phrases.ts';
import type { PhraseMatch } from './phrases.ts';
import type { WordInfo } from './normalize.ts';
import { SENTENCE_START, type Tokens } from './tokens.ts';
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

// Weights are indexed by small integers and looked up without building
// feature-name strings. Every word of the model's vocabulary gets a number;
// a bigram is found by the pair of numbers.
const W = Float64Array.from(file.weights);
const RULES = new Map<string, number>();
const VOCAB = new Map<string, number>();
const UNIGRAM_OF: number[] = []; // vocab id -> weight id, or -1
const BIGRAMS = new Map<number, number>(); // first * VOCAB_SPAN + second -> weight id (while loading)
const FIRST_OF_BIGRAM = 1;
const SECOND_OF_BIGRAM = 2;
const BIGRAM_ROLE: number[] = []; // vocab id -> FIRST_OF_BIGRAM | SECOND_OF_BIGRAM
// Pair keys stay below 2^30, i.e. small integers for V8's maps.
const VOCAB_SPAN = 1 << 15;

function vocabId(word: string): number {
  let v = VOCAB.get(word);
  if (v === undefined) {
    v = VOCAB.size;
    VOCAB.set(word, v);
    UNIGRAM_OF.push(-1);
    BIGRAM_ROLE.push(0);
  }
  return v;
}

for (let id = 0; id < file.names.length; id++) {
  const name = file.names[id];
  if (name.startsWith('u:')) UNIGRAM_OF[vocabId(name.slice(2))] = id;
  else if (name.startsWith('b:')) {
    const sp = name.indexOf(' ', 2);
    const first = vocabId(name.slice(2, sp));
    const second = vocabId(name.slice(sp + 1));
    BIGRAMS.set(first * VOCAB_SPAN + second, id);
    BIGRAM_ROLE[first] |= FIRST_OF_BIGRAM;
    BIGRAM_ROLE[second] |= SECOND_OF_BIGRAM;
  } else RULES.set(name, id);
}
if (VOCAB.size > VOCAB_SPAN) throw new Error('civility weights: vocabulary too large for pair keys');

// Bigram ids in an open-addressing table (linear probing): the hottest lookup
// in scoring, and cheaper than a Map for integer keys.
const PAIR_SLOTS = 1 << Math.max(4, Math.ceil(Math.log2(BIGRAMS.size * 2 + 1)));
const pairKeys = new Int32Array(PAIR_SLOTS).fill(-1);
const pairIds = new Int32Array(PAIR_SLOTS);
for (const [key, id] of BIGRAMS) {
  let h = Math.imul(key, 0x9e3779b1) >>> 0 & (PAIR_SLOTS - 1);
  while (pairKeys[h] !== -1) h = (h + 1) & (PAIR_SLOTS - 1);
  pairKeys[h] = key;
  pairIds[h] = id;
}

function bigramId(key: number): number {
  let h = Math.imul(key, 0x9e3779b1) >>> 0 & (PAIR_SLOTS - 1);
  for (;;) {
    const k = pairKeys[h];
    if (k === key) return pairIds[h];
    if (k === -1) return -1;
    h = (h + 1) & (PAIR_SLOTS - 1);
  }
}

// Features are binary: count each once per comment. A per-call stamp marks
// what has been counted, so no set is allocated per comment.
const seen = new Uint32Array(file.names.length);
let stamp = 0;

export const ATTACK_THRESHOLD = file.threshold;

/** Contributions smaller than this are not worth showing as an explanation. */
const MIN_SPAN_WEIGHT = 0.25;

const NUM_UNIGRAM = UNIGRAM_OF[VOCAB.get('<num>') ?? -1] ?? -1;

/** Fills a word's model slots (see WordInfo.vocabId). */
function resolve(info: WordInfo): void {
  const vid = VOCAB.get(info.norm) ?? -1;
  info.vocabId = vid;
  // Numbers share the "<num>" unigram but keep their own word in bigrams.
  info.unigramId = unigramKey(info.norm) === '<num>' ? NUM_UNIGRAM : vid >= 0 ? UNIGRAM_OF[vid] : -1;
  info.bigramRole = vid >= 0 ? BIGRAM_ROLE[vid] : 0;
}

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
  let z = file.bias;
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
      const bid = bigramId(prevVid * VOCAB_SPAN + vid);
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
  let z = file.bias;
  for (const [name, hit] of attackFeatures(tokens)) {
    const i = file.names.indexOf(name);
    if (i >= 0) z += file.weights[i] * hit.value;
  }
  return 1 / (1 + Math.exp(-z));
}
