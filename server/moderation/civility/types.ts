// Public shapes of the civility classifier, kept apart so the scorer modules
// can share them without importing the entry point (and each other) in a cycle.

/** attack: on a member of the conversation; attackOther: on the author, the publication, public figures. */
export type CivilityLabel = 'attack' | 'attackOther' | 'fearAnger';

/** A character range that drove a score. Offsets are UTF-16 indices into the original input. */
export interface CivilitySpan {
  start: number;
  end: number;
  label: CivilityLabel;
  /** How strongly the range drove the score (a probability for attacks, a contribution for fear). */
  weight: number;
}

/** What the classifier may know about the conversation a comment is part of. */
export interface CivilityContext {
  /** Display names of the replied-to author and other commenters: an insult aimed at them is aimed at a member. */
  participants?: readonly string[];
}

export interface CivilityScores {
  /** Calibrated probability that the comment is a personal attack on a member of the conversation. */
  attack: number;
  /** Calibrated probability that it attacks someone else: the author, the publication, public figures. */
  attackOther: number;
  /** Calibrated probability that it is meant to stoke fear or anger. */
  fearAnger: number;
  spans: CivilitySpan[];
}
