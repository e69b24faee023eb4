// Features for the attack model. Two kinds:
//  - n-grams of the normalised words (learned vocabulary of hostility), with
//    insult and profanity words left out on purpose so that they can only
//    count through a target-aware feature;
//  - target-aware rule features: an insult / slur / profanity together with
//    who it is aimed at, and phrases that question a person's intelligence,
//    sanity or motives.
// Rule features remember where they fired so the score can be explained.

import { matchPhrases } from './civility-phrases.ts';
import { singular } from './lexicons.ts';
import type { PhraseMatch } from './phrases.ts';
import { findTarget, type TargetKind } from './targets.ts';
import { CAPS, MENTION, SENTENCE_START, type Tokens } from './tokens.ts';

export interface FeatureHit {
  value: number;
  /** Character ranges in the original text that produced the feature. */
  spans: [number, number][];
}

export type FeatureBag = Map<string, FeatureHit>;

/** Target kinds that mean "aimed at a participant". */
export const AIMED: ReadonlySet<TargetKind> = new Set<TargetKind>(['you', 'named', 'vocative']);

/**
 * Rule features whose weight training may not make positive: a bad word aimed
 * at nobody in the conversation is not, by itself, evidence of an attack.
 */
export const NON_POSITIVE_FEATURES: ReadonlySet<string> = new Set(
  (['noun', 'adj', 'prof'] as const).flatMap((c) =>
    (['self', 'quoted', 'idea'] as const).map((k) => `R:${c}:${k}`),
  ),
);

/** Comments up to this many words get full-strength n-gram features. */
const NGRAM_FULL_WEIGHT_TOKENS = 8;

function add(bag: FeatureBag, name: string, start: number, end: number, value = 1) {
  const hit = bag.get(name);
  if (hit) {
    hit.spans.push([start, end]);
  } else {
    bag.set(name, { value, spans: [[start, end]] });
  }
}

export interface RuleHit { name: string; start: number; end: number }

export interface AttackAnalysis {
  /** Target-aware rule features, one entry per occurrence. */
  rules: RuleHit[];
  /** Value of every n-gram feature in this comment (see NGRAM_FULL_WEIGHT_TOKENS). */
  ngramScale: number;
}

/** Ordinary words take part in n-grams; insults, slurs and profanity do not. */
export function isPlain(tokens: Tokens, i: number): boolean {
  return tokens.word[i].cls === null;
}

/** The unigram key of a token: numbers are all alike. */
export function unigramKey(norm: string): string {
  const c = norm.charCodeAt(0);
  return c >= 48 && c <= 57 && /^\d+$/.test(norm) ? '<num>' : norm;
}

/** `phrases`: the attack phrase matches of these tokens. */
export function analyzeAttack(tokens: Tokens, phrases: readonly PhraseMatch[]): AttackAnalysis {
  const rules: RuleHit[] = [];
  const { start: starts, end: ends } = tokens;
  let capsLetters = 0;
  let letters = 0;

  for (let i = 0; i < tokens.length; i++) {
    letters += tokens.letters[i];
    if (tokens.has(i, CAPS)) capsLetters += tokens.letters[i];
    const cls = tokens.word[i].cls;
    if (cls === null) continue;
    const target = findTarget(tokens, i);
    const aimed = AIMED.has(target.kind);
    const start = aimed ? Math.min(starts[target.at], starts[i]) : starts[i];
    const end = aimed ? Math.max(ends[target.at], ends[i]) : ends[i];
    if (cls === 'slur') {
      rules.push({ name: 'R:slur', start: starts[i], end: ends[i] });
      if (aimed) rules.push({ name: 'R:slur:aimed', start, end });
      continue;
    }
    // An @participant is as much "you" as "you" is: one feature for both.
    const kind = target.kind === 'named' ? 'you' : target.kind;
    const norm = tokens.norm(i);
    rules.push({ name: `R:${cls}:${kind}`, start, end });
    if (aimed) rules.push({ name: `R:word:${cls === 'noun' ? singular(norm) : norm}`, start, end });
  }

  for (const m of phrases) {
    rules.push({ name: 'P:' + m.category, start: starts[m.from], end: ends[m.to - 1] });
  }

  if (tokens.length > 0 && tokens.has(0, MENTION)) {
    rules.push({ name: 'R:reply-to-named', start: starts[0], end: ends[0] });
  }
  if (letters >= 12 && capsLetters / letters > 0.6) rules.push({ name: 'R:shouting', start: 0, end: 0 });

  // Long comments collect more incidental n-grams; scale them down so that a
  // long, civil comment is not flagged just for having many words. Rule
  // features stay at full strength: one aimed insult counts in any length.
  const n = tokens.length;
  rules.push({ name: n < 15 ? 'L:short' : n < 60 ? 'L:medium' : n < 200 ? 'L:long' : 'L:very-long', start: 0, end: 0 });
  const ngramScale = n > NGRAM_FULL_WEIGHT_TOKENS ? Math.sqrt(NGRAM_FULL_WEIGHT_TOKENS / n) : 1;
  return { rules, ngramScale };
}

/** Every feature of a comment by name (training and explanations use this; scoring has a faster path). */
export function attackFeatures(tokens: Tokens): FeatureBag {
  const bag: FeatureBag = new Map();
  const { rules, ngramScale } = analyzeAttack(tokens, matchPhrases(tokens).attack);
  const { start, end } = tokens;
  for (const r of rules) add(bag, r.name, r.start, r.end);
  for (let i = 0; i < tokens.length; i++) {
    if (isPlain(tokens, i)) add(bag, 'u:' + unigramKey(tokens.norm(i)), start[i], end[i], ngramScale);
  }
  // Bigrams of ordinary words within a sentence.
  for (let i = 1; i < tokens.length; i++) {
    if (tokens.has(i, SENTENCE_START) || !isPlain(tokens, i) || !isPlain(tokens, i - 1)) continue;
    add(bag, 'b:' + tokens.norm(i - 1) + ' ' + tokens.norm(i), start[i - 1], end[i], ngramScale);
  }
  return bag;
}
