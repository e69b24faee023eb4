// Both phrase lists in one trie: each comment is walked once for both scores.

import { ATTACK_PHRASES } from './attack-phrases.ts';
import { FEAR_ANGER_PHRASES } from './fear-anger-phrases.ts';
import { type PhraseMatch, PhraseSets } from './phrases.ts';
import type { Tokens } from './tokens.ts';

const PHRASES = new PhraseSets([ATTACK_PHRASES, FEAR_ANGER_PHRASES]);

export interface PhraseMatches { attack: PhraseMatch[]; fearAnger: PhraseMatch[] }

export function matchPhrases(tokens: Tokens): PhraseMatches {
  const [attack, fearAnger] = PHRASES.match(tokens);
  return { attack, fearAnger };
}
