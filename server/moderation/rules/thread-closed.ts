// Validity: a closed conversation takes no new comments, edits or likes, except from staff.
import { isStaff } from '../../../shared/schemas/common';
import type { Rule } from '../types';

export const threadClosed: Rule = {
  id: 'thread-closed',
  check(_draft, ctx) {
    if (!ctx.thread.closed) return undefined;
    if (isStaff(ctx.author.role)) return undefined;
    return { refusal: { code: 'thread_closed', message: 'This conversation is closed' } };
  },
};
