// The attack head's score of a comment's strongest sentence, worked out from the same features
// as the whole comment (no second analysis): each feature's push is credited to the sentence of
// its first word and rescaled to that sentence's length, as if the sentence were the comment.
// One insult in a long, otherwise civil comment is diluted in the comment's score but not in
// its sentence's; the calibration weighs the two.

import { FULL_STRENGTH_TOKENS, KIND_BIGRAM, KIND_CHARS, KIND_WORD } from './features.ts';
import { gramsOf } from './normalize.ts';
import { NEGATED, QUOTED, SENTENCE_START, SOFTENED, type Tokens } from './tokens.ts';

export interface Sentences {
  count: number;
  /** Sentence of each token. */
  of: Int32Array;
  /** Per sentence: factor from the comment's word and gram values to the sentence's own. */
  wordFactor: Float64Array;
  gramFactor: Float64Array;
  /** Per sentence: the sum of its features' raw pushes (filled by the scorer). */
  sum: Float64Array;
}

const lengthScale = (n: number) => (n > FULL_STRENGTH_TOKENS ? Math.sqrt(FULL_STRENGTH_TOKENS / n) : 1);
const gramValue = (n: number, g: number) => (g > 0 ? (Math.sqrt(FULL_STRENGTH_TOKENS) * lengthScale(n)) / Math.sqrt(g) : 0);

export function newSentences(): Sentences {
  return { count: 0, of: new Int32Array(64), wordFactor: new Float64Array(16), gramFactor: new Float64Array(16), sum: new Float64Array(16) };
}

let words = new Float64Array(16);
let grams = new Float64Array(16);

/** Splits the tokens into sentences and works out each one's rescaling factors (sums zeroed). */
export function prepareSentences(tokens: Tokens, into: Sentences): Sentences {
  const n = tokens.length;
  if (into.of.length < n) into.of = new Int32Array(n * 2);
  let s = -1;
  for (let i = 0; i < n; i++) {
    if (i === 0 || tokens.has(i, SENTENCE_START)) s++;
    into.of[i] = s;
  }
  const count = s + 1;
  into.count = count;
  if (into.sum.length < count) {
    into.wordFactor = new Float64Array(count * 2);
    into.gramFactor = new Float64Array(count * 2);
    into.sum = new Float64Array(count * 2);
    words = new Float64Array(count * 2);
    grams = new Float64Array(count * 2);
  } else if (words.length < count) {
    words = new Float64Array(into.sum.length);
    grams = new Float64Array(into.sum.length);
  }
  words.fill(0, 0, count);
  grams.fill(0, 0, count);
  into.sum.fill(0, 0, count);
  let docGrams = 0;
  for (let i = 0; i < n; i++) {
    words[into.of[i]]++;
    if (!(tokens.flags[i] & (QUOTED | NEGATED | SOFTENED))) {
      const g = gramsOf(tokens.word[i]).length;
      grams[into.of[i]] += g;
      docGrams += g;
    }
  }
  const docWord = lengthScale(n);
  const docGram = gramValue(n, docGrams);
  for (let t = 0; t < count; t++) {
    into.wordFactor[t] = lengthScale(words[t]) / docWord;
    into.gramFactor[t] = docGram > 0 ? gramValue(words[t], grams[t]) / docGram : 0;
  }
  return into;
}

/** The factor for a feature of kind `k` in sentence `t`: cues count at full strength anywhere. */
export function sentenceFactor(s: Sentences, k: number, t: number): number {
  return k & (KIND_WORD | KIND_BIGRAM) ? s.wordFactor[t] : k & KIND_CHARS ? s.gramFactor[t] : 1;
}

/** The largest sentence sum, or the comment's own when it is one sentence (or none). */
export function strongestSum(s: Sentences, whole: number): number {
  if (s.count <= 1) return whole;
  let best = -Infinity;
  for (let t = 0; t < s.count; t++) best = Math.max(best, s.sum[t]);
  return best;
}
