// Validity: a comment must be between the site's minimum and maximum length (the one length
// setting there is), counted in characters as a reader sees them (an emoji is one), ignoring
// surrounding whitespace. Out of bounds is refused, not stored: the author keeps the draft and
// sees the limit. With the rule off, the API's own limit (5,000) still applies.
import type { Rule } from '../types';

export const bodyLength: Rule = {
  id: 'body-length',
  check(draft, ctx) {
    const { enabled, min, max } = ctx.settings.rules.bodyLength;
    if (!enabled) return undefined;
    const chars = [...draft.body.trim()];
    if (chars.length < min) {
      const message = `Too short: ${count(chars.length)}, at least ${min} needed`;
      return {
        refusal: { code: 'invalid_input', message, fields: { body: `must be at least ${min} characters` } },
        reasons: [{ ruleId: 'body-length', message, spans: [] }],
      };
    }
    if (chars.length > max) {
      // Point at the part past the limit so the author sees what to cut.
      const leading = draft.body.length - draft.body.trimStart().length;
      const start = leading + chars.slice(0, max).join('').length;
      const end = draft.body.trimEnd().length;
      const message = `Too long: ${count(chars.length)}, at most ${max} allowed`;
      return {
        refusal: { code: 'invalid_input', message, fields: { body: `must be at most ${max} characters` } },
        reasons: [{ ruleId: 'body-length', message, spans: [{ start, end, label: 'over-limit' }] }],
      };
    }
    return undefined;
  },
};

function count(n: number): string {
  return `${n} ${n === 1 ? 'character' : 'characters'}`;
}
