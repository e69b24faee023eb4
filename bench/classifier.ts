// Civility classifier throughput on a few thousand generated sentences: civil debate, sharp
// criticism of ideas, personal attacks and fear-mongering, in varied lengths.
import { DEFAULT_ATTACK_THRESHOLD, DEFAULT_FEAR_ANGER_THRESHOLD, classifyCivility } from '../server/moderation/civility/index.ts';
import { median, round } from './load';

const OPENERS = ['Honestly,', 'I think', 'Frankly,', 'To be fair,', 'As a parent,', 'Look,', 'With respect,', 'Reading this,', 'Again,', ''];
const SUBJECTS = ['the council', 'this plan', 'the new budget', 'the mayor', 'the article', 'your argument', 'the transit board', 'this policy', 'the reporter', 'the proposal'];
const CIVIL = [
  'makes a fair point about library hours',
  'ignores how many people ride the night buses',
  'needs better numbers before anyone votes',
  'is a reasonable compromise for now',
  'seems rushed, and the figures do not add up',
  'would help families if it were funded properly',
  'deserves a public meeting before it passes',
  'is wrong on the facts, as the minutes show',
];
const HOSTILE = [
  'you are an idiot and should stop posting',
  'people like you are pathetic losers',
  'shut up, nobody cares what a moron thinks',
  'you clearly have the brains of a rock',
];
const FEAR = [
  'they are coming for our neighbourhoods and nobody is safe anymore',
  'this will destroy everything we love, wake up before it is too late',
  'our children are in danger and the elites want it that way',
  'the invasion has already started and you are all blind to it',
];
const TAILS = ['', ' Just my view.', ' What do others think?', ' Sources are in the minutes.', ' Thanks for the reporting!', ' Shameful.', ' 🙄', ' See page 4 of the budget.'];

/** Deterministic, varied comments; about one in six hostile and one in eight fearful. */
export function sentences(count: number): string[] {
  const out: string[] = [];
  let x = 42;
  const pick = <T>(a: T[]) => {
    x = (x * 1103515245 + 12345) >>> 0;
    return a[(x >>> 8) % a.length];
  };
  for (let i = 0; i < count; i++) {
    const kind = i % 24;
    const core = kind < 4 ? pick(HOSTILE) : kind < 7 ? pick(FEAR) : `${pick(SUBJECTS)} ${pick(CIVIL)}`;
    let text = `${pick(OPENERS)} ${core}.${pick(TAILS)}`.trim();
    // Every fifth one is a longer comment of several sentences.
    if (i % 5 === 0) text += ` ${pick(SUBJECTS)} ${pick(CIVIL)}. ${pick(OPENERS)} ${pick(SUBJECTS)} ${pick(CIVIL)}.`;
    out.push(text[0].toUpperCase() + text.slice(1));
  }
  return out;
}

export interface ClassifierResult {
  commentsPerSecond: number;
  sentences: number;
  flaggedShare: number;
}

export function benchClassifier(count = 4000, rounds = 7): ClassifierResult {
  const texts = sentences(count);
  let flagged = 0;
  for (const t of texts) {
    const s = classifyCivility(t);
    if (s.attack >= DEFAULT_ATTACK_THRESHOLD || s.fearAnger >= DEFAULT_FEAR_ANGER_THRESHOLD) flagged++;
  }
  const rates: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    for (const t of texts) classifyCivility(t);
    rates.push((texts.length * 1000) / (performance.now() - start));
  }
  return { commentsPerSecond: Math.round(median(rates)), sentences: texts.length, flaggedShare: round(flagged / texts.length, 3) };
}
