import * as z from 'zod/mini';

// Ids are random base-36 strings made by the server; the pattern keeps junk out of queries and logs.
export const Id = z.string().check(z.regex(/^[a-z0-9_-]{1,64}$/i, 'must be an id'));
export const SiteId = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be a site id (lower-case letters, digits, dashes)'));
export const Timestamp = z.number(); // milliseconds since the epoch
const parsesAsUrl = (s: string) => {
  try {
    return Boolean(new URL(s));
  } catch {
    return false;
  }
};
export const HttpUrl = z.string().check(
  z.maxLength(2048),
  z.regex(/^https?:\/\//i, 'must be an http(s) URL'),
  z.refine(parsesAsUrl, 'must be a valid URL'),
);

export const SORTS = ['newest', 'oldest', 'top'] as const;
export const Sort = z.enum(SORTS);
export type Sort = z.infer<typeof Sort>;

/** GET /api/v1/health: the server answers. */
export const HealthResponse = z.object({ ok: z.literal(true) });

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.optional(z.record(z.string(), z.string())),
  }),
});

/** Who a reader is on a site, from their token: staff may moderate; admins may also tune the rules and act on moderators. */
export const ROLES = ['member', 'moderator', 'admin'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;
export const isStaff = (role: Role): boolean => role === 'moderator' || role === 'admin';

/**
 * What became of the token a read carried: none sent, accepted, expired, not verifiable (bad
 * signature, malformed, too long-lived), or made for another site. Anything but `valid` and
 * `none` is a member whose sign-in needs renewing, never a guest to invite.
 */
export const TOKEN_STATES = ['none', 'valid', 'expired', 'invalid', 'wrong_site'] as const;
export const TokenState = z.enum(TOKEN_STATES);
export type TokenState = z.infer<typeof TokenState>;
