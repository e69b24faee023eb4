// Content: a word on the site's banned list, however disguised, rejects the comment.
import type { Rule } from '../types';
import { listedWordReasons } from './word-matcher';

export const bannedWords: Rule = {
  id: 'banned-words',
  check(draft, ctx) {
    const { enabled, words } = ctx.settings.rules.bannedWords;
    if (!enabled || words.length === 0) return undefined;
    const reasons = listedWordReasons('banned-words', draft.body, words, (word) => `Contains the banned word “${word}”`);
    return reasons.length > 0 ? { status: 'rejected', reasons } : undefined;
  },
};
