// Evaluates the civility classifier on a labelled JSONL file.
//
//   npx tsx scripts/eval-civility.ts FILE.jsonl [--json] [--score fearAnger]
//
// Lines are {"text", "label", "source"?}. For the attack score the positive
// label is "attack"; with --score fearAnger it is "fear". Everything else is
// negative. Prints ROC AUC, and at the default threshold precision, recall and
// false-positive rate, overall and per source prefix, plus throughput.

import { performance } from 'node:perf_hooks';
import {
  DEFAULT_ATTACK_THRESHOLD, DEFAULT_FEAR_ANGER_THRESHOLD, classifyCivility,
} from '../server/moderation/civility/index.ts';
import { readJsonl } from './civility/data.ts';
import { type Metrics, metrics, sourcePrefix } from './civility/metrics.ts';

const TIMING_ROUNDS = 5;
const ROUND_MS = 300;

function usage(): never {
  console.error('usage: eval-civility FILE.jsonl [--json] [--score attack|fearAnger] [--threshold N]');
  process.exit(2);
}

function main() {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const scoreIdx = args.indexOf('--score');
  const score = scoreIdx >= 0 ? args[scoreIdx + 1] : 'attack';
  if (score !== 'attack' && score !== 'fearAnger') usage();
  const thresholdIdx = args.indexOf('--threshold');
  const valueAt = new Set([scoreIdx, thresholdIdx].filter((i) => i >= 0).map((i) => i + 1));
  const file = args.find((a, i) => !a.startsWith('--') && !valueAt.has(i));
  if (!file) usage();

  const rows = readJsonl(file);
  const positiveLabel = score === 'attack' ? 'attack' : 'fear';
  // --threshold evaluates another operating point, e.g. a site's own rule setting.
  const threshold =
    thresholdIdx >= 0 ? Number(args[thresholdIdx + 1]) : score === 'attack' ? DEFAULT_ATTACK_THRESHOLD : DEFAULT_FEAR_ANGER_THRESHOLD;
  if (!Number.isFinite(threshold)) usage();

  // One untimed pass warms the JIT and caches. Then several timed rounds over
  // the whole file; the fastest round is reported, as is usual for
  // throughput on a shared machine (slower rounds measure other processes).
  for (const r of rows) classifyCivility(r.text);
  const scores = new Array<number>(rows.length);
  let commentsPerSecond = 0;
  for (let round = 0; round < TIMING_ROUNDS && rows.length > 0; round++) {
    let classified = 0;
    const t0 = performance.now();
    do {
      for (let i = 0; i < rows.length; i++) scores[i] = classifyCivility(rows[i].text)[score];
      classified += rows.length;
    } while (performance.now() - t0 < ROUND_MS);
    const rate = Math.round(classified / ((performance.now() - t0) / 1000));
    commentsPerSecond = Math.max(commentsPerSecond, rate);
  }

  const positive = rows.map((r) => r.label === positiveLabel);
  const overall = metrics(scores, positive, threshold);
  const bySource: Record<string, Metrics> = {};
  const prefixes = [...new Set(rows.map((r) => sourcePrefix(r.source)))].sort();
  for (const p of prefixes) {
    const idx = rows.map((_, i) => i).filter((i) => sourcePrefix(rows[i].source) === p);
    bySource[p] = metrics(idx.map((i) => scores[i]), idx.map((i) => positive[i]), threshold);
  }

  if (json) {
    console.log(JSON.stringify({ overall, bySource, commentsPerSecond }));
    return;
  }
  const f = (x: number | null) => (x === null ? '   -  ' : x.toFixed(4));
  const line = (name: string, m: Metrics) =>
    `${name.padEnd(30)} ${String(m.n).padStart(6)}  ${f(m.auc)}  ${f(m.precision)}  ${f(m.recall)}  ${f(m.fpr)}`;
  console.log(`score: ${score} (positive label "${positiveLabel}"), threshold ${threshold}`);
  console.log(`${'source'.padEnd(30)} ${'n'.padStart(6)}  auc     prec    recall  fpr`);
  console.log(line('overall', overall));
  for (const p of prefixes) console.log(line(p, bySource[p]));
  console.log(`throughput: ${commentsPerSecond} comments/s (one core, best of ${TIMING_ROUNDS} rounds)`);
}

main();
