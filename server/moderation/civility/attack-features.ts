// Features for the attack model. Two kinds:
//  - n-grams of the normalised words (learned vocabulary of hostility), with
//    insult and profanity words left out on purpose so that they can only
//    count through a target-aware feature;
//  - target-aware rule features: an insult / slur / profanity together with
//    who it is aimed at, and phrases that question a person's intelligence,
//    sanity or motives.
// Rule features remember where they fired so the score can be explained.

import { ATTACK_PHRASES } from './attack-phrases.ts';
import { INSULT_ADJECTIVES, INSULT_NOUNS, PROFANITY, SLURS, singular } from './lexicons.ts';
import { findTarget, type TargetKind } from './targets.ts';
import type { Token } from './tokenize.ts';

export interface FeatureHit {
  value: number;
  /** Character ranges in the original text that produced the feature. */
  spans: [number, number][];
}

export type FeatureBag = Map<string, FeatureHit>;

type WordClass = 'slur' | 'noun' | 'adj' | 'prof';

export function wordClass(norm: string): WordClass | null {
  if (SLURS.has(norm)) return 'slur';
  if (INSULT_NOUNS.has(norm)) return 'noun';
  if (INSULT_ADJECTIVES.has(norm)) return 'adj';
  if (PROFANITY.has(norm)) return 'prof';
  const s = singular(norm);
  if (s !== norm) {
    if (SLURS.has(s)) return 'slur';
    if (INSULT_NOUNS.has(s)) return 'noun';
  }
  return null;
}

/** Target kinds that mean "aimed at a participant". */
export const AIMED: ReadonlySet<TargetKind> = new Set<TargetKind>(['you', 'named', 'vocative']);

/**
 * Rule features whose weight training may not make positive: a bad word aimed
 * at nobody in the conversation is not, by itself, evidence of an attack.
 */
export const NON_POSITIVE_FEATURES: ReadonlySet<string> = new Set(
  (['noun', 'adj', 'prof'] as const).flatMap((c) =>
    (['self', 'quoted', 'third', 'idea', 'none'] as const).map((k) => `R:${c}:${k}`),
  ),
);

function add(bag: FeatureBag, name: string, start: number, end: number, value = 1) {
  const hit = bag.get(name);
  if (hit) {
    hit.spans.push([start, end]);
  } else {
    bag.set(name, { value, spans: [[start, end]] });
  }
}

export function attackFeatures(tokens: readonly Token[]): FeatureBag {
  const bag: FeatureBag = new Map();
  const classes: (WordClass | null)[] = new Array(tokens.length);
  let capsLetters = 0;
  let letters = 0;

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    letters += t.letters;
    if (t.caps) capsLetters += t.letters;
    const cls = wordClass(t.norm);
    classes[i] = cls;
    if (cls === null) {
      add(bag, 'u:' + (/^\d+$/.test(t.norm) ? '<num>' : t.norm), t.start, t.end);
      continue;
    }
    const target = findTarget(tokens, i);
    const aimed = AIMED.has(target.kind);
    const at = tokens[target.at];
    const start = Math.min(at.start, t.start);
    const end = Math.max(at.end, t.end);
    if (cls === 'slur') {
      add(bag, 'R:slur', t.start, t.end);
      if (aimed) add(bag, 'R:slur:aimed', start, end);
      continue;
    }
    add(bag, `R:${cls}:${target.kind}`, aimed ? start : t.start, aimed ? end : t.end);
    if (aimed) add(bag, `R:word:${singular(t.norm)}`, start, end);
  }

  // Bigrams of ordinary words within a sentence.
  for (let i = 1; i < tokens.length; i++) {
    if (tokens[i].sentenceStart || classes[i] !== null || classes[i - 1] !== null) continue;
    add(bag, 'b:' + tokens[i - 1].norm + ' ' + tokens[i].norm, tokens[i - 1].start, tokens[i].end);
  }

  for (const m of ATTACK_PHRASES.match(tokens)) {
    const start = tokens[m.from].start;
    const end = tokens[m.to - 1].end;
    add(bag, 'P:' + m.category, start, end);
  }

  if (tokens.length > 0 && tokens[0].mention) add(bag, 'R:reply-to-named', tokens[0].start, tokens[0].end);
  if (letters >= 12 && capsLetters / letters > 0.6) add(bag, 'R:shouting', 0, 0);

  // Long comments collect more incidental features; let the model offset that.
  const n = tokens.length;
  add(bag, n < 15 ? 'L:short' : n < 60 ? 'L:medium' : n < 200 ? 'L:long' : 'L:very-long', 0, 0);
  return bag;
}
