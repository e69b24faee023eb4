// Validity: a closed conversation takes no new comments or edits, except from staff.
import type { Rule } from '../types';

export const threadClosed: Rule = {
  id: 'thread-closed',
  check(_draft, ctx) {
    if (!ctx.thread.closed) return undefined;
    if (ctx.author.role === 'moderator' || ctx.author.role === 'admin') return undefined;
    return { refusal: { code: 'thread_closed', message: 'This conversation is closed to new comments' } };
  },
};
