// Builds the civility model from the shared labelled data (../shared/civility), deterministically:
// the same data gives the same file, byte for byte.
//
//   npm run civility:build                      writes server/moderation/civility/model.json
//   npm run civility:build -- --permissive-only  only sources whose licences allow commercial use;
//                                                writes server/moderation/civility/model-permissive.json
//   --out PATH                                   write somewhere else
//
// Training uses the train split; calibration and thresholds the validation split; the held-out
// split is left for `npm run eval:civility`.

import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildModel } from './civility/build-model.ts';
import { ROOT, loadCorpus } from './civility/corpus.ts';

function main() {
  const args = process.argv.slice(2);
  const permissiveOnly = args.includes('--permissive-only');
  const outArg = args.indexOf('--out');
  const out = outArg >= 0 ? resolve(args[outArg + 1]) : resolve(ROOT, 'server/moderation/civility', permissiveOnly ? 'model-permissive.json' : 'model.json');
  const t0 = Date.now();
  const file = buildModel(loadCorpus(), { permissiveOnly, log: (l) => console.log(l) });
  writeFileSync(out, JSON.stringify(file) + '\n');
  console.log(`wrote ${out} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

main();
