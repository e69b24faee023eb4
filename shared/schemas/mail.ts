// E-mail: what a member may be told (their preferences, as the widget shows and changes them),
// the site's settings for moderators' mail, and the signed unsubscribe link.
import * as z from 'zod/mini';
import { Id } from './common';

/** A member's e-mail preferences; `available` is false when the token carries no address (nothing is offered). */
export const MailPreferencesView = z.object({
  available: z.boolean(),
  /** The address mail goes to: the publisher's, from the token. */
  email: z.nullable(z.string()),
  replies: z.boolean(),
  decisions: z.boolean(),
  /** Whether the member follows the thread asked about (false without a threadId). */
  following: z.boolean(),
});
export type MailPreferencesView = z.infer<typeof MailPreferencesView>;

export const MailPreferencesQuery = z.object({ threadId: z.optional(Id) });

export const MailPreferencesBody = z
  .object({ replies: z.optional(z.boolean()), decisions: z.optional(z.boolean()) })
  .check(z.refine((b) => b.replies !== undefined || b.decisions !== undefined, { message: 'give replies or decisions' }));

/** What an unsubscribe link turns off: a member's list, one followed thread, or a moderator's alerts. */
export const UNSUBSCRIBE_LISTS = ['replies', 'decisions', 'follow', 'moderators'] as const;
export const UnsubscribeQuery = z.object({
  /** A member's id, or a moderator's address for `moderators`. */
  u: z.string().check(z.minLength(1), z.maxLength(320)),
  l: z.enum(UNSUBSCRIBE_LISTS),
  /** The thread, for `follow`. */
  t: z.optional(Id),
  /** The link's signature. */
  s: z.string().check(z.regex(/^[\w-]{43}$/, 'must be a link signature')),
});
export type UnsubscribeQuery = z.infer<typeof UnsubscribeQuery>;

const wholeMinutes = (max: number) => z.number().check(z.int(), z.gte(1), z.lte(max));
const minutes = (max: number, fallback: number) => z._default(wholeMinutes(max), fallback);

/** Mail a site sends: to members (what they opt into in the widget) and to its moderators. */
export const MailSettings = z.object({
  /** Off: no mail at all, and the widget offers none. */
  enabled: z._default(z.boolean(), true),
  /** The From address; the server's MAIL_FROM when absent. */
  from: z.optional(z.string().check(z.email('must be an e-mail address'))),
  /** One reply notice per thread per member in this many minutes at most; what comes meanwhile is batched. */
  replyNoticeMinutes: minutes(1440, 15),
  /** Where moderators' alerts and digests go. */
  moderatorEmails: z._default(z.array(z.string().check(z.email('must be an e-mail address'))).check(z.maxLength(20)), []),
  /** Alert when the queue holds this many, or its oldest has waited this long (each optional: one left out is no alert, never a default). */
  queueAlert: z.optional(z.object({ pending: z.optional(z.number().check(z.int(), z.gte(1), z.lte(1_000_000))), oldestMinutes: z.optional(wholeMinutes(10_080)) })),
  /** A daily summary to the moderators, sent at this hour (UTC); absent for none. */
  digestHourUtc: z.optional(z.number().check(z.int(), z.gte(0), z.lte(23))),
  /** The dashboard's address, linked from moderators' mail. */
  dashboardUrl: z.optional(z.string().check(z.regex(/^https?:\/\//, 'must be an http(s) URL'))),
});
export type MailSettings = z.infer<typeof MailSettings>;
