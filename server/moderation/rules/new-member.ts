// Pre-moderation: a member's first comments wait for review until enough have been approved.
// An edit of an already reviewed comment is not a new member's first comment.
import type { Rule } from '../types';

export const newMember: Rule = {
  id: 'new-member',
  check(draft, ctx) {
    const { enabled, approvedNeeded } = ctx.settings.rules.newMember;
    if (!enabled || draft.kind !== 'create' || ctx.author.approvedCount >= approvedNeeded) return undefined;
    return {
      status: 'pending',
      reasons: [{ ruleId: 'new-member', message: `Held: new member, ${ctx.author.approvedCount} of ${approvedNeeded} approved comments`, spans: [] }],
    };
  },
};
