// Tokeniser: words with their original offsets plus the bits of punctuation
// context the rules need (sentence starts, commas, quotation marks, capitals).

import { normalizeWord } from './normalize.ts';
import { LEXICON_WORDS } from './lexicons.ts';

export interface Token {
  /** Normalised form: lowercase, de-leeted, stretched letters folded, common spellings unified. */
  norm: string;
  /** [start, end) in the original text. */
  start: number;
  end: number;
  /** Written in capitals with at least two letters ("STOP", not "I"). */
  caps: boolean;
  /** Number of letters, for capitals ratios. */
  letters: number;
  /** First token of a sentence (after . ! ? ; or a line break, or first in the text). */
  sentenceStart: boolean;
  /** A comma or dash separates this token from the previous one (vocatives: ", you idiot"). */
  commaBefore: boolean;
  /** Inside quotation marks: the words are somebody else's. */
  quoted: boolean;
  /** An @-mention of a participant. */
  mention: boolean;
}

// Words, allowing symbols people use inside them ("a$$", "f*ck", "y0u") and
// apostrophes ("you're"); a leading @ makes a mention.
const TOKEN_RE = /@?[\p{L}\p{N}$@*]+(?:['’][\p{L}\p{N}]+)*/gu;
const LETTER_RE = /\p{L}/gu;
const UPPER_RE = /\p{Lu}/u;
const LOWER_RE = /\p{Ll}/u;

function countLetters(s: string): number {
  const m = s.match(LETTER_RE);
  return m ? m.length : 0;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let prevEnd = 0;
  let inQuote = false;
  for (const m of text.matchAll(TOKEN_RE)) {
    const raw = m[0];
    const start = m.index;
    const gap = text.slice(prevEnd, start);
    let sentenceStart = tokens.length === 0;
    let commaBefore = false;
    for (let k = 0; k < gap.length; k++) {
      const c = gap[k];
      if (c === '.' || c === '!' || c === '?' || c === ';' || c === '\n') sentenceStart = true;
      else if (c === ',' || c === '-' || c === '—' || c === '–' || c === ':') commaBefore = true;
      else if (c === '"' || c === '“' || c === '”') inQuote = c === '“' ? true : c === '”' ? false : !inQuote;
    }
    prevEnd = start + raw.length;
    // Mentions keep their identity out of the features: every @name is "@user".
    const mention = raw.length > 1 && raw[0] === '@' && /\p{L}/u.test(raw[1]);
    const core = raw.replace(/^[*$@]+|[*]+$/g, '');
    if (!mention && !/[\p{L}\p{N}]/u.test(core)) continue;
    const letters = countLetters(raw);
    tokens.push({
      norm: mention ? '@user' : normalizeWord(raw),
      start,
      end: prevEnd,
      caps: letters >= 2 && UPPER_RE.test(raw) && !LOWER_RE.test(raw),
      letters,
      sentenceStart,
      commaBefore,
      quoted: inQuote,
      mention,
    });
  }
  return joinSpacedLetters(tokens, text);
}

// "i d i o t" -> one token "idiot". Only joined when the result is a word we
// watch for, so "u r a" stays three words and "a b c" lists are left alone.
function joinSpacedLetters(tokens: Token[], text: string): Token[] {
  let out: Token[] | null = null;
  let i = 0;
  while (i < tokens.length) {
    let j = i;
    while (
      j < tokens.length &&
      tokens[j].end - tokens[j].start === 1 &&
      (j === i || tokens[j].start - tokens[j - 1].end <= 2)
    ) j++;
    if (j - i >= 3) {
      const merged = bestJoin(tokens, i, j, text);
      if (merged) {
        out ??= tokens.slice(0, i);
        for (let k = i; k < merged.from; k++) out.push(tokens[k]);
        out.push(merged.token);
        for (let k = merged.to; k < j; k++) out.push(tokens[k]);
        i = j;
        continue;
      }
    }
    if (out) for (let k = i; k < Math.max(j, i + 1); k++) out.push(tokens[k]);
    i = Math.max(j, i + 1);
  }
  return out ?? tokens;
}

function bestJoin(tokens: Token[], from: number, to: number, text: string) {
  // Longest sub-run that spells a lexicon word wins ("u r a n i d i o t" -> "idiot").
  for (let len = Math.min(to - from, 20); len >= 3; len--) {
    for (let a = from; a + len <= to; a++) {
      let word = '';
      for (let k = a; k < a + len; k++) word += text[tokens[k].start];
      const norm = normalizeWord(word);
      if (LEXICON_WORDS.has(norm)) {
        const first = tokens[a];
        const last = tokens[a + len - 1];
        const letters = len;
        const token: Token = {
          ...first,
          norm,
          end: last.end,
          letters,
          caps: tokens.slice(a, a + len).every((t) => t.caps || /\p{Lu}/u.test(text[t.start])) && letters >= 2,
        };
        return { from: a, to: a + len, token };
      }
    }
  }
  return null;
}
