// The attack model's weights, indexed for scoring without building feature-name
// strings. The weights are learned by scripts/train-civility.ts and stored as
// two parallel arrays in weights.json (readable, diffable, and small because
// near-zero weights are dropped). Every word of the model's vocabulary gets a
// number; a bigram is found by the pair of numbers.

import { unigramKey } from './attack-features.ts';
import type { WordInfo } from './normalize.ts';
import model from './weights.json';

export interface AttackModelFile {
  /** Score at or above which a comment is treated as an attack. */
  threshold: number;
  bias: number;
  names: string[];
  weights: number[];
}

export const MODEL: AttackModelFile = model;
export const W = Float64Array.from(MODEL.weights);
/** Rule and phrase features by name -> weight id. */
export const RULES = new Map<string, number>();

const VOCAB = new Map<string, number>();
const UNIGRAM_OF: number[] = []; // vocab id -> weight id, or -1
const BIGRAM_ROLE: number[] = []; // vocab id -> FIRST_OF_BIGRAM | SECOND_OF_BIGRAM
export const FIRST_OF_BIGRAM = 1;
export const SECOND_OF_BIGRAM = 2;
const bigrams: [first: number, second: number, id: number][] = [];

function vocabId(word: string): number {
  let v = VOCAB.get(word);
  if (v === undefined) {
    v = VOCAB.size;
    VOCAB.set(word, v);
    UNIGRAM_OF.push(-1);
    BIGRAM_ROLE.push(0);
  }
  return v;
}

for (let id = 0; id < MODEL.names.length; id++) {
  const name = MODEL.names[id];
  if (name.startsWith('u:')) UNIGRAM_OF[vocabId(name.slice(2))] = id;
  else if (name.startsWith('b:')) {
    const sp = name.indexOf(' ', 2);
    const first = vocabId(name.slice(2, sp));
    const second = vocabId(name.slice(sp + 1));
    bigrams.push([first, second, id]);
    BIGRAM_ROLE[first] |= FIRST_OF_BIGRAM;
    BIGRAM_ROLE[second] |= SECOND_OF_BIGRAM;
  } else RULES.set(name, id);
}

// Bigrams grouped by their first word, each group sorted by second word, as
// [second, weight id] pairs in one array: a lookup is a binary search in a
// short run, and the runs of common first words ("the", "you") stay in cache,
// where a hash table over all pairs would send every probe somewhere new.
bigrams.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
const groupStart = new Int32Array(VOCAB.size + 1); // first word -> index of its first pair
const pairs = new Int32Array(bigrams.length * 2);
bigrams.forEach(([first, second, id], k) => {
  groupStart[first + 1] = k + 1;
  pairs[2 * k] = second;
  pairs[2 * k + 1] = id;
});
for (let v = 1; v <= VOCAB.size; v++) groupStart[v] = Math.max(groupStart[v], groupStart[v - 1]);

/** Weight id of the bigram (first, second), or -1. */
export function bigramId(first: number, second: number): number {
  let lo = groupStart[first];
  let hi = groupStart[first + 1];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const s = pairs[2 * mid];
    if (s === second) return pairs[2 * mid + 1];
    if (s < second) lo = mid + 1;
    else hi = mid;
  }
  return -1;
}

const NUM_UNIGRAM = UNIGRAM_OF[VOCAB.get('<num>') ?? -1] ?? -1;

/** Fills a word's model slots (see WordInfo.vocabId). */
export function resolve(info: WordInfo): void {
  const vid = VOCAB.get(info.norm) ?? -1;
  info.vocabId = vid;
  // Numbers share the "<num>" unigram but keep their own word in bigrams.
  info.unigramId = unigramKey(info.norm) === '<num>' ? NUM_UNIGRAM : vid >= 0 ? UNIGRAM_OF[vid] : -1;
  info.bigramRole = vid >= 0 ? BIGRAM_ROLE[vid] : 0;
}
