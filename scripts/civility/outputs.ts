// Pinned outputs of the civility classifier: the texts they are taken on and
// how they are recorded. A speed-up must leave every score and span unchanged.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type CivilityScores, classifyCivility } from '../../server/moderation/civility/index.ts';
import { readJsonl } from './data.ts';
import { generatedSentences } from './sentences.ts';

export interface PinnedOutput extends CivilityScores { text: string }

export const FIXTURE_DIR = 'test/fixtures/civility';
export const SNAPSHOT_PATH = join(FIXTURE_DIR, 'outputs-snapshot.json');
const GENERATED = 400;

/** Every line of the project's own fixtures, then the generated sentences. */
export function pinnedTexts(dir = FIXTURE_DIR): string[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort();
  return [...files.flatMap((f) => readJsonl(join(dir, f)).map((r) => r.text)), ...generatedSentences(GENERATED)];
}

export function outputsOf(texts: readonly string[]): PinnedOutput[] {
  return texts.map((text) => ({ text, ...classifyCivility(text) }));
}
