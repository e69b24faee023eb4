// Trains the attack model of the civility classifier and writes
// server/moderation/civility/weights.json.
//
//   npx tsx scripts/train-civility.ts                 train on the train split, write weights
//   npx tsx scripts/train-civility.ts --write-splits  also write .tmp/civility-{train,heldout}.jsonl
//   npx tsx scripts/train-civility.ts --cv            cross-validate a small grid on the train split
//   --data PATH   labelled comments (default: ../shared/civility/dev.jsonl from the repo root)
//
// Only the train split is used for fitting, tuning and picking the threshold;
// the held-out quarter is left for scripts/eval-civility.ts.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PARAMS, PRUNE, crossValidate, featurize, fit, pickThreshold, summary } from './civility/attack-training.ts';
import { type Example, readJsonl, splitHeldOut } from './civility/data.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WEIGHTS_PATH = resolve(ROOT, 'server/moderation/civility/weights.json');

function main() {
  const args = process.argv.slice(2);
  const dataArg = args.indexOf('--data');
  const dataPath = dataArg >= 0 ? resolve(args[dataArg + 1]) : resolve(ROOT, '../shared/civility/dev.jsonl');
  const all = readJsonl(dataPath);
  const { train, heldout } = splitHeldOut(all);
  console.log(`${all.length} comments: ${train.length} train, ${heldout.length} held out`);

  if (args.includes('--write-splits')) {
    mkdirSync(resolve(ROOT, '.tmp'), { recursive: true });
    const dump = (rows: Example[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
    writeFileSync(resolve(ROOT, '.tmp/civility-train.jsonl'), dump(train));
    writeFileSync(resolve(ROOT, '.tmp/civility-heldout.jsonl'), dump(heldout));
    console.log('wrote .tmp/civility-train.jsonl and .tmp/civility-heldout.jsonl');
  }

  const bags = featurize(train);

  if (args.includes('--cv')) {
    for (const l2 of [0.1, 0.3, 1])
      for (const epochs of [5])
        for (const minDf of [3])
          for (const cmvOkWeight of [2, 3]) {
            const p = { ...PARAMS, l2, epochs, minDf, cmvOkWeight };
            const oof = crossValidate(bags, train, p);
            console.log(JSON.stringify({ l2, epochs, minDf, cmvOkWeight }), summary(oof, train, pickThreshold(oof, train)));
          }
    return;
  }

  const oof = crossValidate(bags, train, PARAMS);
  const threshold = pickThreshold(oof, train);
  console.log('cross-validated on train:', summary(oof, train, threshold));

  const { names, model } = fit(bags, train, PARAMS);
  const kept = names.map((n, i) => [n, model.w[i]] as const).filter(([, w]) => Math.abs(w) >= PRUNE);
  const file = {
    threshold,
    bias: Math.round(model.bias * 10000) / 10000,
    names: kept.map(([n]) => n),
    weights: kept.map(([, w]) => Math.round(w * 1000) / 1000),
  };
  writeFileSync(WEIGHTS_PATH, JSON.stringify(file) + '\n');
  console.log(`wrote ${WEIGHTS_PATH}: ${kept.length} of ${names.length} features kept`);
}

main();
