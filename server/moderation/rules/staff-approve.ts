// Early approve: moderators' and admins' comments are published without content checks.
import type { Rule } from '../types';

export const staffApprove: Rule = {
  id: 'staff-approve',
  check(_draft, ctx) {
    if (ctx.author.role === 'moderator' || ctx.author.role === 'admin') return { status: 'published' };
    return undefined;
  },
};
