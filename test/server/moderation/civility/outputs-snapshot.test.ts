import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type PinnedOutput, SNAPSHOT_PATH, outputsOf, pinnedTexts } from '../../../../scripts/civility/outputs.ts';

// Outputs recorded from the classifier as it was before any speed-up. Scores must
// match bit for bit and spans exactly; regenerate the file (scripts/snapshot-civility.ts)
// only for a change that is meant to alter results.
const pinned = JSON.parse(readFileSync(SNAPSHOT_PATH, 'utf8')) as PinnedOutput[];

describe('classifyCivility outputs', () => {
  const texts = pinnedTexts();

  it('are pinned for every fixture line and generated sentence', () => {
    expect(pinned.map((p) => p.text)).toEqual(texts);
    expect(pinned.filter((p) => p.spans.length > 0).length).toBeGreaterThan(pinned.length / 2);
  });

  it('match the snapshot exactly', () => {
    expect(outputsOf(texts)).toEqual(pinned);
  });

  it('do not depend on what was classified before (word caches)', () => {
    expect(outputsOf([...texts].reverse())).toEqual([...pinned].reverse());
  });
});
