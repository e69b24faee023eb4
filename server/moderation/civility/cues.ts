// Named cue features: what the hand-built lexicons and phrase lists see in a comment, each
// with the token range that produced it. They reach the learned models as hashed features
// (features.ts), so the data decides how much each cue counts, and the ranges explain a score.
//  - attack cues: a bad word together with whom it is aimed at (targets.ts), phrases that
//    question a person's intelligence, sanity or motives;
//  - fear/anger cues: the phrase list's categories, dehumanising words about people, shouting;
//  - target cues: second person, participants' names, the publication and public figures.

import type { PhraseMatches } from './civility-phrases.ts';
import { FIRST_PERSON, GROUP_NOUNS, OUTSIDE_TARGETS, SECOND_PERSON, THIRD_PERSON, singular } from './lexicons.ts';
import { findTarget } from './targets.ts';
import { CAPS, MENTION, PARTICIPANT, SENTENCE_START, SOFTENED, type Tokens } from './tokens.ts';

export interface Cue {
  name: string;
  /** Token range [from, to) that produced it; from = -1 for a cue about the whole comment. */
  from: number;
  to: number;
}

const GROUP_WINDOW = 5;

function aboutPeople(tokens: Tokens, i: number): boolean {
  for (let j = i - 1; j >= 0 && i - j <= GROUP_WINDOW; j--) {
    if (GROUP_NOUNS.has(tokens.norm(j))) return true;
    if (tokens.has(j, SENTENCE_START)) break;
  }
  for (let j = i + 1; j < tokens.length && j - i <= GROUP_WINDOW; j++) {
    if (tokens.has(j, SENTENCE_START)) break;
    if (GROUP_NOUNS.has(tokens.norm(j))) return true;
  }
  return false;
}

/** A count as a coarse bucket, so "how many" is a handful of features rather than one per number. */
function bucket(n: number): number {
  return n === 0 ? 0 : n === 1 ? 1 : n <= 3 ? 2 : 3;
}

// The names of the counting cues, made once rather than per comment.
const BUCKETS = ['0', '1', '2-3', 'many'];
const counted = (what: string) => BUCKETS.map((b) => `T:${what}:${b}`);
const SECOND_NAMES = counted('second');
const FIRST_NAMES = counted('first');
const THIRD_NAMES = counted('third');
const OUTSIDE_NAMES = counted('outside');
const NAMED_NAMES = counted('named');

export function findCues(tokens: Tokens, phrases: PhraseMatches, out: Cue[]): void {
  out.length = 0;
  const n = tokens.length;
  let second = 0;
  let first = 0;
  let third = 0;
  let outside = 0;
  let named = 0;
  let letters = 0;
  let capsLetters = 0;
  let capsWords = 0;

  for (let i = 0; i < n; i++) {
    const norm = tokens.norm(i);
    letters += tokens.letters[i];
    if (tokens.has(i, CAPS)) {
      capsLetters += tokens.letters[i];
      capsWords++;
    }
    if (SECOND_PERSON.has(norm)) second++;
    else if (FIRST_PERSON.has(norm)) first++;
    else if (THIRD_PERSON.has(norm)) third++;
    if (OUTSIDE_TARGETS.has(norm)) {
      outside++;
      out.push({ name: 'T:outside', from: i, to: i + 1 });
    }
    if (tokens.has(i, MENTION | PARTICIPANT)) {
      named++;
      out.push({ name: 'T:participant', from: i, to: i + 1 });
    }
    if (tokens.word[i].dehumanizing) {
      out.push({ name: aboutPeople(tokens, i) ? 'F:dehumanizing:people' : 'F:dehumanizing', from: i, to: i + 1 });
    }

    const cls = tokens.word[i].cls;
    if (cls === null) continue;
    const target = findTarget(tokens, i);
    const soft = target.kind === 'idea' || target.kind === 'self' || target.kind === 'quoted' || target.kind === 'negated';
    if (soft) tokens.flags[i] |= SOFTENED;
    const aimed = target.kind === 'you' || target.kind === 'named' || target.kind === 'vocative';
    const from = aimed ? Math.min(target.at, i) : i;
    const to = aimed ? Math.max(target.at, i) + 1 : i + 1;
    // An @participant is as much "you" as "you" is.
    const kind = target.kind === 'named' ? 'you' : target.kind;
    out.push({ name: `R:${cls}:${kind}`, from, to });
    if (target.kind === 'third' && OUTSIDE_TARGETS.has(tokens.norm(target.at))) out.push({ name: `R:${cls}:outside`, from: i, to: i + 1 });
    if (aimed) out.push({ name: `R:word:${cls === 'noun' ? singular(tokens.norm(i)) : tokens.norm(i)}`, from, to });
  }

  for (const m of phrases.attack) out.push({ name: 'P:' + m.category, from: m.from, to: m.to });
  for (const m of phrases.fearAnger) out.push({ name: `F:${m.category}:${m.weight}`, from: m.from, to: m.to });

  if (n > 0 && tokens.has(0, MENTION | PARTICIPANT)) out.push({ name: 'T:addresses-participant', from: 0, to: 1 });
  out.push({ name: SECOND_NAMES[bucket(second)], from: -1, to: -1 });
  out.push({ name: FIRST_NAMES[bucket(first)], from: -1, to: -1 });
  out.push({ name: THIRD_NAMES[bucket(third)], from: -1, to: -1 });
  out.push({ name: OUTSIDE_NAMES[bucket(outside)], from: -1, to: -1 });
  out.push({ name: NAMED_NAMES[bucket(named)], from: -1, to: -1 });

  if (letters >= 12) {
    const ratio = capsLetters / letters;
    if (ratio > 0.6 && capsWords >= 3) out.push({ name: 'F:shouting', from: -1, to: -1 });
    else if (ratio > 0.35 && capsWords >= 4) out.push({ name: 'F:some-shouting', from: -1, to: -1 });
  }
  out.push({ name: n < 6 ? 'L:tiny' : n < 15 ? 'L:short' : n < 60 ? 'L:medium' : n < 200 ? 'L:long' : 'L:very-long', from: -1, to: -1 });
}
