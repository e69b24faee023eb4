// Tokeniser: words with their original offsets plus the bits of punctuation
// context the rules need (sentence starts, commas, quotation marks, capitals).

import { LEXICON_WORDS } from './lexicons.ts';
import { type WordInfo, newWordInfo, wordInfo } from './normalize.ts';
import { CAPS, COMMA_BEFORE, MENTION, NEGATED, PARTICIPANT, QUOTED, SENTENCE_START, Tokens } from './tokens.ts';

export { Tokens } from './tokens.ts';

const MENTION_WORD: WordInfo = newWordInfo('@user');

// A hand-written scanner rather than a regular expression per token: this runs
// on every comment and has to keep up with tens of thousands a second.
// Word characters are letters and digits plus symbols people use inside words
// ("a$$", "f*ck", "y0u"); an apostrophe between letters continues a word
// ("you're"); a leading @ followed by a letter makes a mention.

const NON_ASCII_WORD = /[\p{L}\p{N}]/u;
const NON_ASCII_UPPER = /\p{Lu}/u;
const NON_ASCII_LETTER = /\p{L}/u;

// 1 = letter, 2 = digit, 3 = in-word symbol, 0 = not part of a word.
const ASCII_KIND = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  ASCII_KIND[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 1 : c >= 48 && c <= 57 ? 2 : c === 36 || c === 64 || c === 42 ? 3 : 0;
}

function charKind(c: number, text: string, i: number): number {
  if (c < 128) return ASCII_KIND[c];
  const ch = text[i];
  return NON_ASCII_LETTER.test(ch) ? 1 : NON_ASCII_WORD.test(ch) ? 2 : 0;
}

function isUpper(c: number, text: string, i: number): boolean {
  if (c < 128) return c <= 90;
  return NON_ASCII_UPPER.test(text[i]);
}

// Word lookups keyed by a hash computed during the scan, so known words are
// found without slicing a new string and hashing it again: an open-addressing
// table (linear probing, at most half full, emptied when it fills up). The
// characters are compared, so a hash collision costs a probe, never a wrong word.
// It is kept small for the CPU caches: a slot is four int32s (hash, entry,
// offset and length of the word's characters in `chars`), and entries are
// numbered in order of first sight, so the words every comment uses sit
// together at the front of `chars` and `entryInfo`.
const SLOTS = 1 << 15;
const MAX_WORDS = SLOTS >> 1;
const slots = new Int32Array(SLOTS * 4).fill(-1);
let chars = new Uint16Array(1 << 16);
let charsUsed = 0;
const entryInfo: WordInfo[] = [];

function lookupWord(text: string, start: number, end: number, hash: number): WordInfo {
  const len = end - start;
  let s = (hash & (SLOTS - 1)) * 4;
  for (let h = slots[s]; h !== -1; h = slots[s]) {
    if (h === hash && slots[s + 3] === len) {
      const at = slots[s + 2] - start;
      let k = start;
      while (k < end && chars[at + k] === text.charCodeAt(k)) k++;
      if (k === end) return entryInfo[slots[s + 1]];
    }
    s = (s + 4) & (SLOTS * 4 - 1);
  }
  if (entryInfo.length === MAX_WORDS) {
    slots.fill(-1);
    entryInfo.length = 0;
    charsUsed = 0;
    s = (hash & (SLOTS - 1)) * 4;
  }
  if (charsUsed + len > chars.length) {
    const more = new Uint16Array(Math.max(chars.length * 2, charsUsed + len));
    more.set(chars);
    chars = more;
  }
  for (let k = 0; k < len; k++) chars[charsUsed + k] = text.charCodeAt(start + k);
  const info = wordInfo(text.slice(start, end));
  slots[s] = hash;
  slots[s + 1] = entryInfo.length;
  slots[s + 2] = charsUsed;
  slots[s + 3] = len;
  charsUsed += len;
  entryInfo.push(info);
  return info;
}

/** Scans `text` into `into` (cleared first), or into a new token list. */
export function tokenize(text: string, into: Tokens = new Tokens()): Tokens {
  const tokens = into;
  tokens.clear();
  const n = text.length;
  let inQuote = false;
  let sentenceStart = true;
  let commaBefore = false;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const kind = c < 128 ? ASCII_KIND[c] : charKind(c, text, i);
    if (kind === 0) {
      if (c === 46 || c === 33 || c === 63 || c === 59 || c === 10) sentenceStart = true; // . ! ? ; \n
      else if (c === 44 || c === 45 || c === 58 || c === 0x2014 || c === 0x2013) commaBefore = true; // , - : — –
      else if (c === 34) inQuote = !inQuote;
      else if (c === 0x201c) inQuote = true;
      else if (c === 0x201d) inQuote = false;
      i++;
      continue;
    }
    const start = i;
    let h = 0x811c9dc5;
    let letters = 0;
    let upper = 0;
    let alnum = 0;
    while (i < n) {
      const d = text.charCodeAt(i);
      const k = d < 128 ? ASCII_KIND[d] : charKind(d, text, i);
      if (k === 0) {
        // Apostrophe between word characters: "you're", "don’t".
        if ((d === 39 || d === 0x2019) && i + 1 < n && i > start && charKind(text.charCodeAt(i + 1), text, i + 1) !== 0 && text.charCodeAt(i + 1) !== 64) {
          i++;
          continue;
        }
        break;
      }
      if (k === 1) {
        letters++;
        if (d < 128 ? d <= 90 : isUpper(d, text, i)) upper++;
      }
      if (k !== 3) alnum++;
      h = Math.imul(h ^ d, 0x01000193);
      i++;
    }
    if (alnum === 0) continue;
    // Mentions keep their identity out of the features: every @name is "@user".
    const mention = c === 64 && i - start > 1 && charKind(text.charCodeAt(start + 1), text, start + 1) === 1;
    const info = mention ? MENTION_WORD : lookupWord(text, start, i, h & 0x3fffffff);
    const flags =
      (letters >= 2 && upper === letters ? CAPS : 0) |
      (sentenceStart || tokens.length === 0 ? SENTENCE_START : 0) |
      (commaBefore ? COMMA_BEFORE : 0) |
      (inQuote ? QUOTED : 0) |
      (mention ? MENTION : 0);
    tokens.push(info, start, i, letters, flags);
    sentenceStart = false;
    commaBefore = false;
  }
  joinSpacedLetters(tokens, text);
  markNegation(tokens);
  return tokens;
}

/** Words a negator reaches: to the end of its clause, at most this many. */
const NEGATION_REACH = 6;
// "not only stupid but...", "no doubt": negators that do not negate what follows.
const NOT_NEGATING_NEXT = new Set(['only', 'just', 'doubt', 'wonder', 'matter', 'longer', 'more', 'less']);

function markNegation(tokens: Tokens): void {
  let left = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens.has(i, SENTENCE_START | COMMA_BEFORE)) left = 0;
    if (left > 0) {
      tokens.flags[i] |= NEGATED;
      left--;
    }
    if (tokens.word[i].negator && !(i + 1 < tokens.length && NOT_NEGATING_NEXT.has(tokens.norm(i + 1)))) left = NEGATION_REACH;
  }
}

// Display names are whatever members chose ("The Realist", "Just Me"): their everyday words are
// not taken for a person, or every "the" in a comment would point at a member.
const NOT_A_NAME = new Set(
  `the a an and or of in on at to for by with from is are was be not no yes just me my i we us our it its this that
   you your he she they them his her their who what why real true truth news reader guest member user anon anonymous`.split(/\s+/),
);

/**
 * Flags the words that name people taking part in the thread, so that an insult aimed at them
 * reads as aimed at a member ("a moron like Ben") rather than at someone outside.
 */
export function markParticipants(tokens: Tokens, names: readonly string[]): void {
  if (names.length === 0) return;
  const parts = new Set<string>();
  for (const name of names) {
    for (const part of name.split(/[^\p{L}\p{N}']+/u)) {
      const norm = part.length >= 2 ? wordInfo(part).norm : '';
      if (norm && !NOT_A_NAME.has(norm)) parts.add(norm);
    }
  }
  for (let i = 0; i < tokens.length; i++) if (parts.has(tokens.norm(i))) tokens.flags[i] |= PARTICIPANT;
}

// "i d i o t" -> one token "idiot". Only joined when the result is a word we
// watch for, so "u r a" stays three words and "a b c" lists are left alone.
// Works in place: a join only ever shortens the list.
function joinSpacedLetters(tokens: Tokens, text: string): void {
  const { start, end } = tokens;
  const n = tokens.length;
  let w = 0;
  let i = 0;
  while (i < n) {
    let j = i;
    while (j < n && end[j] - start[j] === 1 && (j === i || start[j] - end[j - 1] <= 2)) j++;
    let from = i;
    const to = Math.max(j, i + 1);
    if (j - i >= 3) {
      const merged = bestJoin(tokens, i, j, text);
      if (merged) {
        for (let k = i; k < merged.from; k++) tokens.move(k, w++);
        // The joined word keeps the first letter's position flags.
        const flags = (tokens.flags[merged.from] & ~CAPS) | (merged.caps ? CAPS : 0);
        const first = start[merged.from];
        const last = end[merged.to - 1];
        tokens.word[w] = merged.word;
        start[w] = first;
        end[w] = last;
        tokens.letters[w] = merged.to - merged.from;
        tokens.flags[w++] = flags;
        from = merged.to;
      }
    }
    for (let k = from; k < to; k++) tokens.move(k, w++);
    i = to;
  }
  tokens.length = w;
}

function bestJoin(tokens: Tokens, from: number, to: number, text: string) {
  // Longest sub-run that spells a lexicon word wins ("u r a n i d i o t" -> "idiot").
  for (let len = Math.min(to - from, 20); len >= 3; len--) {
    for (let a = from; a + len <= to; a++) {
      let word = '';
      for (let k = a; k < a + len; k++) word += text[tokens.start[k]];
      const info = wordInfo(word);
      if (LEXICON_WORDS.has(info.norm)) {
        let caps = true;
        for (let k = a; k < a + len; k++) if (!tokens.has(k, CAPS) && !/\p{Lu}/u.test(text[tokens.start[k]])) caps = false;
        return { from: a, to: a + len, word: info, caps };
      }
    }
  }
  return null;
}
