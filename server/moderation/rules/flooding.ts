// Validity: too many comments in a sliding window, per member and per client address, are
// refused with the wait until one more would fit. Edits are not new comments and are not counted.
import type { Rule } from '../types';

export const flooding: Rule = {
  id: 'flooding',
  check(draft, ctx) {
    const { enabled, perUser, perIp, windowSeconds } = ctx.settings.rules.flooding;
    if (!enabled || draft.kind !== 'create') return undefined;
    const windowMs = windowSeconds * 1000;
    const inWindow = ctx.author.recent
      .map((c) => c.createdAt)
      .filter((at) => at > ctx.now - windowMs)
      .sort((a, b) => a - b);
    if (inWindow.length >= perUser) {
      // Room for one more once all but perUser - 1 of them have left the window.
      const mustLeave = inWindow[inWindow.length - perUser];
      return {
        refusal: {
          code: 'rate_limited',
          message: `Posting too fast: ${inWindow.length} comments in the last ${windowSeconds} seconds (limit ${perUser})`,
          retryAfterSeconds: Math.max(1, Math.ceil((mustLeave + windowMs - ctx.now) / 1000)),
        },
      };
    }
    if (ctx.sameIpRecentCount >= perIp) {
      // Only a count is known for the address, so the wait is the whole window.
      return {
        refusal: {
          code: 'rate_limited',
          message: `Too many comments from the same network: ${ctx.sameIpRecentCount} in the last ${windowSeconds} seconds (limit ${perIp})`,
          retryAfterSeconds: windowSeconds,
        },
      };
    }
    return undefined;
  },
};
