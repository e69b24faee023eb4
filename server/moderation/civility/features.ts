// Hashed features of one comment, shared by training and inference. Four families:
//  - words: normalised words (de-leeted, stretched letters folded; normalize.ts), with a word
//    inside a negation or quotation, or a bad word aimed at an idea or the writer ("your argument
//    is stupid", "I'm an idiot"), hashed apart from the same word used plainly;
//  - bigrams of neighbouring words within a sentence;
//  - character 3- to 5-grams of each plain word (misspellings, word parts);
//  - cues (cues.ts): lexicon and target cues, counted at full strength whatever the length.
// N-gram values shrink with the comment's length, so a long civil comment is not flagged for
// having many words, while one aimed insult counts in any length.
// Each feature remembers the tokens it came from, so a score can be traced back to the text.

import { FAMILY, cueHash, forEachTextGram, mix } from './hashing.ts';
import type { Cue } from './cues.ts';
import { gramsOf } from './normalize.ts';
import { NEGATED, QUOTED, SENTENCE_START, SOFTENED, type Tokens } from './tokens.ts';

export const KIND_WORD = 1;
export const KIND_BIGRAM = 2;
export const KIND_CHARS = 4;
export const KIND_CUE = 8;
export const KIND_ALL = 15;

/** Comments up to this many words get full-strength n-gram features. */
const FULL_STRENGTH_TOKENS = 8;

export class Features {
  length = 0;
  hash = new Int32Array(256);
  value = new Float32Array(256);
  kind = new Uint8Array(256);
  /** Token range [from, to) of the feature; from = -1 for the whole comment. */
  from = new Int32Array(256);
  to = new Int32Array(256);

  push(hash: number, value: number, kind: number, from: number, to: number): void {
    const i = this.length++;
    if (i === this.hash.length) this.grow();
    this.hash[i] = hash;
    this.value[i] = value;
    this.kind[i] = kind;
    this.from[i] = from;
    this.to[i] = to;
  }

  private grow() {
    const n = this.hash.length * 2;
    const widen = <T extends Int32Array | Float32Array | Uint8Array>(a: T, b: T): T => (b.set(a), b);
    this.hash = widen(this.hash, new Int32Array(n));
    this.value = widen(this.value, new Float32Array(n));
    this.kind = widen(this.kind, new Uint8Array(n));
    this.from = widen(this.from, new Int32Array(n));
    this.to = widen(this.to, new Int32Array(n));
  }
}

let sink: Features;
let sinkValue = 0;
const pushTextGram = (h: number) => sink.push(h, sinkValue, KIND_CHARS, -1, -1);

/** Character grams of the raw text, together weighing as much as the word family. */
function textGrams(text: string, out: Features): void {
  const count = 3 * (text.length + 2) - 9;
  if (count <= 0) return;
  sink = out;
  sinkValue = 1 / Math.sqrt(count);
  forEachTextGram(text, pushTextGram);
}

/** The hash of token i's word feature: negated and quoted words are features of their own. */
export function wordHash(tokens: Tokens, i: number): number {
  const h = tokens.word[i].hash;
  const f = tokens.flags[i];
  return f & QUOTED ? mix(h, FAMILY.quotedWord) : f & NEGATED ? mix(h, FAMILY.negatedWord) : f & SOFTENED ? mix(h, FAMILY.softenedWord) : h;
}

export function extractFeatures(text: string, tokens: Tokens, cues: readonly Cue[], out: Features): Features {
  out.length = 0;
  textGrams(text, out);
  const n = tokens.length;
  const scale = n > FULL_STRENGTH_TOKENS ? Math.sqrt(FULL_STRENGTH_TOKENS / n) : 1;
  // Character grams of all plain words together have the weight of one word family.
  let grams = 0;
  for (let i = 0; i < n; i++) if (!(tokens.flags[i] & (QUOTED | NEGATED | SOFTENED))) grams += gramsOf(tokens.word[i]).length;
  const v = grams > 0 ? Math.sqrt(FULL_STRENGTH_TOKENS) * scale / Math.sqrt(grams) : 0;
  let prev = 0;
  for (let i = 0; i < n; i++) {
    const h = wordHash(tokens, i);
    out.push(h, scale, KIND_WORD, i, i + 1);
    if (i > 0 && !tokens.has(i, SENTENCE_START)) out.push(mix(prev, h) ^ FAMILY.bigram, scale, KIND_BIGRAM, i - 1, i + 1);
    prev = h;
    if (tokens.flags[i] & (QUOTED | NEGATED | SOFTENED)) continue;
    const g = gramsOf(tokens.word[i]);
    for (let k = 0; k < g.length; k++) out.push(g[k], v, KIND_CHARS, i, i + 1);
  }
  for (const c of cues) out.push(cueHash(c.name), 1, KIND_CUE, c.from, c.to);
  return out;
}
