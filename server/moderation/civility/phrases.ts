// A tiny phrase matcher over normalised tokens. Patterns are written as words
// separated by spaces; "a|b" means either word, a leading "?" makes a word
// optional and "*" matches any single word. "{youre}" expands to both
// "you're"/"your" and "you are", since people write all three.

import { SENTENCE_START, type Tokens } from './tokens.ts';

export interface PhraseMatch {
  /** Index of the first and one past the last matched token. */
  from: number;
  to: number;
  category: string;
  weight: number;
}

/** Categories with a weight each, and the patterns that belong to them. */
export type PhraseList = readonly (readonly [category: string, weight: number, patterns: readonly string[]])[];

interface Node {
  next: Map<string, Node>;
  any: Node | null; // "*" edge
  /** `list`: which of the lists given to the constructor the pattern came from. */
  ends: { list: number; category: string; weight: number }[];
}

const node = (): Node => ({ next: new Map(), any: null, ends: [] });

/**
 * Patterns compiled into a word trie, so each starting word costs one walk
 * down the trie instead of a check of every pattern that starts with it.
 * Several lists share one trie, so a comment is walked once for all of them;
 * matches come back per list, in the order each list alone would give them.
 */
let instances = 0;

export class PhraseSets {
  private root = node();
  private readonly lists: number;

  constructor(lists: readonly PhraseList[]) {
    // Each word caches its start node in WordInfo.phraseStart, which only one trie can own.
    if (instances++ > 0) throw new Error('PhraseSets: only one instance may exist');
    this.lists = lists.length;
    lists.forEach((entries, list) => {
      for (const [category, weight, patterns] of entries) {
        for (const p of patterns) for (const seq of expand(p)) this.add(seq, list, category, weight);
      }
    });
  }

  private add(seq: string[], list: number, category: string, weight: number) {
    if (seq[0] === '*') throw new Error(`pattern may not start with a wildcard: ${seq.join(' ')}`);
    let frontier = [this.root];
    for (const elem of seq) {
      const nextFrontier: Node[] = [];
      for (const n of frontier) {
        if (elem === '*') nextFrontier.push((n.any ??= node()));
        else {
          for (const w of elem.split('|')) {
            let child = n.next.get(w);
            if (!child) n.next.set(w, (child = node()));
            if (!nextFrontier.includes(child)) nextFrontier.push(child);
          }
        }
      }
      frontier = nextFrontier;
    }
    for (const n of frontier) {
      if (!n.ends.some((e) => e.list === list && e.category === category && e.weight === weight)) {
        n.ends.push({ list, category, weight });
      }
    }
  }

  /** All matches per list, allowing overlaps; a sentence break inside a match rejects it. */
  match(tokens: Tokens): PhraseMatch[][] {
    const out: PhraseMatch[][] = [];
    for (let l = 0; l < this.lists; l++) out.push([]);
    for (let i = 0; i < tokens.length; i++) {
      const word = tokens.word[i];
      let first = word.phraseStart as Node | null | undefined;
      if (first === undefined) first = word.phraseStart = this.root.next.get(word.norm) ?? null;
      if (first !== null) this.walk(tokens, i, i + 1, first, out);
    }
    return out;
  }

  private walk(tokens: Tokens, from: number, at: number, n: Node, out: PhraseMatch[][]) {
    for (const e of n.ends) out[e.list].push({ from, to: at, category: e.category, weight: e.weight });
    if (at >= tokens.length || tokens.has(at, SENTENCE_START)) return;
    const child = n.next.get(tokens.norm(at));
    if (child) this.walk(tokens, from, at + 1, child, out);
    if (n.any) this.walk(tokens, from, at + 1, n.any, out);
  }
}

function expand(pattern: string): string[][] {
  const variants = pattern.includes('{youre}')
    ? [pattern.replaceAll('{youre}', "you're|your"), pattern.replaceAll('{youre}', 'you are')]
    : [pattern];
  const out: string[][] = [];
  for (const v of variants) {
    let seqs: string[][] = [[]];
    for (const part of v.trim().split(/\s+/)) {
      if (part.startsWith('?')) {
        const word = part.slice(1);
        seqs = seqs.flatMap((s) => [s, [...s, word]]);
      } else {
        seqs = seqs.map((s) => [...s, part]);
      }
    }
    out.push(...seqs.filter((s) => s.length > 0));
  }
  return out;
}
