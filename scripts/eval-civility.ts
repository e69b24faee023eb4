// Evaluates the civility model on the held-out split of the shared data, beside a plain n-gram
// logistic-regression baseline trained here on the same train split.
//
//   npm run eval:civility                         the shipped model at its default thresholds
//   npm run eval:civility -- --model FILE.json    another model file (e.g. model-permissive.json)
//   --threshold N   evaluate attacks at another threshold (a site's own setting)
//   --json          one JSON object instead of the tables
//
// Attack figures use the score of an attack on anyone (attack + attackOther) except the
// "on a member" table, which uses `attack`, the score the rule acts on by default.

import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { DEFAULT_MODEL, classifyWith, loadModel } from '../server/moderation/civility/index.ts';
import { ATTACK_FAMILIES, FEAR_FAMILIES } from './civility/build-model.ts';
import { baselineScores, baselineSpans, trainBaseline } from './civility/baseline.ts';
import { MEMBER_TARGET_FAMILIES, family, isCivilCritical, loadCorpus, subtype, targetLabel } from './civility/corpus.ts';
import { byFamily, pair, table, type Scored } from './civility/report.ts';
import { meanSpanF1 } from './civility/span-metrics.ts';

const TIMING_ROUNDS = 5;
const ROUND_MS = 400;

function main() {
  const args = process.argv.slice(2);
  const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const modelPath = opt('--model');
  const model = modelPath ? loadModel(readFileSync(modelPath, 'utf8')) : DEFAULT_MODEL;
  const t2 = opt('--threshold') !== undefined ? Number(opt('--threshold')) : model.file.attackThreshold;
  const f2 = model.file.fearAngerThreshold;

  const corpus = loadCorpus();
  const held = corpus.filter((r) => r.split === 'heldout');

  const v2 = held.map((r) => classifyWith(model, r.text));
  const commentsPerSecond = throughput(model, held.map((r) => r.text));

  const t0 = performance.now();
  const baseline = trainBaseline(corpus);
  const baselineSeconds = (performance.now() - t0) / 1000;
  const base = held.map((r) => baselineScores(baseline, r.text));
  const tb = baseline.attackThreshold;
  const fb = baseline.fearThreshold;

  const attackRows: Scored[] = [];
  const civilRows: Scored[] = [];
  // The same comments scored as the default rule scores them: attacks on members only.
  const civilMemberRows: Scored[] = [];
  const memberRows: Scored[] = [];
  const fearRows: Scored[] = [];
  held.forEach((r, i) => {
    const fam = family(r.source);
    const any = v2[i].attack + v2[i].attackOther;
    if (ATTACK_FAMILIES.has(fam) && r.label !== 'fear') {
      attackRows.push({ family: fam, positive: r.label === 'attack', v2: any, base: base[i].attack });
      if (isCivilCritical(r)) {
        const group = fam === 'c3' ? `c3-${subtype(r.source)}` : fam;
        civilRows.push({ family: group, positive: false, v2: any, base: base[i].attack });
        civilMemberRows.push({ family: group, positive: false, v2: v2[i].attack, base: base[i].attack });
      }
      // On a member: attacks whose source says they are aimed at a participant, against their civil comments.
      if (MEMBER_TARGET_FAMILIES.has(fam) || fam === 'toxichat') {
        const onMember = targetLabel(r) === 1;
        memberRows.push({ family: fam, positive: onMember, v2: v2[i].attack, base: base[i].attack });
      }
    }
    if (FEAR_FAMILIES.has(fam)) fearRows.push({ family: fam, positive: r.label === 'fear', v2: v2[i].fearAnger, base: base[i].fearAnger });
    if (ATTACK_FAMILIES.has(fam) && r.label === 'ok') fearRows.push({ family: 'civil comments', positive: false, v2: v2[i].fearAnger, base: base[i].fearAnger });
  });

  // Spans, as the classifier returns them (nothing when it does not flag), against ToxicSpans.
  const spanRows = held.map((r, i) => [r, i] as const).filter(([r]) => r.spans);
  const spanV2 = meanSpanF1(spanRows.map(([r, i]) => ({
    predicted: v2[i].spans.filter((s) => s.label !== 'fearAnger').map((s) => [s.start, s.end] as [number, number]),
    gold: r.spans!,
  })));
  const spanBase = meanSpanF1(spanRows.map(([r, i]) => ({ predicted: base[i].attack >= tb ? baselineSpans(baseline, r.text) : [], gold: r.spans! })));
  // The spans a flag would show, on every ToxicSpans comment whether flagged at the default or not.
  const spanShown = meanSpanF1(spanRows.map(([r]) => ({
    predicted: classifyWith(model, r.text, undefined, { attack: 0, fearAnger: 2 }).spans.map((s) => [s.start, s.end] as [number, number]),
    gold: r.spans!,
  })));
  const spanBaseShown = meanSpanF1(spanRows.map(([r]) => ({ predicted: baselineSpans(baseline, r.text), gold: r.spans! })));
  const flagged = held.map((_, i) => i).filter((i) => v2[i].attack + v2[i].attackOther >= t2);
  const flaggedWithoutSpan = flagged.filter((i) => !v2[i].spans.some((s) => s.label !== 'fearAnger')).length;

  // Whom: of the held-out attacks with a known target, how often the larger of the two scores is the right one.
  const targeted = held.map((r, i) => [targetLabel(r), i] as const).filter(([t]) => t !== null);
  const targetRight = targeted.filter(([t, i]) => (v2[i].attack >= v2[i].attackOther ? 1 : 0) === t).length;

  const attackOverall = pair(attackRows, t2, tb);
  const civil = pair(civilRows, t2, tb);
  const fearOverall = pair(fearRows, f2, fb);
  if (args.includes('--json')) {
    console.log(JSON.stringify({
      model: model.file.name, attackThreshold: t2, fearAngerThreshold: f2, baselineThresholds: { attack: tb, fearAnger: fb },
      attack: attackOverall, civilCritical: civil, civilCriticalMember: pair(civilMemberRows, t2, tb), fear: fearOverall, spanF1: { v2: spanV2, base: spanBase, shownV2: spanShown, shownBase: spanBaseShown },
      target: { n: targeted.length, accuracy: targetRight / targeted.length }, commentsPerSecond,
    }));
    return;
  }
  console.log(`model "${model.file.name}" (trained on ${model.file.trainedOn.join(', ')}); held-out split, ${held.length} comments`);
  console.log(`thresholds: attack ${t2}, fear/anger ${f2} (baseline, chosen by the same rules on validation: ${tb}, ${fb})\n`);
  console.log(table('ATTACK on anyone (attack + attackOther)', byFamily(attackRows, t2, tb), ['auc', 'recall', 'precision', 'fpr']));
  console.log('\n' + table('CIVIL AND CRITICAL comments flagged as attacks on anyone (fpr)', byFamily(civilRows, t2, tb), ['fpr']));
  console.log('\n' + table('CIVIL AND CRITICAL comments flagged as attacks on a member, as the default rule does (fpr; baseline has no target)', byFamily(civilMemberRows, t2, tb), ['fpr']));
  console.log('\n' + table('ATTACK ON A MEMBER (`attack`, what the rule acts on by default; toxichat public-figure attacks count as negatives)', byFamily(memberRows, t2, tb), ['auc', 'recall', 'precision', 'fpr']));
  console.log('\n' + table('FEAR/ANGER', byFamily(fearRows, f2, fb), ['auc', 'recall', 'precision', 'fpr']));
  const sf = (x: number | null) => (x === null ? '-' : x.toFixed(3));
  console.log(`\nSPANS on ToxicSpans (${spanRows.length} comments): character F1 v2 ${sf(spanV2)} / baseline ${sf(spanBase)}`);
  console.log(`SPANS a flag shows, on every ToxicSpans comment: character F1 v2 ${sf(spanShown)} / baseline ${sf(spanBaseShown)}`);
  console.log(`flagged attacks with no span: ${flaggedWithoutSpan} of ${flagged.length}`);
  console.log(`TARGET: member vs other right on ${targetRight} of ${targeted.length} held-out attacks with a known target (${sf(targetRight / targeted.length)})`);
  console.log(`\nthroughput: ${commentsPerSecond} comments/s (per second of one core's CPU time, best of ${TIMING_ROUNDS} rounds over the held-out texts); baseline trained in ${baselineSeconds.toFixed(0)} s`);
}

/**
 * Comments per second of this process's CPU time (one core: scoring is synchronous), best of
 * several rounds; on a shared machine wall-clock time would also count other processes' turns.
 */
function throughput(model: ReturnType<typeof loadModel>, texts: readonly string[]): number {
  let best = 0;
  for (let round = 0; round < TIMING_ROUNDS; round++) {
    let n = 0;
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    do {
      for (const t of texts) classifyWith(model, t);
      n += texts.length;
    } while (performance.now() - t0 < ROUND_MS);
    const cpu = process.cpuUsage(cpu0);
    best = Math.max(best, Math.round(n / ((cpu.user + cpu.system) / 1e6)));
  }
  return best;
}

main();
