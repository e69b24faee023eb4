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
export const FULL_STRENGTH_TOKENS = 8;

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

/**
 * Character grams of the raw text, together weighing as much as the word family. Words that are
 * negated, quoted or aimed at an idea or the writer are blanked first, as their word features
 * are kept apart: otherwise "stupid" in "your argument is stupid" would count through its letters.
 */
function textGrams(text: string, tokens: Tokens, out: Features): void {
  const value = textGramValue(text);
  if (value === 0) return;
  sink = out;
  sinkValue = value;
  forEachTextGram(gramText(text, tokens), pushTextGram);
}

/** The value of each raw-text gram feature: together they weigh as much as one family. */
export function textGramValue(text: string): number {
  const count = 3 * (text.length + 2) - 9;
  return count > 0 ? 1 / Math.sqrt(count) : 0;
}

/** The text the raw grams are taken from: negated, quoted and softened words blanked. */
export function gramText(text: string, tokens: Tokens): string {
  let blanked = '';
  let from = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (!(tokens.flags[i] & (QUOTED | NEGATED | SOFTENED))) continue;
    blanked += text.slice(from, tokens.start[i]) + ' '.repeat(tokens.end[i] - tokens.start[i]);
    from = tokens.end[i];
  }
  return from === 0 ? text : blanked + text.slice(from);
}

/** The hash of token i's word feature: negated and quoted words are features of their own. */
export function wordHash(tokens: Tokens, i: number): number {
  const h = tokens.word[i].hash;
  const f = tokens.flags[i];
  return f & QUOTED ? mix(h, FAMILY.quotedWord) : f & NEGATED ? mix(h, FAMILY.negatedWord) : f & SOFTENED ? mix(h, FAMILY.softenedWord) : h;
}

/**
 * `withTextGrams` false leaves out the raw-text grams, which explain nothing (they belong to no
 * word): the scorer adds their weights straight from the text instead of storing each one.
 */
export function extractFeatures(text: string, tokens: Tokens, cues: readonly Cue[], out: Features, withTextGrams = true): Features {
  out.length = 0;
  if (withTextGrams) textGrams(text, tokens, out);
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
