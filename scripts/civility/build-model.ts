// Builds the civility model file from the shared data: trains each head on the train split,
// calibrates it and picks the thresholds on the validation split. The held-out split is never
// read here.

import { KIND_ALL, KIND_CUE, KIND_WORD } from '../../server/moderation/civility/features.ts';
import { cueHash } from '../../server/moderation/civility/hashing.ts';
import { type CivilityModelFile, MODEL_FORMAT, headFile, roundCalibration } from '../../server/moderation/civility/model-file.ts';
import { attackLogits, classifyWith, loadModel } from '../../server/moderation/civility/classify.ts';
import { metrics } from './metrics.ts';
import { type Labelled, type Split, PERMISSIVE_FAMILIES, family, isCivilCritical, subtype, targetLabel } from './corpus.ts';
import { fitPlatt, fitPlatt2 } from './platt.ts';
import { commentRows, tokenRows } from './rows.ts';
import { logits, trainHead } from './train-head.ts';
import { meanSpanF1 } from './span-metrics.ts';

export type Row = Labelled & { split: Split };

export const ATTACK_FAMILIES = new Set(['kaggle', 'cmv', 'toxicspans', 'c3', 'ucc', 'ctc', 'fox', 'toxichat', 'convabuse']);
export const FEAR_FAMILIES = new Set(['ptc', 'semeval23', 'memes21', 'goemo', 'fixture', 'fixture-heldout']);

/** Civil comments from the attack corpora also teach the fear head what ordinary comments look like. */
const CIVIL_AS_FEAR_NEGATIVE = 0.3;
/** An insult is not by itself an appeal to fear. */
const INSULT_AS_FEAR_NEGATIVE = 0.2;
/** The project's own comment-like fixtures stand for the comments the rule sees; the corpora are article prose. */
const FIXTURE_WEIGHT = 5;
/** News prose and Reddit comments with no persuasion technique: mild negatives for the attack head. */
const PROSE_AS_ATTACK_NEGATIVE = 0.25;
/** Civil comments that are sharp or from the development set: the negatives that matter most. */
const HARD_NEGATIVE = 4;

/** Civil/critical comments flagged at most this often on validation, with room for the held-out split. */
export const TARGET_CIVIL_FPR = 0.025;
/** Fear/anger precision the threshold is chosen to reach on validation. */
export const TARGET_FEAR_PRECISION = 0.87;

const SEED = 20261202;

/**
 * Cues whose weight the attack head may not make positive: a bad word about an idea, about the
 * writer, inside a quotation or under a negation is not, by itself, evidence of an attack.
 */
export const NON_POSITIVE_CUES: readonly number[] = (['noun', 'adj', 'prof', 'slur'] as const).flatMap((c) =>
  (['idea', 'self', 'quoted', 'negated'] as const).map((k) => cueHash(`R:${c}:${k}`)),
);

/** A site's own moderators' decisions: the comments the rule actually meets, weighed above the corpora. */
const SITE_WEIGHT = 3;

export function attackExample(r: Row): { y: number; weight: number } | null {
  const f = family(r.source);
  if (f === 'site') return r.label === 'fear' ? null : { y: r.label === 'attack' ? 1 : 0, weight: SITE_WEIGHT };
  if (ATTACK_FAMILIES.has(f)) {
    if (r.label === 'fear') return null;
    const y = r.label === 'attack' ? 1 : 0;
    const hard = y === 0 && (f === 'kaggle' || f === 'cmv' || (f === 'c3' && subtype(r.source) === 'sharp'));
    return { y, weight: hard ? HARD_NEGATIVE : 1 };
  }
  if (FEAR_FAMILIES.has(f) && r.label === 'ok') return { y: 0, weight: PROSE_AS_ATTACK_NEGATIVE };
  return null;
}

export function fearExample(r: Row): { y: number; weight: number } | null {
  const f = family(r.source);
  if (f === 'site') return r.label === 'attack' ? { y: 0, weight: INSULT_AS_FEAR_NEGATIVE } : { y: r.label === 'fear' ? 1 : 0, weight: SITE_WEIGHT };
  // Name calling is an attack, not an appeal to fear: it is left to the attack head.
  if (FEAR_FAMILIES.has(f)) return subtype(r.source) === 'namecall' ? null : { y: r.label === 'fear' ? 1 : 0, weight: f === 'fixture' ? FIXTURE_WEIGHT : 1 };
  if (ATTACK_FAMILIES.has(f)) return { y: 0, weight: r.label === 'ok' ? CIVIL_AS_FEAR_NEGATIVE : INSULT_AS_FEAR_NEGATIVE };
  return null;
}

export interface BuildOptions {
  permissiveOnly: boolean;
  /** Weigh the strongest sentence's score in the attack calibration (default on). */
  sentenceStacking?: boolean;
  log?: (line: string) => void;
}

function pick<T>(rows: readonly Row[], split: Split, label: (r: Row) => T | null) {
  const idx: number[] = [];
  const out: T[] = [];
  rows.forEach((r, i) => {
    if (r.split !== split) return;
    const v = label(r);
    if (v !== null) { idx.push(i); out.push(v); }
  });
  return { idx, out };
}

/** Lowest threshold at which at most `share` of `negatives` score at or above it. */
export function thresholdForFpr(negatives: readonly number[], share: number): number {
  const sorted = [...negatives].sort((a, b) => b - a);
  const allowed = Math.floor(sorted.length * share);
  return roundUp((sorted[allowed] ?? 0) + 1e-6);
}

/** Lowest threshold whose precision reaches `target`. */
export function thresholdForPrecision(scores: readonly number[], positive: readonly boolean[], target: number): number {
  const order = scores.map((_, i) => i).sort((a, b) => scores[b] - scores[a]);
  let tp = 0;
  let best = 1;
  for (let k = 0; k < order.length; k++) {
    if (positive[order[k]]) tp++;
    const next = k + 1 < order.length ? scores[order[k + 1]] : -1;
    if (next === scores[order[k]]) continue;
    if (tp / (k + 1) >= target) best = scores[order[k]];
  }
  return roundUp(best);
}

function roundUp(x: number): number {
  return Math.ceil(x * 1000) / 1000;
}

export function buildModel(all: readonly Row[], o: BuildOptions): CivilityModelFile {
  const log = o.log ?? (() => {});
  const rows = all.filter((r) => r.split !== 'heldout' && (!o.permissiveOnly || PERMISSIVE_FAMILIES.has(family(r.source))));
  const trainedOn = [...new Set(rows.map((r) => family(r.source)))].sort();
  log(`${rows.length} comments for training and validation from ${trainedOn.join(', ')}`);
  const matrix = commentRows(rows.map((r) => r.text));

  // Attack on anyone.
  const at = pick(rows, 'train', attackExample);
  const attack = trainHead(matrix, at.idx, at.out.map((e) => e.y), at.out.map((e) => e.weight), { bits: 18, kinds: KIND_ALL, epochs: 6, l2: 1e-6, learningRate: 0.02, seed: SEED, nonPositive: NON_POSITIVE_CUES });
  const av = pick(rows, 'validation', attackExample);
  const attackCal = fitPlatt(logits(attack, matrix, av.idx), av.out.map((e) => e.y));

  // Whom it targets, learned on attacks whose source says.
  const tt = pick(rows, 'train', targetLabel);
  const target = trainHead(matrix, tt.idx, tt.out, tt.out.map(() => 1), { bits: 16, kinds: KIND_WORD | KIND_CUE, epochs: 6, l2: 1e-5, learningRate: 0.1, seed: SEED + 1 });
  const tv = pick(rows, 'validation', targetLabel);
  const targetCal = fitPlatt(logits(target, matrix, tv.idx), tv.out);

  // Fear and anger.
  const ft = pick(rows, 'train', fearExample);
  const fear = trainHead(matrix, ft.idx, ft.out.map((e) => e.y), ft.out.map((e) => e.weight), { bits: 18, kinds: KIND_ALL, epochs: 6, l2: 1e-6, learningRate: 0.02, seed: SEED + 2 });
  const fv = pick(rows, 'validation', fearExample);
  const fearCal = fitPlatt(logits(fear, matrix, fv.idx), fv.out.map((e) => e.y));

  // Which words are the insult, from the ToxicSpans annotations.
  const spanTrain = rows.filter((r) => r.split === 'train' && r.spans);
  const tokens = tokenRows(spanTrain.map((r) => ({ text: r.text, spans: r.spans! })));
  const tokenIdx = tokens.labels.map((_, i) => i);
  const span = trainHead(tokens.rows, tokenIdx, tokens.labels, tokens.labels.map(() => 1), { bits: 17, kinds: KIND_ALL, epochs: 4, l2: 1e-6, learningRate: 0.1, seed: SEED + 3 });

  const file: CivilityModelFile = {
    format: MODEL_FORMAT,
    name: o.permissiveOnly ? 'shared-permissive' : 'shared',
    trainedOn,
    attackThreshold: 0.5,
    fearAngerThreshold: 0.5,
    spanThreshold: 0.5,
    heads: {
      attack: headFile(attack.bits, attack.kinds, attack.bias, attack.w, attackCal),
      target: headFile(target.bits, target.kinds, target.bias, target.w, targetCal),
      fearAnger: headFile(fear.bits, fear.kinds, fear.bias, fear.w, fearCal),
      span: headFile(span.bits, span.kinds, span.bias, span.w, { a: 1, b: 0 }),
    },
    figures: {},
  };

  // The attack calibration weighs the comment's score and its strongest sentence's, fitted on
  // validation with the quantised weights the file ships.
  const valid = rows.filter((r) => r.split === 'validation');
  if (o.sentenceStacking !== false) {
    const draft = loadModel(file);
    const pairs = av.idx.map((i) => attackLogits(draft, rows[i].text));
    const fitted = fitPlatt2(pairs.map((p) => p[0]), pairs.map((p) => p[1]), av.out.map((e) => e.y));
    file.heads.attack.calibration = roundCalibration(fitted);
  }

  // Thresholds from the validation split, scored by the shipped (quantised) model itself.
  const model = loadModel(file);
  const scored = valid.map((r) => classifyWith(model, r.text));
  const anyScore = scored.map((s) => s.attack + s.attackOther);
  file.attackThreshold = thresholdForFpr(valid.map((r, i) => [r, i] as const).filter(([r]) => isCivilCritical(r)).map(([, i]) => anyScore[i]), TARGET_CIVIL_FPR);
  const fearRows = valid.map((r, i) => [r, i] as const).filter(([r]) => fearExample(r) !== null && FEAR_FAMILIES.has(family(r.source)));
  file.fearAngerThreshold = thresholdForPrecision(fearRows.map(([, i]) => scored[i].fearAnger), fearRows.map(([r]) => r.label === 'fear'), TARGET_FEAR_PRECISION);
  log(`thresholds: attack ${file.attackThreshold}, fear/anger ${file.fearAngerThreshold}`);

  // Span threshold: the one whose spans match the annotations best when an attack is shown.
  const spanValid = valid.filter((r) => r.spans);
  let best = { t: 0.5, f1: -1 };
  for (let t = 0.2; t <= 0.8001; t += 0.05) {
    const m = loadModel({ ...file, spanThreshold: Math.round(t * 100) / 100 });
    const f1 = meanSpanF1(spanValid.map((r) => ({
      predicted: classifyWith(m, r.text, undefined, { attack: 0, fearAnger: 2 }).spans.filter((s) => s.label !== 'fearAnger').map((s) => [s.start, s.end] as [number, number]),
      gold: r.spans!,
    }))) ?? 0;
    if (f1 > best.f1) best = { t: Math.round(t * 100) / 100, f1 };
  }
  file.spanThreshold = best.t;
  log(`span threshold ${best.t}: validation span F1 ${best.f1.toFixed(3)}`);

  // Validation figures at the chosen thresholds, for the model card and whoever loads the file.
  const final = loadModel(file);
  const finalScores = valid.map((r) => classifyWith(final, r.text));
  const attackIdx = valid.map((r, i) => [r, i] as const).filter(([r]) => ATTACK_FAMILIES.has(family(r.source)) && r.label !== 'fear');
  const am = metrics(attackIdx.map(([, i]) => finalScores[i].attack + finalScores[i].attackOther), attackIdx.map(([r]) => r.label === 'attack'), file.attackThreshold);
  const civilIdx = valid.map((r, i) => [r, i] as const).filter(([r]) => isCivilCritical(r));
  const civilFpr = civilIdx.filter(([, i]) => finalScores[i].attack + finalScores[i].attackOther >= file.attackThreshold).length / Math.max(1, civilIdx.length);
  const fm = metrics(fearRows.map(([, i]) => finalScores[i].fearAnger), fearRows.map(([r]) => r.label === 'fear'), file.fearAngerThreshold);
  const r3 = (x: number | null) => (x === null ? 0 : Math.round(x * 1000) / 1000);
  file.figures = {
    split: 'validation',
    attackAuc: r3(am.auc), attackRecall: r3(am.recall), attackPrecision: r3(am.precision), civilCriticalFpr: r3(civilFpr),
    fearAngerAuc: r3(fm.auc), fearAngerRecall: r3(fm.recall), fearAngerPrecision: r3(fm.precision), spanF1: r3(best.f1),
  };
  log(`validation: ${JSON.stringify(file.figures)}`);
  return file;
}
