// Validity: banned and suspended members cannot comment, like or report, and staff lose their
// powers while it lasts. A suspension ends on its own at `suspendedUntil`, so the refusal says
// when, and how long to wait.
import type { Rule } from '../types';

export const userStatus: Rule = {
  id: 'user-status',
  check(_draft, ctx) {
    const { banned, suspendedUntil } = ctx.author;
    if (banned) return { refusal: { code: 'banned', message: 'This account is banned from this site' } };
    if (suspendedUntil !== null && suspendedUntil > ctx.now) {
      return {
        refusal: {
          code: 'suspended',
          message: `This account is suspended until ${formatUtc(suspendedUntil)}`,
          retryAfterSeconds: Math.max(1, Math.ceil((suspendedUntil - ctx.now) / 1000)),
        },
      };
    }
    return undefined;
  },
};

/** "2025-03-01 14:30 UTC": the same for every moderator whatever their time zone. */
function formatUtc(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
