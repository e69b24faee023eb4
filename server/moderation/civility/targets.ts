// Who is a bad word aimed at? The same "idiot" is an attack in "you're an idiot",
// a quote in "he called me an idiot", self-deprecation in "I'm an idiot for
// missing that" and a comment on an idea in "what an idiotic argument".

import {
  FIRST_PERSON, IDEA_NOUNS, REPORTING_VERBS, SECOND_PERSON, THIRD_PERSON,
} from './lexicons.ts';
import { COMMA_BEFORE, MENTION, NEGATED, PARTICIPANT, QUOTED, SENTENCE_START, type Tokens } from './tokens.ts';

export type TargetKind =
  | 'you' // second person or "people like you"
  | 'named' // an @participant, or a participant named in the context
  | 'negated' // "I'm not calling you stupid"
  | 'vocative' // a bare insult as its own clause: "Idiot." / "Nice try, moron."
  | 'self'
  | 'quoted'
  | 'third' // someone outside the conversation
  | 'idea'
  | 'none';

export interface Target {
  kind: TargetKind;
  /** Index of the token naming the target, when there is one. */
  at: number;
}

const BACK_WINDOW = 5;

// Words that can precede a bare insult without giving it a different target.
const VOCATIVE_FILLER = new Set(
  `what a an such total complete absolute utter fucking stupid dumb big typical another oh wow ok okay
   lol yeah nice hey dear god sorry fuck off shut up go away sad little pathetic`.split(/\s+/),
);
const FORWARD_WINDOW = 3;

function reportedBefore(tokens: Tokens, j: number, floor: number): boolean {
  for (let k = j - 1; k >= Math.max(floor, j - 3); k--) if (REPORTING_VERBS.has(tokens.norm(k))) return true;
  return false;
}

export function findTarget(tokens: Tokens, i: number): Target {
  if (tokens.has(i, QUOTED)) return { kind: 'quoted', at: i };
  if (tokens.has(i, NEGATED)) return { kind: 'negated', at: i };

  const n = tokens.length;
  if (i + 1 < n && !tokens.has(i + 1, SENTENCE_START) && IDEA_NOUNS.has(tokens.norm(i + 1))) return { kind: 'idea', at: i + 1 };

  // Walk back to the nearest word that says who or what is being described.
  let floor = i;
  while (floor > 0 && i - floor < BACK_WINDOW && !tokens.has(floor, SENTENCE_START)) floor--;
  for (let j = i - 1; j >= floor; j--) {
    const w = tokens.norm(j);
    if (tokens.has(j, MENTION | PARTICIPANT)) return { kind: reportedBefore(tokens, j, floor) ? 'quoted' : 'named', at: j };
    if (SECOND_PERSON.has(w)) return { kind: reportedBefore(tokens, j, floor) ? 'quoted' : 'you', at: j };
    if (FIRST_PERSON.has(w)) return { kind: reportedBefore(tokens, j, floor) ? 'quoted' : 'self', at: j };
    if (THIRD_PERSON.has(w)) return { kind: reportedBefore(tokens, j, floor) ? 'quoted' : 'third', at: j };
    if (IDEA_NOUNS.has(w)) return { kind: 'idea', at: j };
    if (REPORTING_VERBS.has(w)) return { kind: 'quoted', at: j };
  }

  // "what an idiot you are", "idiots like you", "moron, you".
  for (let j = i + 1; j < n && j <= i + FORWARD_WINDOW; j++) {
    if (tokens.has(j, SENTENCE_START)) break;
    const w = tokens.norm(j);
    if (SECOND_PERSON.has(w)) return { kind: 'you', at: j };
    if (tokens.has(j, MENTION | PARTICIPANT)) return { kind: 'named', at: j };
    if (FIRST_PERSON.has(w) || THIRD_PERSON.has(w)) break;
  }

  // A clause that is nothing but the insult ("Idiot.", "What a moron!", "Nice
  // try, clown.") is addressed to whoever is being answered.
  const clauseEnds = i + 1 >= n || tokens.has(i + 1, SENTENCE_START | COMMA_BEFORE);
  if (clauseEnds) {
    let onlyFiller = true;
    for (let j = i - 1; j >= floor && onlyFiller; j--) {
      if (tokens.has(j + 1, COMMA_BEFORE | SENTENCE_START)) break;
      if (!VOCATIVE_FILLER.has(tokens.norm(j))) onlyFiller = false;
    }
    if (onlyFiller) return { kind: 'vocative', at: i };
  }

  return { kind: 'none', at: i };
}
