// Offline, explainable civility classifier: two scores in 0..1 (attack on a
// person; stoking fear and anger) plus the character ranges that drove them.
// Pure and deterministic: no I/O, no clock, no platform APIs, so it runs the
// same on Node and on Workers.

import { ATTACK_THRESHOLD, scoreAttack } from './attack-model.ts';
import { matchPhrases } from './civility-phrases.ts';
import { FEAR_ANGER_THRESHOLD, scoreFearAnger } from './fear-anger.ts';
import { Tokens, tokenize } from './tokenize.ts';
import type { CivilityScores } from './types.ts';

export type { CivilityLabel, CivilityScores, CivilitySpan } from './types.ts';

/** Default cut-off for `attack`, chosen at training time (see README). */
export const DEFAULT_ATTACK_THRESHOLD: number = ATTACK_THRESHOLD;
/** Default cut-off for `fearAnger`. */
export const DEFAULT_FEAR_ANGER_THRESHOLD: number = FEAR_ANGER_THRESHOLD;

// Reused from call to call: classification is synchronous and never re-entered,
// and the tokens never leave this function.
const tokens = new Tokens();

export function classifyCivility(text: string): CivilityScores {
  tokenize(text, tokens);
  const phrases = matchPhrases(tokens);
  const attack = scoreAttack(tokens, phrases.attack);
  const fear = scoreFearAnger(text, tokens, phrases.fearAnger);
  const spans = attack.spans.concat(fear.spans);
  if (spans.length > 1) {
    spans.sort((a, b) => a.start - b.start || a.end - b.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0) || b.weight - a.weight);
  }
  return { attack: attack.score, fearAnger: fear.score, spans };
}
