// Content: a word on the site's suspect list holds the comment for review (or nudges the
// author first, when the site allows it). Matched like banned words.
import type { Rule } from '../types';
import { listedWordReasons } from './word-matcher';

export const suspectWords: Rule = {
  id: 'suspect-words',
  check(draft, ctx) {
    const { enabled, words } = ctx.settings.rules.suspectWords;
    if (!enabled || words.length === 0) return undefined;
    const reasons = listedWordReasons('suspect-words', draft.body, words, (word) => `Contains the word “${word}”, which this site reviews`);
    return reasons.length > 0 ? { status: 'pending', nudge: 'site', reasons } : undefined;
  },
};
