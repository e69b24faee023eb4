// Validity: every write needs a signed-in member. Guests read, and are invited to subscribe.
import type { Rule } from '../types';

export const signedIn: Rule = {
  id: 'signed-in',
  check(_draft, ctx) {
    if (ctx.author.signedIn) return undefined;
    return { refusal: { code: 'not_signed_in', message: 'Sign in as a member to join the conversation' } };
  },
};
