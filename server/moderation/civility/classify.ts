// Scoring a comment with a loaded model: four linear heads over the hashed features.
//   attack    P(attack on anyone), calibrated on the validation split;
//   target    P(aimed at a member | attack): splits it into `attack` and `attackOther`;
//   fearAnger P(meant to stoke fear or anger), calibrated;
//   span      per word, P(part of the insult): the spans an attack flag carries.
// Pure and deterministic; buffers are reused because classification is synchronous.

import { type Analysis, analyze, newAnalysis } from './analyze.ts';
import { KIND_CHARS, type Features, gramText, textGramValue } from './features.ts';
import { GRAM_MAX, GRAM_MIN, TEXT_GRAM_SEED, forEachTextGram } from './hashing.ts';
import { type CivilityModelFile, type Head, MODEL_FORMAT, loadHead, weightOf } from './model-file.ts';
import { newSentences, prepareSentences, sentenceFactor, strongestSum } from './sentences.ts';
import { cuesByToken, tokenFeatures } from './span-features.ts';
import { Features as FeatureBuffer } from './features.ts';
import type { CivilityContext, CivilityLabel, CivilityScores, CivilitySpan } from './types.ts';

export interface CivilityModel {
  file: CivilityModelFile;
  attack: Head;
  target: Head;
  fearAnger: Head;
  span: Head;
  packed: Packed;
}

/** The comment-level heads' int8 weights laid out for scoring (see threeHeads). */
interface Packed {
  /** Attack and fear/anger weights of bucket b at 2b and 2b + 1. */
  pair: Int8Array;
  pairMask: number;
  pairKinds: number;
  target: Int8Array;
  targetMask: number;
  targetKinds: number;
}

function pack(attack: Head, target: Head, fear: Head): Packed {
  if (attack.mask !== fear.mask || attack.kinds !== fear.kinds) throw new Error('civility model: the attack and fear/anger heads must share their buckets and feature kinds');
  const pair = new Int8Array(attack.q.length * 2);
  for (let b = 0; b < attack.q.length; b++) {
    pair[2 * b] = attack.q[b];
    pair[2 * b + 1] = fear.q[b];
  }
  return { pair, pairMask: attack.mask, pairKinds: attack.kinds, target: target.q, targetMask: target.mask, targetKinds: target.kinds };
}

export function loadModel(json: string | CivilityModelFile): CivilityModel {
  const file = typeof json === 'string' ? (JSON.parse(json) as CivilityModelFile) : json;
  if (file.format !== MODEL_FORMAT) throw new Error(`civility model: expected format ${MODEL_FORMAT}, got ${String(file.format)}`);
  const { heads } = file;
  const attack = loadHead(heads.attack);
  const target = loadHead(heads.target);
  const fearAnger = loadHead(heads.fearAnger);
  return { file, attack, target, fearAnger, span: loadHead(heads.span), packed: pack(attack, target, fearAnger) };
}

export function linear(head: Head, f: Features): number {
  const { mask, kinds } = head;
  let z = head.bias;
  for (let i = 0; i < f.length; i++) if (f.kind[i] & kinds) z += weightOf(head, f.hash[i] & mask) * f.value[i];
  return z;
}

// The three comment-level heads are summed in one pass over the features, over int8 weights
// with attack and fear/anger interleaved: one cache line serves both, and the tables are a
// quarter the size of float ones, which matters more than the arithmetic.
const z3: [number, number, number] = [0, 0, 0];
let sumAttack = 0;
let sumTarget = 0;
let sumFear = 0;
let packedNow: Packed;
let gramValue = 0;

const addGram = (h: number) => {
  const p = packedNow;
  if (p.pairKinds & KIND_CHARS) {
    const j = (h & p.pairMask) << 1;
    sumAttack += p.pair[j] * gramValue;
    sumFear += p.pair[j + 1] * gramValue;
  }
  if (p.targetKinds & KIND_CHARS) sumTarget += p.target[h & p.targetMask] * gramValue;
};

const sentences = newSentences();
/** The attack head's score of the strongest sentence, from the last threeHeads call. */
let strongestSentence = 0;

/**
 * forEachTextGram with addGram inlined, for the usual layout (only the attack and fear/anger
 * heads read characters): the same grams and sums, without a call per gram.
 */
function addPairGrams(p: Packed, text: string): void {
  const { pair, pairMask } = p;
  const n = text.length;
  let sa = 0;
  let sf = 0;
  for (let i = -1; i + GRAM_MIN <= n + 1; i++) {
    let h = TEXT_GRAM_SEED;
    for (let k = 0; k < GRAM_MAX && i + k <= n; k++) {
      const at = i + k;
      let c = at < 0 || at >= n ? 32 : text.charCodeAt(at);
      if (c >= 65 && c <= 90) c += 32;
      h = Math.imul(h ^ c, 0x01000193);
      if (k + 1 >= GRAM_MIN) {
        const j = (h & pairMask) << 1;
        sa += pair[j];
        sf += pair[j + 1];
      }
    }
  }
  sumAttack += sa * gramValue;
  sumFear += sf * gramValue;
}

/**
 * Raw scores of the attack, target and fear/anger heads (the features, then the raw-text
 * grams), and on the way the attack head's score of each sentence (sentences.ts).
 */
function threeHeads(model: CivilityModel, f: Features, text: string, a: Analysis): [number, number, number] {
  const p = model.packed;
  const { pair, pairMask, pairKinds, target, targetMask, targetKinds } = p;
  const sent = prepareSentences(a.tokens, sentences);
  const { of, sum } = sent;
  let sa = 0;
  let st = 0;
  let sf = 0;
  const { hash, value, kind, from } = f;
  for (let i = 0; i < f.length; i++) {
    const h = hash[i];
    const v = value[i];
    const k = kind[i];
    if (k & pairKinds) {
      const j = (h & pairMask) << 1;
      const c = pair[j] * v;
      sa += c;
      sf += pair[j + 1] * v;
      if (from[i] >= 0) {
        const t = of[from[i]];
        sum[t] += c * sentenceFactor(sent, k, t);
      }
    }
    if (k & targetKinds) st += target[h & targetMask] * v;
  }
  sumAttack = sa;
  sumTarget = st;
  sumFear = sf;
  gramValue = textGramValue(text);
  if (gramValue !== 0) {
    if (pairKinds & KIND_CHARS && !(targetKinds & KIND_CHARS)) addPairGrams(p, gramText(text, a.tokens));
    else {
      packedNow = p;
      forEachTextGram(gramText(text, a.tokens), addGram);
    }
  }
  z3[0] = model.attack.bias + model.attack.scale * sumAttack;
  // Sentence sums leave out the raw-text grams, which belong to no word.
  strongestSentence = model.attack.bias + model.attack.scale * strongestSum(sent, sumAttack);
  z3[1] = model.target.bias + model.target.scale * sumTarget;
  z3[2] = model.fearAnger.bias + model.fearAnger.scale * sumFear;
  return z3;
}

export function calibrated(head: Head, z: number): number {
  return sigmoid(head.a * z + head.b);
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** A one-sentence comment is its own strongest sentence, text grams included. */
const sent1 = (whole: number) => (sentences.count <= 1 ? whole : strongestSentence);

/** The attack head's raw scores of a comment and of its strongest sentence (for fitting the calibration). */
export function attackLogits(model: CivilityModel, text: string, context?: CivilityContext): [number, number] {
  const a = analyze(text, context, analysis, false);
  const z = threeHeads(model, a.features, text, a)[0];
  return [z, sent1(z)];
}

/** A fear/anger span is a word carrying at least this share of the strongest word's push. */
const FEAR_SPAN_SHARE = 0.35;

const analysis: Analysis = newAnalysis();
const tokenBuffer = new FeatureBuffer();
const covering: number[][] = [];
let contribution = new Float64Array(64);

/**
 * Scores at or above which spans are worked out (they cost more than the scores): by default
 * the model's thresholds; a rule with other thresholds passes its own.
 */
export interface SpanCutoffs {
  attack?: number;
  fearAnger?: number;
}

export function classifyWith(model: CivilityModel, text: string, context?: CivilityContext, cutoffs: SpanCutoffs = {}): CivilityScores {
  const a = analyze(text, context, analysis, false);
  const [za, zt, zf] = threeHeads(model, a.features, text, a);
  const A = model.attack;
  const any = A.c === 0 ? calibrated(A, za) : sigmoid(A.a * za + A.c * sent1(za) + A.b);
  const member = calibrated(model.target, zt);
  const fear = calibrated(model.fearAnger, zf);
  const spans: CivilitySpan[] = [];
  const attackCut = cutoffs.attack ?? model.file.attackThreshold;
  // Spans go with the larger of the two attack scores, which is the one a rule acts on.
  if (any >= attackCut) attackSpans(model, a, member >= 0.5 ? 'attack' : 'attackOther', spans);
  if (fear >= (cutoffs.fearAnger ?? model.file.fearAngerThreshold)) fearSpans(model.fearAnger, a, spans);
  if (spans.length > 1) spans.sort((x, y) => x.start - y.start || x.end - y.end || (x.label < y.label ? -1 : x.label > y.label ? 1 : 0));
  return { attack: any * member, attackOther: any * (1 - member), fearAnger: fear, spans };
}

/** Per-word probabilities of being part of the insult (the span head). */
export function spanProbabilities(model: CivilityModel, a: Analysis): Float64Array {
  const { tokens, cues } = a;
  const p = new Float64Array(tokens.length);
  cuesByToken(tokens, cues, covering);
  for (let i = 0; i < tokens.length; i++) {
    tokenFeatures(tokens, i, cues, covering[i], tokenBuffer);
    p[i] = calibrated(model.span, linear(model.span, tokenBuffer));
  }
  return p;
}

function attackSpans(model: CivilityModel, a: Analysis, label: CivilityLabel, out: CivilitySpan[]): void {
  const p = spanProbabilities(model, a);
  const before = out.length;
  runs(a, p, model.file.spanThreshold, label, out);
  // A flag should always point at something: fall back to the words that pushed the score most.
  if (out.length === before) strongestWords(model.attack, a, label, out);
}

function fearSpans(head: Head, a: Analysis, out: CivilitySpan[]): void {
  strongestWords(head, a, 'fearAnger', out);
}

/** Words whose share of the head's push is near the strongest word's, as spans. */
function strongestWords(head: Head, a: Analysis, label: CivilityLabel, out: CivilitySpan[]): void {
  const { tokens, features: f } = a;
  if (contribution.length < tokens.length) contribution = new Float64Array(tokens.length * 2);
  contribution.fill(0, 0, tokens.length);
  for (let i = 0; i < f.length; i++) {
    if (!(f.kind[i] & head.kinds) || f.from[i] < 0) continue;
    const c = weightOf(head, f.hash[i] & head.mask) * f.value[i];
    const width = f.to[i] - f.from[i];
    for (let t = f.from[i]; t < f.to[i]; t++) contribution[t] += c / width;
  }
  let max = 0;
  for (let t = 0; t < tokens.length; t++) max = Math.max(max, contribution[t]);
  if (max <= 0) return;
  const scaled = new Float64Array(tokens.length);
  for (let t = 0; t < tokens.length; t++) scaled[t] = contribution[t] / max;
  runs(a, scaled, FEAR_SPAN_SHARE, label, out, max);
}

/** Consecutive words at or above `cut` become one span. */
function runs(a: Analysis, score: Float64Array, cut: number, label: CivilityLabel, out: CivilitySpan[], unit = 1): void {
  const { start, end, length } = a.tokens;
  for (let i = 0; i < length; i++) {
    if (score[i] < cut) continue;
    let j = i;
    let best = score[i];
    while (j + 1 < length && score[j + 1] >= cut) best = Math.max(best, score[++j]);
    out.push({ start: start[i], end: end[j], label, weight: Math.round(best * unit * 1000) / 1000 });
    i = j;
  }
}
