// The words of a comment as parallel arrays (token i at index i in each), so
// tokenizing a comment fills a few typed arrays instead of allocating an
// object per word.

import type { WordInfo } from './normalize.ts';

/** Written in capitals with at least two letters ("STOP", not "I"). */
export const CAPS = 1;
/** First token of a sentence (after . ! ? ; or a line break, or first in the text). */
export const SENTENCE_START = 2;
/** A comma or dash separates this token from the previous one (vocatives: ", you idiot"). */
export const COMMA_BEFORE = 4;
/** Inside quotation marks: the words are somebody else's. */
export const QUOTED = 8;
/** An @-mention of a participant. */
export const MENTION = 16;
/** The name of someone taking part in the thread (the replied-to author, another commenter). */
export const PARTICIPANT = 32;
/** After a negator in the same clause: "not calling you *stupid*". */
export const NEGATED = 64;
/** A bad word aimed at an idea, at the writer, or quoted or negated: not an insult of anyone here (cues.ts). */
export const SOFTENED = 128;

export class Tokens {
  length = 0;
  /** Shared per-word record: normalised form, word class and lookup slots. */
  word: WordInfo[] = [];
  /** [start, end) in the original text. */
  start = new Int32Array(64);
  end = new Int32Array(64);
  /** Number of letters, for capitals ratios. */
  letters = new Int32Array(64);
  /** CAPS | SENTENCE_START | COMMA_BEFORE | QUOTED | MENTION | PARTICIPANT | NEGATED. */
  flags = new Uint8Array(64);

  /** Normalised form of token i: lowercase, de-leeted, stretched letters folded, spellings unified. */
  norm(i: number): string {
    return this.word[i].norm;
  }

  has(i: number, flag: number): boolean {
    return (this.flags[i] & flag) !== 0;
  }

  clear(): void {
    this.length = 0;
  }

  push(word: WordInfo, start: number, end: number, letters: number, flags: number): void {
    const i = this.length++;
    if (i === this.start.length) this.grow();
    this.word[i] = word;
    this.start[i] = start;
    this.end[i] = end;
    this.letters[i] = letters;
    this.flags[i] = flags;
  }

  /** Copies token `from` to index `to` (to <= from), for compaction in place. */
  move(from: number, to: number): void {
    if (from === to) return;
    this.word[to] = this.word[from];
    this.start[to] = this.start[from];
    this.end[to] = this.end[from];
    this.letters[to] = this.letters[from];
    this.flags[to] = this.flags[from];
  }

  private grow() {
    const n = this.start.length * 2;
    const widen = <T extends Int32Array | Uint8Array>(a: T, b: T): T => (b.set(a), b);
    this.start = widen(this.start, new Int32Array(n));
    this.end = widen(this.end, new Int32Array(n));
    this.letters = widen(this.letters, new Int32Array(n));
    this.flags = widen(this.flags, new Uint8Array(n));
  }
}
