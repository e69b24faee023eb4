import * as z from 'zod/mini';

const MAX_AVATAR_URL = 2048;
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The avatar claim as stored: an https URL, or plain http on this machine (a local demo), at most
 * 2048 characters. Anything else is ignored rather than refused: a bad picture should not cost
 * the member their sign-in. Credentials in the URL would be shown to every reader: ignored too.
 */
export function avatarUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > MAX_AVATAR_URL) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  const allowed = url.protocol === 'https:' || (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname));
  return allowed && !url.username && !url.password && url.href.length <= MAX_AVATAR_URL ? url.href : null;
}

const EMAIL = z.string().check(z.maxLength(254), z.email());

/** The email claim as stored: a plausible address, lower-cased domain, or null. */
export function emailAddress(value: unknown): string | null {
  if (typeof value !== 'string' || !EMAIL.safeParse(value).success) return null;
  const at = value.lastIndexOf('@');
  return value.slice(0, at) + value.slice(at).toLowerCase();
}

const MAX_IMPORTED_AS = 20;

/**
 * The imported authors the publisher says this member is ("disqus:alice_w",
 * "wordpress:email:<sha256 of the address>"): strings of at most 300 characters, at most 20; an
 * unusable value is ignored like a bad avatar.
 */
export function importedAs(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter((v): v is string => typeof v === 'string' && v.length > 0 && v.length <= 300).slice(0, MAX_IMPORTED_AS);
}

/** What the publisher's membership system puts in the reader's token. */
export const MemberClaims = z.object({
  sub: z.string().check(z.minLength(1), z.maxLength(200)),
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(80)),
  tier: z._default(z.string().check(z.maxLength(64)), ''),
  role: z._default(z.enum(['member', 'moderator', 'admin']), 'member'),
  badges: z._default(z.array(z.string().check(z.maxLength(40))).check(z.maxLength(10)), []),
  /** Absent or unusable: null, and the member is shown by their initials. */
  avatar: z._default(z.pipe(z.unknown(), z.transform(avatarUrl)), null),
  /**
   * Where the member may be mailed (reply notices they opt into). Optional: without it the widget
   * offers no e-mail. An unusable value is ignored, like a bad avatar.
   */
  email: z._default(z.pipe(z.unknown(), z.transform(emailAddress)), null),
  /** Comments imported from another system that are this member's (see identity/claim-imported.ts). */
  importedAs: z._default(z.pipe(z.unknown(), z.transform(importedAs)), []),
  exp: z.number(),
});
export type MemberClaims = z.infer<typeof MemberClaims>;
