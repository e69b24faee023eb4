// The plain baseline the civility model must beat: logistic regression on hashed word 1-2-grams
// and character 3-5-grams of the lowercased text, no lexicons, no normalisation, no target
// cues. Trained, calibrated and thresholded on the same splits by the same rules as the model.

import { FAMILY, hashString, mix } from '../../server/moderation/civility/hashing.ts';
import { Features } from '../../server/moderation/civility/features.ts';
import { type Row, TARGET_CIVIL_FPR, TARGET_FEAR_PRECISION, attackExample, fearExample, FEAR_FAMILIES, thresholdForFpr, thresholdForPrecision } from './build-model.ts';
import { family, isCivilCritical } from './corpus.ts';
import { applyPlatt, fitPlatt } from './platt.ts';
import { Rows } from './rows.ts';
import { type TrainedHead, logits, trainHead } from './train-head.ts';
import { meanSpanF1 } from './span-metrics.ts';

const BITS = 20;
const WORD = /[a-z0-9']+/g;

interface Word { text: string; start: number; end: number }

function words(text: string): Word[] {
  const lower = text.toLowerCase();
  return [...lower.matchAll(WORD)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

/** Features of one text; `owner[i]` is the word feature i belongs to (-1 for bigrams), for spans. */
export function baselineFeatures(text: string, out: Features, owner: number[] = []): Features {
  out.length = 0;
  owner.length = 0;
  const ws = words(text);
  const wv = 1 / Math.sqrt(Math.max(1, ws.length));
  let prev = 0;
  ws.forEach((w, i) => {
    const h = hashString(w.text, FAMILY.word);
    out.push(h, wv, 1, i, i + 1); owner.push(i);
    if (i > 0) { out.push(mix(prev, h) ^ FAMILY.bigram, wv, 1, i - 1, i + 1); owner.push(-1); }
    prev = h;
  });
  const lower = ` ${text.toLowerCase()} `;
  const grams = Math.max(1, 3 * lower.length);
  const cv = 1 / Math.sqrt(grams);
  let wi = 0;
  for (let n = 3; n <= 5; n++) {
    wi = 0;
    for (let i = 0; i + n <= lower.length; i++) {
      // The word a gram starts in (text offsets are one less, for the leading space).
      while (wi < ws.length && ws[wi].end <= i - 1) wi++;
      const inWord = wi < ws.length && ws[wi].start <= i - 1 && i - 1 + n <= ws[wi].end ? wi : -1;
      out.push(hashString(lower.slice(i, i + n), FAMILY.chars), cv, 1, inWord, inWord + 1); owner.push(inWord);
    }
  }
  return out;
}

export interface Baseline {
  attack: TrainedHead;
  attackCal: { a: number; b: number };
  fear: TrainedHead;
  fearCal: { a: number; b: number };
  attackThreshold: number;
  fearThreshold: number;
  spanShare: number;
}

function score(head: TrainedHead, cal: { a: number; b: number }, f: Features): number {
  const mask = (1 << head.bits) - 1;
  let z = head.bias;
  for (let i = 0; i < f.length; i++) z += head.w[f.hash[i] & mask] * f.value[i];
  return applyPlatt(cal, z);
}

/** Baseline spans: words whose own weight is at least `share` of the strongest word's. */
export function baselineSpans(b: Baseline, text: string, share = b.spanShare): [number, number][] {
  const f = new Features();
  const owner: number[] = [];
  baselineFeatures(text, f, owner);
  const ws = words(text);
  const c = new Float64Array(ws.length);
  const mask = (1 << b.attack.bits) - 1;
  for (let i = 0; i < f.length; i++) if (owner[i] >= 0) c[owner[i]] += b.attack.w[f.hash[i] & mask] * f.value[i];
  const max = Math.max(0, ...c);
  if (max <= 0) return [];
  const out: [number, number][] = [];
  for (let i = 0; i < ws.length; i++) {
    if (c[i] < share * max) continue;
    let j = i;
    while (j + 1 < ws.length && c[j + 1] >= share * max) j++;
    out.push([ws[i].start, ws[j].end]);
    i = j;
  }
  return out;
}

export function baselineScores(b: Baseline, text: string): { attack: number; fearAnger: number } {
  const f = baselineFeatures(text, new Features());
  return { attack: score(b.attack, b.attackCal, f), fearAnger: score(b.fear, b.fearCal, f) };
}

export function trainBaseline(all: readonly Row[]): Baseline {
  const rows = all.filter((r) => r.split !== 'heldout');
  const matrix = new Rows();
  const f = new Features();
  for (const r of rows) matrix.add(baselineFeatures(r.text, f));
  // The learning rate that did best for the baseline on the validation split.
  const opts = { bits: BITS, kinds: 1, epochs: 6, l2: 1e-6, learningRate: 0.05 };
  const split = (s: string, label: (r: Row) => { y: number; weight: number } | null) => {
    const idx: number[] = []; const y: number[] = []; const w: number[] = [];
    rows.forEach((r, i) => { const e = r.split === s ? label(r) : null; if (e) { idx.push(i); y.push(e.y); w.push(e.weight); } });
    return { idx, y, w };
  };
  const at = split('train', attackExample);
  const attack = trainHead(matrix, at.idx, at.y, at.w, { ...opts, seed: 1 });
  const av = split('validation', attackExample);
  const attackCal = fitPlatt(logits(attack, matrix, av.idx), av.y);
  const ft = split('train', fearExample);
  const fear = trainHead(matrix, ft.idx, ft.y, ft.w, { ...opts, seed: 2 });
  const fv = split('validation', fearExample);
  const fearCal = fitPlatt(logits(fear, matrix, fv.idx), fv.y);

  const b: Baseline = { attack, attackCal, fear, fearCal, attackThreshold: 0.5, fearThreshold: 0.5, spanShare: 0.5 };
  const valid = rows.filter((r) => r.split === 'validation');
  const scored = valid.map((r) => baselineScores(b, r.text));
  b.attackThreshold = thresholdForFpr(valid.map((r, i) => [r, i] as const).filter(([r]) => isCivilCritical(r)).map(([, i]) => scored[i].attack), TARGET_CIVIL_FPR);
  const fearRows = valid.map((r, i) => [r, i] as const).filter(([r]) => FEAR_FAMILIES.has(family(r.source)));
  b.fearThreshold = thresholdForPrecision(fearRows.map(([, i]) => scored[i].fearAnger), fearRows.map(([r]) => r.label === 'fear'), TARGET_FEAR_PRECISION);
  const spanValid = valid.map((r, i) => [r, i] as const).filter(([r]) => r.spans);
  let best = { share: 0.5, f1: -1 };
  for (let share = 0.1; share <= 0.9001; share += 0.1) {
    const f1 = meanSpanF1(spanValid.map(([r, i]) => ({
      predicted: scored[i].attack >= b.attackThreshold ? baselineSpans(b, r.text, share) : [],
      gold: r.spans!,
    }))) ?? 0;
    if (f1 > best.f1) best = { share: Math.round(share * 10) / 10, f1 };
  }
  b.spanShare = best.share;
  return b;
}
