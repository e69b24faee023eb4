// Validity: a comment must be between the site's minimum and maximum length, counted in
// characters as a reader sees them (an emoji is one), ignoring surrounding whitespace.
import type { Rule } from '../types';

export const bodyLength: Rule = {
  id: 'body-length',
  check(draft, ctx) {
    const { enabled, min, max } = ctx.settings.rules.bodyLength;
    if (!enabled) return undefined;
    const chars = [...draft.body.trim()];
    if (chars.length < min) {
      return {
        status: 'rejected',
        reasons: [{ ruleId: 'body-length', message: `Too short: ${count(chars.length)}, at least ${min} needed`, spans: [] }],
      };
    }
    if (chars.length > max) {
      // Point at the part past the limit so the author sees what to cut.
      const leading = draft.body.length - draft.body.trimStart().length;
      const start = leading + chars.slice(0, max).join('').length;
      const end = draft.body.trimEnd().length;
      return {
        status: 'rejected',
        reasons: [
          {
            ruleId: 'body-length',
            message: `Too long: ${count(chars.length)}, at most ${max} allowed`,
            spans: [{ start, end, label: 'over-limit' }],
          },
        ],
      };
    }
    return undefined;
  },
};

function count(n: number): string {
  return `${n} ${n === 1 ? 'character' : 'characters'}`;
}
