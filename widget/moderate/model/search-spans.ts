// Where a queue search's words are in a text, found as the server's search finds them (each word
// as the start of a word, case and accents ignored), so the list can mark what matched.
import type { Reason } from '../../../shared/schemas/moderation-settings';

/** The message a search match carries among a body's highlighted runs. */
export const SEARCH_NOTE = 'Matches your search';

const WORD = /[\p{L}\p{N}]+/gu;
const isWordChar = (ch: string) => /[\p{L}\p{N}]/u.test(ch);

/** The words of a search, folded; at most 8, as the server counts them. */
export function searchWords(q: string | undefined): string[] {
  return ((q ?? '').normalize('NFKC').match(WORD) ?? []).slice(0, 8).map(fold);
}

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The text folded, with the offset in the original text of each folded code unit. */
function folded(text: string): { text: string; at: number[] } {
  let out = '';
  const at: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = fold(ch);
    out += f;
    for (let k = 0; k < f.length; k++) at.push(i);
    i += ch.length;
  }
  return { text: out, at };
}

/** Spans (offsets into `text`) of every word start that matches one of the words. */
export function searchSpans(text: string, words: string[]): { start: number; end: number }[] {
  if (words.length === 0 || !text) return [];
  const f = folded(text);
  const spans: { start: number; end: number }[] = [];
  for (const word of words) {
    for (let from = f.text.indexOf(word); from >= 0; from = f.text.indexOf(word, from + 1)) {
      if (from > 0 && isWordChar(f.text[from - 1])) continue;
      const last = f.at[from + word.length - 1];
      spans.push({ start: f.at[from], end: last + (text.codePointAt(last)! > 0xffff ? 2 : 1) });
    }
  }
  return spans;
}

/** The search's matches in a body as one more reason, so they join the rules' highlights. */
export function searchReason(body: string, words: string[]): Reason | null {
  const spans = searchSpans(body, words);
  return spans.length ? { ruleId: 'search', message: SEARCH_NOTE, spans } : null;
}
