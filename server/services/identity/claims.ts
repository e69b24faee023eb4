import * as z from 'zod/mini';

/** What the publisher's membership system puts in the reader's token. */
export const MemberClaims = z.object({
  sub: z.string().check(z.minLength(1), z.maxLength(200)),
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(80)),
  tier: z._default(z.string().check(z.maxLength(64)), ''),
  role: z._default(z.enum(['member', 'moderator', 'admin']), 'member'),
  badges: z._default(z.array(z.string().check(z.maxLength(40))).check(z.maxLength(10)), []),
  exp: z.number(),
});
export type MemberClaims = z.infer<typeof MemberClaims>;
