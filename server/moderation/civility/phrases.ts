// A tiny phrase matcher over normalised tokens. Patterns are written as words
// separated by spaces; "a|b" means either word, a leading "?" makes a word
// optional and "*" matches any single word. "{youre}" expands to both
// "you're"/"your" and "you are", since people write all three.

import type { Token } from './tokenize.ts';

export interface PhraseMatch {
  /** Index of the first and one past the last matched token. */
  from: number;
  to: number;
  category: string;
  weight: number;
}

interface Compiled {
  elems: (Set<string> | null)[]; // null = wildcard
  category: string;
  weight: number;
}

export class PhraseSet {
  private byFirst = new Map<string, Compiled[]>();

  constructor(entries: readonly (readonly [category: string, weight: number, patterns: readonly string[]])[]) {
    for (const [category, weight, patterns] of entries) {
      for (const p of patterns) for (const seq of expand(p)) this.add(seq, category, weight);
    }
  }

  private add(seq: string[], category: string, weight: number) {
    const elems = seq.map((e) => (e === '*' ? null : new Set(e.split('|'))));
    const first = elems[0];
    if (!first) throw new Error(`pattern may not start with a wildcard: ${seq.join(' ')}`);
    for (const w of first) {
      const list = this.byFirst.get(w) ?? [];
      list.push({ elems, category, weight });
      this.byFirst.set(w, list);
    }
  }

  /** All matches, allowing overlaps; a sentence break inside a match rejects it. */
  match(tokens: readonly Token[]): PhraseMatch[] {
    const out: PhraseMatch[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const cands = this.byFirst.get(tokens[i].norm);
      if (!cands) continue;
      for (const c of cands) {
        const n = c.elems.length;
        if (i + n > tokens.length) continue;
        let ok = true;
        for (let k = 1; k < n && ok; k++) {
          const t = tokens[i + k];
          const e = c.elems[k];
          if (t.sentenceStart || (e !== null && !e.has(t.norm))) ok = false;
        }
        if (ok) out.push({ from: i, to: i + n, category: c.category, weight: c.weight });
      }
    }
    return out;
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
