// Who is a bad word aimed at? The same "idiot" is an attack in "you're an idiot",
// a quote in "he called me an idiot", self-deprecation in "I'm an idiot for
// missing that" and a comment on an idea in "what an idiotic argument".

import {
  FIRST_PERSON, IDEA_NOUNS, REPORTING_VERBS, SECOND_PERSON, THIRD_PERSON,
} from './lexicons.ts';
import type { Token } from './tokenize.ts';

export type TargetKind =
  | 'you' // second person or "people like you"
  | 'named' // an @participant
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

function reportedBefore(tokens: readonly Token[], j: number, floor: number): boolean {
  for (let k = j - 1; k >= Math.max(floor, j - 3); k--) if (REPORTING_VERBS.has(tokens[k].norm)) return true;
  return false;
}

export function findTarget(tokens: readonly Token[], i: number): Target {
  const t = tokens[i];
  if (t.quoted) return { kind: 'quoted', at: i };

  const next = tokens[i + 1];
  if (next && !next.sentenceStart && IDEA_NOUNS.has(next.norm)) return { kind: 'idea', at: i + 1 };

  // Walk back to the nearest word that says who or what is being described.
  let floor = i;
  while (floor > 0 && i - floor < BACK_WINDOW && !tokens[floor].sentenceStart) floor--;
  for (let j = i - 1; j >= floor; j--) {
    const n = tokens[j].norm;
    if (tokens[j].mention) return { kind: reportedBefore(tokens, j, floor) ? 'quoted' : 'named', at: j };
    if (SECOND_PERSON.has(n)) return { kind: reportedBefore(tokens, j, floor) ? 'quoted' : 'you', at: j };
    if (FIRST_PERSON.has(n)) return { kind: reportedBefore(tokens, j, floor) ? 'quoted' : 'self', at: j };
    if (THIRD_PERSON.has(n)) return { kind: reportedBefore(tokens, j, floor) ? 'quoted' : 'third', at: j };
    if (IDEA_NOUNS.has(n)) return { kind: 'idea', at: j };
    if (REPORTING_VERBS.has(n)) return { kind: 'quoted', at: j };
  }

  // "what an idiot you are", "idiots like you", "moron, you".
  for (let j = i + 1; j < tokens.length && j <= i + FORWARD_WINDOW; j++) {
    if (tokens[j].sentenceStart) break;
    const n = tokens[j].norm;
    if (SECOND_PERSON.has(n)) return { kind: 'you', at: j };
    if (tokens[j].mention) return { kind: 'named', at: j };
    if (FIRST_PERSON.has(n) || THIRD_PERSON.has(n)) break;
  }

  // A clause that is nothing but the insult ("Idiot.", "What a moron!", "Nice
  // try, clown.") is addressed to whoever is being answered.
  const after = tokens[i + 1];
  const clauseEnds = !after || after.sentenceStart || after.commaBefore;
  if (clauseEnds) {
    let onlyFiller = true;
    for (let j = i - 1; j >= floor && onlyFiller; j--) {
      if (tokens[j + 1].commaBefore || tokens[j + 1].sentenceStart) break;
      if (!VOCATIVE_FILLER.has(tokens[j].norm)) onlyFiller = false;
    }
    if (onlyFiller) return { kind: 'vocative', at: i };
  }

  return { kind: 'none', at: i };
}
