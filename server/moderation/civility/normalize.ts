// Word-level normalisation. We normalise token by token rather than rewriting
// the whole string: every token keeps the original [start, end) it came from, so
// spans always point back into the caller's text without a per-character map.

import { own } from '../../../shared/own';
import { FAMILY, charGramHashes, hashString } from './hashing.ts';
import { DEHUMANIZING, LEXICON_WORDS, MASKABLE_WORDS, NEGATORS, type WordClass, wordClass } from './lexicons.ts';

// Digits and symbols people use to dodge word filters ("id1ot", "a$$", "st0pid").
const LEET: Record<string, string> = {
  '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '@': 'a', '$': 's', '!': 'i', '|': 'l',
};

// Spellings that mean the same thing for our purposes. Second-person forms matter
// most: target detection only has to know "you", "your" and "you're".
const CANONICAL: Record<string, string> = {
  u: 'you', ya: 'you', yu: 'you', yuo: 'you', thou: 'you',
  ur: 'your', yur: 'your', yer: 'your', youre: "you're", 'u\'re': "you're", yr: 'your',
  r: 'are', im: "i'm", ima: "i'm", dont: "don't", didnt: "didn't", doesnt: "doesn't", cant: "can't",
  isnt: "isn't", wont: "won't", arent: "aren't", havent: "haven't", youve: "you've", youll: "you'll",
  youd: "you'd", ppl: 'people', pple: 'people', stfu: 'stfu', gtfo: 'gtfo', kys: 'kys',
  mofo: 'motherfucker', fkn: 'fucking', fking: 'fucking', fuckin: 'fucking', friggin: 'fucking',
  azz: 'ass', biatch: 'bitch', beyotch: 'bitch', retart: 'retard', tard: 'retard', moran: 'moron',
  ediot: 'idiot', idoit: 'idiot', stupud: 'stupid', dumbarse: 'dumbass', arse: 'ass', arsehole: 'asshole',
};

const HAS_LETTER = /\p{L}/u;
const NEEDS_DELEET = /[0-9@$!|]/;

function deLeet(word: string): string {
  let out = '';
  for (const ch of word) out += LEET[ch] ?? ch;
  return out;
}

// "fuuuuck" -> "fuuck": keeps legitimate double letters ("fool", "ass") intact.
function collapseRuns(word: string): string {
  return word.replace(/(.)\1{2,}/gu, '$1$1');
}

function collapseDoubles(word: string): string {
  return word.replace(/(.)\1+/gu, '$1');
}

// "f*ck", "sh**", "a**hole": asterisks stand in for letters of a word we know.
function unmask(word: string): string {
  const candidates = MASKABLE_WORDS.get(word.length);
  if (!candidates) return word;
  for (const cand of candidates) {
    let ok = true;
    for (let i = 0; i < word.length && ok; i++) {
      const c = word[i];
      if (c !== '*' && c !== cand[i]) ok = false;
    }
    if (ok) return cand;
  }
  return word;
}

function normalizeUncached(raw: string): string {
  let w = raw.toLowerCase().replace(/[’`]/g, "'");
  if (w.includes('*')) {
    w = w.replace(/^\*+|\*+$/g, '');
    if (w.includes('*')) {
      const dropped = w.replaceAll('*', '');
      w = LEXICON_WORDS.has(dropped) ? dropped : unmask(w);
    }
  }
  if (NEEDS_DELEET.test(w) && HAS_LETTER.test(w)) w = deLeet(w);
  w = collapseRuns(w);
  const canon = own(CANONICAL, w);
  if (canon) return canon;
  if (LEXICON_WORDS.has(w)) return w;
  // "stuupid", "idiiot": try the word with every doubled letter halved.
  const single = collapseDoubles(w);
  if (single !== w && LEXICON_WORDS.has(single)) return single;
  const canonSingle = own(CANONICAL, single);
  if (canonSingle && single.length > 2) return canonSingle;
  return w;
}

export interface WordInfo {
  norm: string;
  cls: WordClass | null;
  /** Hash of `norm`, the word's feature (hashing.ts). */
  hash: number;
  /** Hashes of the character n-grams of `norm`, computed on first use. */
  grams: Int32Array | undefined;
  /** Used as a dehumanising term ("vermin") when about people. */
  dehumanizing: boolean;
  /** A negator ("not", "never", "don't"): the words after it, to the end of the clause, are negated. */
  negator: boolean;
  /** The phrase trie node this word starts, null if none, undefined if not looked up yet (phrases.ts). */
  phraseStart: unknown;
}

export function newWordInfo(norm: string): WordInfo {
  return {
    norm, cls: wordClass(norm), hash: hashString(norm, FAMILY.word), grams: undefined,
    dehumanizing: DEHUMANIZING.has(norm), negator: NEGATORS.has(norm) || (norm.endsWith("n't") && norm !== "n't"), phraseStart: undefined,
  };
}

/** The word's character n-gram hashes, computed once per distinct word. */
export function gramsOf(info: WordInfo): Int32Array {
  return (info.grams ??= charGramHashes(info.norm));
}

// Comment vocabularies are Zipfian, so a bounded cache removes most of the
// normalisation cost. Cleared wholesale when full: output never depends on it.
const cache = new Map<string, WordInfo>();
const CACHE_LIMIT = 50_000;

export function wordInfo(raw: string): WordInfo {
  const hit = cache.get(raw);
  if (hit !== undefined) return hit;
  const norm = normalizeUncached(raw);
  const info = newWordInfo(norm);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(raw, info);
  return info;
}

export function normalizeWord(raw: string): string {
  return wordInfo(raw).norm;
}
