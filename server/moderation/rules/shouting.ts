// Content: a comment written mostly in capitals. Only letters that have a case count, and
// short comments ("OK", "NASA agrees") are left alone below the site's minimum.
import type { Rule } from '../types';

export const shouting: Rule = {
  id: 'shouting',
  check(draft, ctx) {
    const { enabled, threshold, minLetters, action } = ctx.settings.rules.shouting;
    if (!enabled) return undefined;
    let letters = 0;
    let upper = 0;
    for (const c of draft.body) {
      if (c.toLowerCase() === c.toUpperCase()) continue;
      letters++;
      if (c !== c.toLowerCase()) upper++;
    }
    if (letters < minLetters) return undefined;
    const share = upper / letters;
    if (share < threshold) return undefined;
    const spans = [...draft.body.matchAll(CAPITALS_RUN)].map((m) => ({ start: m.index, end: m.index + m[0].length, label: 'capitals' }));
    return {
      status: action === 'reject' ? 'rejected' : 'pending',
      nudge: action === 'hold' ? 'site' : undefined,
      reasons: [{ ruleId: 'shouting', message: `Written mostly in capitals (${Math.round(share * 100)}% of ${letters} letters)`, spans, score: share }],
    };
  },
};

/** Stretches of two or more capitals with no lower-case letter between them. */
const CAPITALS_RUN = /\p{Lu}(?:[^\p{Ll}\p{Lt}]*\p{Lu})+/gu;
