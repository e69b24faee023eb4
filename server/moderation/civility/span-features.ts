// Features of one word for the span head, which says which words of an attack are the insult.
// A word is judged with its neighbours and the cues that cover it ("idiot" aimed at "you").

import { FAMILY, cueHash, mix } from './hashing.ts';
import type { Cue } from './cues.ts';
import { KIND_BIGRAM, KIND_CHARS, KIND_CUE, KIND_WORD, type Features, wordHash } from './features.ts';
import { gramsOf } from './normalize.ts';
import { CAPS, SENTENCE_START, type Tokens } from './tokens.ts';

const PREV = FAMILY.tokenContext + 1;
const NEXT = FAMILY.tokenContext + 2;
const COVER = FAMILY.tokenContext + 3;
const SHAPE = FAMILY.tokenContext + 4;
const BOUNDARY = 0x5eed;

/** For each token, the cues whose range covers it (cues about the whole comment are left out). */
export function cuesByToken(tokens: Tokens, cues: readonly Cue[], into: number[][]): number[][] {
  for (let i = 0; i < tokens.length; i++) (into[i] ??= []).length = 0;
  cues.forEach((c, k) => {
    for (let t = Math.max(0, c.from); t < c.to && t < tokens.length; t++) into[t].push(k);
  });
  return into;
}

export function tokenFeatures(tokens: Tokens, i: number, cues: readonly Cue[], covering: readonly number[], out: Features): Features {
  out.length = 0;
  out.push(wordHash(tokens, i), 1, KIND_WORD, i, i + 1);
  const prev = i > 0 && !tokens.has(i, SENTENCE_START) ? wordHash(tokens, i - 1) : BOUNDARY;
  const next = i + 1 < tokens.length && !tokens.has(i + 1, SENTENCE_START) ? wordHash(tokens, i + 1) : BOUNDARY;
  out.push(mix(prev, PREV), 1, KIND_BIGRAM, i, i + 1);
  out.push(mix(next, NEXT), 1, KIND_BIGRAM, i, i + 1);
  const grams = gramsOf(tokens.word[i]);
  const v = 1 / Math.sqrt(grams.length);
  for (let k = 0; k < grams.length; k++) out.push(grams[k], v, KIND_CHARS, i, i + 1);
  for (const k of covering) out.push(mix(cueHash(cues[k].name), COVER), 1, KIND_CUE, i, i + 1);
  const cls = tokens.word[i].cls;
  out.push(shapeHash(cls, tokens.has(i, CAPS), covering.length > 0), 1, KIND_CUE, i, i + 1);
  return out;
}

const CLASSES = [null, 'slur', 'noun', 'adj', 'prof'] as const;
const shapes = new Int32Array(CLASSES.length * 4);
const shapeKnown = new Uint8Array(CLASSES.length * 4);

/** The word's shape (its lexicon class, capitals, covered by a cue) as a feature, hashed once per shape. */
function shapeHash(cls: (typeof CLASSES)[number], caps: boolean, covered: boolean): number {
  const code = CLASSES.indexOf(cls) * 4 + (caps ? 2 : 0) + (covered ? 1 : 0);
  if (!shapeKnown[code]) {
    shapes[code] = mix(cueHash(`${cls ?? '-'}:${caps ? 'caps' : '-'}:${covered ? 'covered' : '-'}`), SHAPE);
    shapeKnown[code] = 1;
  }
  return shapes[code] >>> 0;
}
