// Finds a site's listed words in a comment through the usual disguises: leetspeak ("1d10t"),
// spaced-out letters ("i d i o t"), stretched letters ("idiooooot") and case. Shared by the
// banned-words and suspect-words rules; matching is obscenity's, the word list is the site's.
// obscenity's own answer to spacing, skipNonAlphabeticTransformer, joins every word to its
// neighbours ("this is hit" reads "thisishit" and finds "shit"), so only runs of single
// characters are joined here, and a listed word must still start and end at a word break.
import {
  DataSet,
  RegExpMatcher,
  collapseDuplicatesTransformer,
  parseRawPattern,
  remapCharactersTransformer,
  resolveConfusablesTransformer,
  toAsciiLowerCaseTransformer,
} from 'obscenity';
import type { Reason, RuleId } from '../types';

export interface WordMatch {
  /** The entry of the site's list, as the site wrote it. */
  word: string;
  /** UTF-16 offsets into the original text, end exclusive. */
  start: number;
  end: number;
}

// Same table as obscenity's leetspeak transformer, kept here so a listed word is normalised
// exactly as the comment is.
const LEET: Record<string, string> = { a: '@4', c: '(', e: '3', g: '6', i: '1!|', l: '/', o: '0', s: '$5', t: '7', z: '2' };
const LEET_DIGITS: Record<string, string> = Object.fromEntries(
  Object.entries(LEET)
    .map(([letter, chars]) => [letter, chars.replace(/\D/g, '')] as const)
    .filter(([, digits]) => digits !== ''),
);

// Two readings of the same text, because "!", "$", "(" and friends are letters in "sh!t" and
// punctuation in "you idiot!". obscenity's English preset reads them only as letters (so it misses
// "idiot!") and keeps some doubled letters (so it misses "idiooooot"); hence our own chains, built
// from its transformers. Runs are collapsed to two, and patterns allow a doubled letter.
const letterChain = () => [resolveConfusablesTransformer(), remapCharactersTransformer(LEET), toAsciiLowerCaseTransformer()];
const symbolsAsLetters = () => [...letterChain(), collapseDuplicatesTransformer({ defaultThreshold: 2 })];
const symbolsAsPunctuation = () => [
  resolveConfusablesTransformer(),
  remapCharactersTransformer(LEET_DIGITS),
  toAsciiLowerCaseTransformer(),
  collapseDuplicatesTransformer({ defaultThreshold: 2 }),
];

interface CompiledList {
  dataset: DataSet<{ word: string }>;
  matchers: RegExpMatcher[];
}

// Word lists change rarely and are shared by every comment on a site: keep a few compiled.
const MAX_CACHED_LISTS = 32;
const compiled = new Map<string, CompiledList>();

function compile(words: readonly string[]): CompiledList {
  const key = JSON.stringify(words);
  const hit = compiled.get(key);
  if (hit) return hit;
  const dataset = new DataSet<{ word: string }>();
  const seen = new Set<string>();
  const readAsLetters = wordReader();
  for (const word of words) {
    const source = toPatternSource(word, readAsLetters);
    if (!source || seen.has(source)) continue;
    try {
      const parsed = parseRawPattern(source);
      dataset.addPhrase((phrase) => phrase.setMetadata({ word: word.trim() }).addPattern(parsed));
      seen.add(source);
    } catch {
      // An entry obscenity cannot parse is skipped, not fatal. (Every pattern starts with a
      // literal, so none can match the empty string, which the matcher would refuse.)
    }
  }
  const terms = dataset.build();
  const matchers = [symbolsAsLetters(), symbolsAsPunctuation()].map((chain) => new RegExpMatcher({ ...terms, blacklistMatcherTransformers: chain }));
  const list = { dataset, matchers };
  if (compiled.size >= MAX_CACHED_LISTS) compiled.delete(compiled.keys().next().value as string);
  compiled.set(key, list);
  return list;
}

/**
 * A listed word becomes an obscenity pattern: whole word, plural allowed ("idiot" also finds
 * "idiots", never "idiotic" or, for "cunt", "Scunthorpe"). A leading or trailing `*` lifts the
 * boundary on that side ("idiot*" finds "idiotic").
 */
function toPatternSource(entry: string, readAsLetters: (word: string) => string): string | undefined {
  let word = entry.trim();
  const openStart = word.startsWith('*');
  const openEnd = word.endsWith('*');
  word = readAsLetters(word.replace(/^\*+|\*+$/g, '').replace(/\s+/g, ' '));
  if (!/[a-z0-9]/.test(word)) return undefined;
  let source = '';
  for (const run of word.match(/(.)\1*/gsu) ?? []) {
    const c = run[0];
    const literal = /[\\?[\]|]/.test(c) ? `\\${c}` : c;
    // The comment's runs are collapsed to two, so "o" stands for "o" or "oo", and "ll" for "ll+".
    if (run.length > 1) source += literal + literal;
    else if (/[a-z]/.test(c)) source += `${literal}[${literal}]`;
    else source += literal;
  }
  const wordStart = /^[a-z0-9]/.test(word);
  const wordEnd = /[a-z0-9]$/.test(word);
  if (wordEnd && !openEnd && /[a-z]$/.test(word) && !word.endsWith('s')) source += '[e][s]';
  return `${wordStart && !openStart ? '|' : ''}${source}${wordEnd && !openEnd ? '|' : ''}`;
}

/** Reads a listed word as the comment's first reading would ("1D10T" becomes "idiot"). */
function wordReader(): (word: string) => string {
  const chain = letterChain();
  return (word) => {
    let out = '';
    for (const c of word) {
      const code = chain.reduce<number | undefined>((ch, t) => (ch === undefined ? ch : t.transform(ch)), c.codePointAt(0));
      if (code !== undefined) out += String.fromCodePoint(code);
    }
    return out;
  };
}

const UNIT = String.raw`[\p{L}\p{N}@$!|(/]`;
const SEPARATOR = /[\s._*-]/;
// Three or more single characters with one to three separators between each: "i d i o t", "i.d.i.o.t".
const SPACED_OUT = new RegExp(String.raw`(?<![\p{L}\p{N}])${UNIT}(?:[\s._*-]{1,3}${UNIT}){2,}(?![\p{L}\p{N}])`, 'gu');
// One-letter words run into a spelled-out word beside them: "you are a m o r o n" is one run,
// "amoron", in which "moron" starts after the word "a". Other letters never split a run, so a
// spelled-out "c l a s s" is "class" and does not contain "ass".
const ONE_LETTER_WORD = /^[ai]$/i;
const MOST_ONE_LETTER_WORDS = 2;

interface Reading {
  text: string;
  /** Where each character of `text` came from in the original. */
  origin: number[];
}

/** The text with spaced-out letters joined and whitespace runs single. */
function joinSpacedOut(text: string): Reading {
  const dropped = new Uint8Array(text.length);
  for (const m of text.matchAll(SPACED_OUT)) {
    const run = m[0];
    for (let i = 0; i < run.length; i++) if (SEPARATOR.test(run[i])) dropped[m.index + i] = 1;
  }
  let out = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (dropped[i]) continue;
    if (/\s/.test(text[i]) && /\s/.test(out[out.length - 1] ?? '')) continue;
    out += text[i];
    origin.push(i);
  }
  return { text: out, origin };
}

/**
 * The spelled-out words a run may hold besides the whole run: the run without up to two
 * one-letter words at either end, each joined on its own ("a m o r o n" also reads "moron").
 */
function spelledOutParts(text: string): Reading[] {
  const parts: Reading[] = [];
  for (const m of text.matchAll(SPACED_OUT)) {
    const units: { char: string; at: number }[] = [];
    let at = m.index;
    for (const char of m[0]) {
      if (!SEPARATOR.test(char)) units.push({ char, at });
      at += char.length;
    }
    const leading = countWhile(units, (u) => ONE_LETTER_WORD.test(u.char));
    const trailing = countWhile([...units].reverse(), (u) => ONE_LETTER_WORD.test(u.char));
    for (let from = 0; from <= leading; from++) {
      for (let cut = 0; cut <= trailing; cut++) {
        const part = units.slice(from, units.length - cut);
        if ((from === 0 && cut === 0) || part.length < 2) continue;
        parts.push({ text: part.map((u) => u.char).join(''), origin: part.flatMap((u) => [...u.char].map((_, i) => u.at + i)) });
      }
    }
  }
  return parts;
}

function countWhile<T>(items: T[], test: (item: T) => boolean): number {
  let n = 0;
  while (n < items.length && n < MOST_ONE_LETTER_WORDS && test(items[n])) n++;
  return n;
}

export function findListedWords(text: string, words: readonly string[]): WordMatch[] {
  if (words.length === 0 || text.length === 0) return [];
  const { dataset, matchers } = compile(words);
  const found: WordMatch[] = [];
  for (const reading of [joinSpacedOut(text), ...spelledOutParts(text)]) {
    for (const matcher of matchers) {
      for (const payload of matcher.getAllMatches(reading.text)) {
        const { phraseMetadata } = dataset.getPayloadWithPhraseMetadata(payload);
        const start = reading.origin[payload.startIndex];
        let end = reading.origin[payload.endIndex] + 1;
        if (isHighSurrogate(text.charCodeAt(end - 1))) end++;
        found.push({ word: phraseMetadata?.word ?? '', start, end });
      }
    }
  }
  return mergeOverlapping(found);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Both readings often find the same word at the same place: keep one span per word and place. */
function mergeOverlapping(matches: WordMatch[]): WordMatch[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: WordMatch[] = [];
  for (const m of sorted) {
    const same = merged.find((k) => k.word === m.word && m.start < k.end && k.start < m.end);
    if (same) same.end = Math.max(same.end, m.end);
    else merged.push({ ...m });
  }
  return merged;
}

/** One reason per listed word found, with a span on every place it was found. */
export function listedWordReasons(ruleId: RuleId, text: string, words: readonly string[], message: (word: string) => string): Reason[] {
  const byWord = new Map<string, Reason>();
  for (const m of findListedWords(text, words)) {
    let reason = byWord.get(m.word);
    if (!reason) byWord.set(m.word, (reason = { ruleId, message: message(m.word), spans: [] }));
    reason.spans.push({ start: m.start, end: m.end, label: m.word });
  }
  return [...byWord.values()];
}
