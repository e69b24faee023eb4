// Fear and anger score: a transparent, hand-weighted sum of cues, squashed to
// 0..1. Cues: catastrophising, calls to hate or punish a group, dehumanising
// words used about people, and shouting in capitals. Hedged, evidence-minded
// wording ("I'm worried the policy could...") pulls the sum down a little.

import { matchPhrases } from './civility-phrases.ts';
import { GROUP_NOUNS } from './lexicons.ts';
import type { PhraseMatch } from './phrases.ts';
import { CAPS, SENTENCE_START, type Tokens } from './tokens.ts';
import type { CivilitySpan } from './types.ts';

/** Sum at which the score crosses one half. */
const MIDPOINT = 2.5;
const STEEPNESS = 1.5;
const SOBER_FLOOR = -1.2;
const ANGER_CAP = 2;
const GROUP_WINDOW = 5;

export const FEAR_ANGER_THRESHOLD = 0.5;

interface Cue { start: number; end: number; weight: number; from: number; to: number }

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

export function scoreFearAnger(
  text: string,
  tokens: Tokens,
  phrases: readonly PhraseMatch[] = matchPhrases(tokens).fearAnger,
): { score: number; spans: CivilitySpan[] } {
  const { start, end } = tokens;
  const cues: Cue[] = [];
  let sober = 0;
  let anger = 0;

  // Overlapping phrases ("wake up" inside "wake up people") count once, strongest first.
  const matches = [...phrases].sort((a, b) => b.weight - a.weight || a.from - b.from);
  const used = new Uint8Array(tokens.length);
  for (const m of matches) {
    if (m.weight < 0) {
      sober += m.weight;
      continue;
    }
    let overlap = false;
    for (let k = m.from; k < m.to && !overlap; k++) if (used[k]) overlap = true;
    if (overlap) continue;
    for (let k = m.from; k < m.to; k++) used[k] = 1;
    let w = m.weight;
    if (m.category === 'anger') {
      w = Math.min(w, ANGER_CAP - anger);
      anger += w;
      if (w <= 0) continue;
    }
    cues.push({ start: start[m.from], end: end[m.to - 1], weight: w, from: m.from, to: m.to });
  }

  // Dehumanising words: strong when about a group of people, faint otherwise
  // ("rats in the basement" is a pest problem, not propaganda).
  let faint = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (used[i] || !tokens.word[i].dehumanizing) continue;
    const w = aboutPeople(tokens, i) ? 3 : Math.min(0.5, 1 - faint);
    if (w <= 0) continue;
    if (w < 3) faint += w;
    cues.push({ start: start[i], end: end[i], weight: w, from: i, to: i + 1 });
  }

  // Shouting: most of the letters in capitals, across several words.
  let letters = 0;
  let capsLetters = 0;
  let capsWords = 0;
  let firstCaps = -1;
  let lastCaps = -1;
  for (let i = 0; i < tokens.length; i++) {
    letters += tokens.letters[i];
    if (tokens.has(i, CAPS) && tokens.letters[i] >= 2) {
      capsLetters += tokens.letters[i];
      capsWords++;
      if (firstCaps < 0) firstCaps = i;
      lastCaps = i;
    }
  }
  const bangs = countBangs(text);
  if (letters >= 15 && capsWords >= 3) {
    const ratio = capsLetters / letters;
    let w = ratio >= 0.6 ? 2.5 : ratio >= 0.35 && capsWords >= 4 ? 1.5 : 0;
    if (w > 0 && bangs >= 2) w += 0.8;
    if (w > 0) {
      cues.push({ start: start[firstCaps], end: end[lastCaps], weight: w, from: firstCaps, to: lastCaps + 1 });
    }
  }

  let sum = Math.max(sober, SOBER_FLOOR);
  for (const c of cues) sum += c.weight;
  const score = 1 / (1 + Math.exp(-STEEPNESS * (sum - MIDPOINT)));
  const spans: CivilitySpan[] = cues.map((c) => ({ start: c.start, end: c.end, label: 'fearAnger', weight: round(c.weight) }));
  return { score, spans };
}

function countBangs(text: string): number {
  let n = 0;
  for (let i = text.indexOf('!'); i >= 0; i = text.indexOf('!', i + 1)) n++;
  return n;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
