// The shared labelled data, read at run time from ../shared/civility (never copied into the
// repository), split deterministically by a hash of each text.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fnv1a } from './data.ts';

export interface Labelled {
  text: string;
  label: 'attack' | 'ok' | 'fear';
  source: string;
  /** ToxicSpans: [start, end) character ranges of the insult. */
  spans?: [number, number][];
}

export type Split = 'train' | 'validation' | 'heldout';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED_DIR = resolve(ROOT, '../shared/civility');
/** The project's own fear/anger fixtures: the first is trained on, the second is always held out. */
export const FIXTURE_TRAIN = resolve(ROOT, 'test/fixtures/civility/fear-anger.jsonl');
/** Threats and fear appeals written without the stock phrases, and look-alike civil comments: trained on only. */
export const FIXTURE_THREATS = resolve(ROOT, 'test/fixtures/civility/fear-anger-threats.jsonl');
export const FIXTURE_HELDOUT = resolve(ROOT, 'test/fixtures/civility/fear-anger-heldout.jsonl');
export const FIXTURE_HELDOUT_SOURCE = 'parley-fixture-heldout';

/** Percent of texts (by hash) for training and validation; the rest is held out. */
const TRAIN_PERCENT = 70;
const VALIDATION_PERCENT = 15;

/** The same text always lands in the same split, whatever file or order it comes in. */
export function splitOf(text: string): Split {
  const bucket = fnv1a('civility-split:' + text) % 100;
  return bucket < TRAIN_PERCENT ? 'train' : bucket < TRAIN_PERCENT + VALIDATION_PERCENT ? 'validation' : 'heldout';
}

function readLabelled(path: string, sourceOverride?: string): Labelled[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const r = JSON.parse(l) as Labelled;
      return { text: r.text, label: r.label, source: sourceOverride ?? r.source ?? '(none)', spans: r.spans };
    });
}

/** Every labelled line: dev.jsonl, external/*.jsonl and the project's fixtures, with their split. */
export function loadCorpus(dir = SHARED_DIR): (Labelled & { split: Split })[] {
  if (!existsSync(join(dir, 'dev.jsonl'))) throw new Error(`no civility data at ${dir} (expected dev.jsonl and external/)`);
  const files = [join(dir, 'dev.jsonl'), ...readdirSync(join(dir, 'external')).filter((f) => f.endsWith('.jsonl')).sort().map((f) => join(dir, 'external', f))];
  const rows = files.flatMap((f) => readLabelled(f));
  rows.push(...readLabelled(FIXTURE_TRAIN));
  const out = rows.map((r) => ({ ...r, split: splitOf(r.text) }));
  for (const r of readLabelled(FIXTURE_THREATS)) out.push({ ...r, split: 'train' });
  for (const r of readLabelled(FIXTURE_HELDOUT)) out.push({ ...r, source: FIXTURE_HELDOUT_SOURCE + '/' + r.source, split: 'heldout' });
  return out;
}

/** Source family: the part before "/" and before a subtype suffix ("c3-sharp" -> "c3"). */
export function family(source: string): string {
  const prefix = source.split('/')[0];
  if (prefix === 'cc-toxicspans') return 'toxicspans';
  if (prefix.startsWith('habernal2018')) return 'cmv';
  if (prefix.startsWith('kaggle')) return 'kaggle';
  if (prefix.startsWith('parley-fixture-heldout')) return 'fixture-heldout';
  if (prefix.startsWith('parley-fixture')) return 'fixture';
  const dash = prefix.indexOf('-');
  return dash < 0 ? prefix : prefix.slice(0, dash);
}

/** The subtype suffix of a source ("c3-sharp" -> "sharp"), or "" when there is none. */
export function subtype(source: string): string {
  const prefix = source.split('/')[0];
  const dash = prefix.indexOf('-');
  return dash < 0 ? '' : prefix.slice(dash + 1);
}

/**
 * Civil and critical comments: sharp-but-civil and constructive news comments (C3, CTC) and the
 * development set's ok comments. A false positive here is criticism read as an attack.
 */
export function isCivilCritical(r: Labelled): boolean {
  if (r.label !== 'ok') return false;
  const f = family(r.source);
  const s = subtype(r.source);
  return (f === 'c3' && (s === 'constructive' || s === 'sharp')) || f === 'ctc' || f === 'kaggle' || f === 'cmv';
}

/** Sources whose licences allow shipping weights in a commercial product (SOURCES.md; CMV is Apache-2.0). */
export const PERMISSIVE_FAMILIES = new Set(['toxicspans', 'fox', 'goemo', 'convabuse', 'toxichat', 'cmv', 'fixture']);

/** Sources whose attack label means "aimed at a member of the conversation". */
export const MEMBER_TARGET_FAMILIES = new Set(['kaggle', 'cmv', 'convabuse']);

/** Target label of an attack for the target head: 1 member, 0 someone else, null unknown. */
export function targetLabel(r: Labelled): 0 | 1 | null {
  if (r.label !== 'attack') return null;
  const f = family(r.source);
  // A site's moderators reject as a personal attack what attacks a fellow member (the guidelines' words).
  if (f === 'site') return 1;
  if (MEMBER_TARGET_FAMILIES.has(f)) return 1;
  if (f === 'toxichat') return subtype(r.source) === 'person' ? 1 : 0;
  if (f === 'fox') return 0;
  return null;
}
