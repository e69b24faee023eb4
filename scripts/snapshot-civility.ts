// Records or checks the civility classifier's outputs.
//
//   npx tsx scripts/snapshot-civility.ts                     # rewrite test/fixtures/civility/outputs-snapshot.json
//   npx tsx scripts/snapshot-civility.ts --check             # compare against it
//   npx tsx scripts/snapshot-civility.ts --check --in FILE.jsonl --out .tmp/outputs.json
//
// Rewrite the snapshot only when the classifier is meant to change (new weights
// or rules); a speed-up must pass --check with the old one.

import { readFileSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { readJsonl } from './civility/data.ts';
import { type PinnedOutput, SNAPSHOT_PATH, outputsOf, pinnedTexts } from './civility/outputs.ts';

function main() {
  const args = process.argv.slice(2);
  const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const input = opt('--in');
  const out = opt('--out') ?? SNAPSHOT_PATH;
  const texts = input ? readJsonl(input).map((r) => r.text) : pinnedTexts();
  const now = outputsOf(texts);
  if (!args.includes('--check')) {
    // One output a line: a changed comment shows up as one changed line.
    writeFileSync(out, `[\n${now.map((o) => JSON.stringify(o)).join(',\n')}\n]\n`);
    console.log(`wrote ${now.length} outputs to ${out}`);
    return;
  }
  // Through JSON, as the file stores them: doubles survive the round trip exactly.
  const fresh = JSON.parse(JSON.stringify(now)) as PinnedOutput[];
  const pinned = JSON.parse(readFileSync(out, 'utf8')) as PinnedOutput[];
  const differ = pinned.filter((p, i) => !isDeepStrictEqual(p, fresh[i]));
  if (pinned.length !== fresh.length) console.log(`count differs: ${pinned.length} pinned, ${fresh.length} now`);
  for (const p of differ.slice(0, 5)) console.log('differs:', JSON.stringify(p.text).slice(0, 100));
  console.log(`${fresh.length - differ.length} of ${pinned.length} outputs identical`);
  if (differ.length > 0 || pinned.length !== fresh.length) process.exit(1);
}

main();
