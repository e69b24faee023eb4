// A site as `npm run export` writes it: NDJSON, one record a line, versioned by the first line.
// Rows keep their ids and their columns as stored (camelCase; flags as 0/1, times as epoch ms);
// the site's id is the header's, not repeated. Secrets are never in it (see README, "Import and export").
import * as z from 'zod/mini';

export const EXPORT_VERSION = 1;

const text = z.string();
const maybeText = z.nullable(z.string());
const int = z.number().check(z.int());
const maybeInt = z.nullable(int);
const json = z.unknown();

export const ExportHeader = z.object({ type: z.literal('parley-export'), version: z.literal(EXPORT_VERSION), site: text, exportedAt: text });
/** Last line: how many records came before it, so a cut-off file is told from a whole one. */
export const ExportEnd = z.object({ type: z.literal('end'), records: int });
/** The site's configuration without its secrets: no HS256 secret, API key hash or scorer secret. */
export const ExportSite = z.object({ type: z.literal('site'), config: z.record(z.string(), z.unknown()) });

export const ExportThread = z.object({
  type: z.literal('thread'),
  id: text, pageKey: text, url: text, title: text, section: text, sectionLocked: int, closed: int, commentCount: int, version: int,
  createdAt: int, premoderate: int, publishedAt: maybeInt, keptOpen: int,
});
export const ExportUser = z.object({
  type: z.literal('user'),
  id: text, externalId: text, displayName: text, tier: text, role: text, badges: json, banned: int, suspendedUntil: maybeInt,
  alwaysPremoderate: int, createdAt: int, updatedAt: int, avatarUrl: maybeText, imported: int, claimedBy: maybeText,
});
export const ExportComment = z.object({
  type: z.literal('comment'),
  id: text, threadId: text, parentId: maybeText, rootId: text, depth: int, authorId: text, bodySrc: text, bodyHtml: text, status: text,
  featured: int, likeCount: int, createdAt: int, editedAt: maybeInt, deletedAt: maybeInt, reasons: json, openReports: int,
  reviewedAt: maybeInt, reviewedBy: maybeText, rejectReason: maybeText, hiddenByReports: int, decidedBy: maybeText, afterNudge: maybeText,
});
export const ExportReaction = z.object({ type: z.literal('reaction'), commentId: text, userId: text, createdAt: int });
export const ExportReport = z.object({
  type: z.literal('report'),
  commentId: text, userId: text, reason: text, note: text, createdAt: int, resolvedAt: maybeInt, weight: int,
});
export const ExportModerationAction = z.object({
  type: z.literal('moderation_action'),
  id: text, actor: text, actorName: text, action: text, targetType: text, targetId: text, before: json, after: json, detail: text,
  createdAt: int, undoneBy: maybeText, seq: maybeInt, summary: text,
});

/** The row records, in the order an export writes them (what a row refers to comes before it). */
export const EXPORT_ROW_SCHEMAS = {
  thread: ExportThread,
  user: ExportUser,
  comment: ExportComment,
  reaction: ExportReaction,
  report: ExportReport,
  moderation_action: ExportModerationAction,
} as const;
export type ExportRowType = keyof typeof EXPORT_ROW_SCHEMAS;
export const EXPORT_ROW_TYPES = Object.keys(EXPORT_ROW_SCHEMAS) as ExportRowType[];
export type ExportRow = { type: ExportRowType } & Record<string, unknown>;

export const ExportRecord = z.discriminatedUnion('type', [ExportSite, ExportThread, ExportUser, ExportComment, ExportReaction, ExportReport, ExportModerationAction, ExportEnd]);
export type ExportRecord = z.infer<typeof ExportRecord>;
