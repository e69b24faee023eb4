// One comment's words, cues and hashed features: the input every head reads, built the same
// way for training (scripts/civility) and for scoring (classify.ts).

import { matchPhrases } from './civility-phrases.ts';
import { type Cue, findCues } from './cues.ts';
import { Features, extractFeatures } from './features.ts';
import { Tokens, markParticipants, tokenize } from './tokenize.ts';
import type { CivilityContext } from './types.ts';

export interface Analysis {
  tokens: Tokens;
  cues: Cue[];
  features: Features;
}

/** Fills `into` (reused from call to call, so a comment allocates little). */
export function analyze(text: string, context: CivilityContext | undefined, into: Analysis, withTextGrams = true): Analysis {
  tokenize(text, into.tokens);
  if (context?.participants) markParticipants(into.tokens, context.participants);
  findCues(into.tokens, matchPhrases(into.tokens), into.cues);
  extractFeatures(text, into.tokens, into.cues, into.features, withTextGrams);
  return into;
}

export function newAnalysis(): Analysis {
  return { tokens: new Tokens(), cues: [], features: new Features() };
}
