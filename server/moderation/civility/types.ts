// Public shapes of the civility classifier, kept apart so the scorer modules
// can share them without importing the entry point (and each other) in a cycle.

export type CivilityLabel = 'attack' | 'fearAnger';

/** A character range that pushed a score up. Offsets are UTF-16 indices into the original input. */
export interface CivilitySpan {
  start: number;
  end: number;
  label: CivilityLabel;
  weight: number;
}

export interface CivilityScores {
  attack: number;
  fearAnger: number;
  spans: CivilitySpan[];
}
