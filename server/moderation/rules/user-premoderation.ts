// Pre-moderation: a moderator asked to review every comment from this member.
import type { Rule } from '../types';

export const userPremoderation: Rule = {
  id: 'user-premoderation',
  check(_draft, ctx) {
    if (!ctx.author.alwaysPremoderate) return undefined;
    return { status: 'pending', reasons: [{ ruleId: 'user-premoderation', message: 'Held: a moderator reviews every comment from this member', spans: [] }] };
  },
};
