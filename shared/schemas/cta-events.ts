import * as z from 'zod/mini';
import { Id } from './common';

// What the reader widget reports about its calls to action: one was seen, or its link was
// clicked. Nothing about the reader is kept: the server counts the event into a day's totals
// by the thread's section and the tier of the reader's verified token.

export const CTA_KINDS = ['guest', 'upgrade'] as const;
export type CtaKind = (typeof CTA_KINDS)[number];

export const CtaEventBody = z.strictObject({
  threadId: Id,
  /** The guest invitation, or the upgrade message a member's tier gets. */
  kind: z.enum(CTA_KINDS),
  event: z.enum(['impression', 'click']),
  /**
   * The reader's token, in the body because a beacon cannot send headers; absent for a guest.
   * The tier counted is the one it verifies to, never a tier the page names.
   */
  token: z.optional(z.string().check(z.minLength(1), z.maxLength(8192))),
  /** The tier the page believes the reader has. Accepted for older widgets; never counted. */
  tier: z.optional(z.string().check(z.maxLength(64))),
});
export type CtaEventBody = z.infer<typeof CtaEventBody>;

/** One row of the Stats tab's table: a section, a tier and a kind of invitation over the stats window. */
export const CtaStatsRow = z.object({
  section: z.string(),
  /** 'guest' for readers not signed in; a member's tier as their token says ('' when it names none). */
  tier: z.string(),
  kind: z.enum(CTA_KINDS),
  impressions: z.number(),
  clicks: z.number(),
  /** clicks ÷ impressions; null without impressions. */
  clickThroughRate: z.nullable(z.number()),
});
export type CtaStatsRow = z.infer<typeof CtaStatsRow>;
