// What a reader sends to report a comment. Apart from moderation-api.ts, which re-exports it, so
// the widget's report form loads these few lines and none of the moderator API's contract.
import * as z from 'zod/mini';

export const REPORT_REASONS = ['personal_attack', 'fear_anger', 'spam', 'off_topic', 'other'] as const;
export const ReportReason = z.enum(REPORT_REASONS);

export const ReportBody = z.strictObject({
  reason: ReportReason,
  note: z._default(z.string().check(z.trim(), z.maxLength(500)), ''),
});
export type ReportBody = z.infer<typeof ReportBody>;

/** `alreadyReported`: this member had reported it before; the report counts once. */
export const ReportResponse = z.object({ reported: z.boolean(), alreadyReported: z.boolean() });
