// The attack head's score of a comment's strongest sentence, worked out from the same features
// as the whole comment (no second analysis): each feature's push is credited to the sentence of
// its first word and rescaled to that sentence's length. One insult in a long, otherwise civil
// comment is diluted in the comment's score but not in its sentence's; the calibration weighs the two.

import type { Analysis } from './analyze.ts';
import { FULL_STRENGTH_TOKENS, KIND_BIGRAM, KIND_CHARS, KIND_WORD } from './features.ts';
import type { Head } from './model-file.ts';
import { gramsOf } from './normalize.ts';
import { NEGATED, QUOTED, SENTENCE_START, SOFTENED } from './tokens.ts';

let sentenceOf = new Int32Array(64);
let words = new Float64Array(16);
let grams = new Float64Array(16);
let z = new Float64Array(16);

const lengthScale = (n: number) => (n > FULL_STRENGTH_TOKENS ? Math.sqrt(FULL_STRENGTH_TOKENS / n) : 1);
const gramValue = (n: number, g: number) => (g > 0 ? (Math.sqrt(FULL_STRENGTH_TOKENS) * lengthScale(n)) / Math.sqrt(g) : 0);

export function strongestSentenceLogit(head: Head, a: Analysis, wholeLogit: number): number {
  const { tokens, features: f } = a;
  const n = tokens.length;
  if (n === 0) return wholeLogit;
  if (sentenceOf.length < n) sentenceOf = new Int32Array(n * 2);
  let s = -1;
  let docGrams = 0;
  for (let i = 0; i < n; i++) {
    if (i === 0 || tokens.has(i, SENTENCE_START)) s++;
    sentenceOf[i] = s;
  }
  const count = s + 1;
  if (count === 1) return wholeLogit;
  if (z.length < count) {
    words = new Float64Array(count * 2);
    grams = new Float64Array(count * 2);
    z = new Float64Array(count * 2);
  }
  words.fill(0, 0, count);
  grams.fill(0, 0, count);
  z.fill(head.bias, 0, count);
  for (let i = 0; i < n; i++) {
    words[sentenceOf[i]]++;
    if (!(tokens.flags[i] & (QUOTED | NEGATED | SOFTENED))) {
      const g = gramsOf(tokens.word[i]).length;
      grams[sentenceOf[i]] += g;
      docGrams += g;
    }
  }
  const docWord = lengthScale(n);
  const docGram = gramValue(n, docGrams);
  for (let i = 0; i < f.length; i++) {
    const k = f.kind[i];
    if (!(k & head.kinds) || f.from[i] < 0) continue;
    const t = sentenceOf[f.from[i]];
    let c = head.w[f.hash[i] & head.mask] * f.value[i];
    if (k & (KIND_WORD | KIND_BIGRAM)) c *= lengthScale(words[t]) / docWord;
    else if (k & KIND_CHARS) c *= docGram > 0 ? gramValue(words[t], grams[t]) / docGram : 0;
    z[t] += c;
  }
  let best = -Infinity;
  for (let t = 0; t < count; t++) best = Math.max(best, z[t]);
  return best;
}
