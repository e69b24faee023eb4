// Feature hashing: every feature is a 32-bit number, so a model is a few fixed-size weight
// arrays and no vocabulary (no text from the training data) is stored. The same functions run
// in training and at inference, so the two cannot drift apart.

/** FNV-1a over a string's UTF-16 units, with a seed to keep feature families apart. */
export function hashString(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Combines two hashes into one (murmur3's finaliser over a mix of both). */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

// Families of features: a word and the same word inside a negation are different features.
export const FAMILY = {
  word: 0x1001,
  negatedWord: 0x1002,
  quotedWord: 0x1003,
  softenedWord: 0x1004,
  bigram: 0x2001,
  chars: 0x3001,
  textChars: 0x3002,
  cue: 0x4001,
  tokenContext: 0x5001,
} as const;

const cueHashes = new Map<string, number>();

/** Hash of a named cue feature ("R:noun:you"), computed once per name. */
export function cueHash(name: string): number {
  let h = cueHashes.get(name);
  if (h === undefined) {
    h = hashString(name, FAMILY.cue);
    cueHashes.set(name, h);
  }
  return h;
}

export const GRAM_MIN = 3;
export const GRAM_MAX = 5;

/**
 * Character 3- to 5-grams of a normalised word with boundary marks ("<idiot>"), which carry
 * misspellings and word parts ("idiotic", "idiots") that whole-word features miss.
 */
export function charGramHashes(norm: string): Int32Array {
  const w = `<${norm}>`;
  const out: number[] = [];
  for (let n = GRAM_MIN; n <= GRAM_MAX; n++) {
    for (let i = 0; i + n <= w.length; i++) {
      let h = FAMILY.chars ^ 0x811c9dc5;
      for (let k = i; k < i + n; k++) h = Math.imul(h ^ w.charCodeAt(k), 0x01000193);
      out.push(h | 0);
    }
  }
  // A very short word is also its own gram ("<u>" is 3 characters): no special case needed.
  return Int32Array.from(out);
}

export const TEXT_GRAM_SEED = (FAMILY.textChars ^ 0x811c9dc5) | 0;

/**
 * Calls `emit` with the hash of every character 3-, 4- and 5-gram of the lowercased text, as if
 * padded with a space at both ends. These cross word boundaries ("u r a", "!!!"), which the
 * per-word grams do not. A rolling FNV-1a: no substrings are made.
 */
export function forEachTextGram(text: string, emit: (hash: number) => void): void {
  const n = text.length;
  for (let i = -1; i + GRAM_MIN <= n + 1; i++) {
    let h = TEXT_GRAM_SEED;
    for (let k = 0; k < GRAM_MAX && i + k <= n; k++) {
      const at = i + k;
      let c = at < 0 || at >= n ? 32 : text.charCodeAt(at);
      if (c >= 65 && c <= 90) c += 32;
      h = Math.imul(h ^ c, 0x01000193);
      if (k + 1 >= GRAM_MIN) emit(h);
    }
  }
}
