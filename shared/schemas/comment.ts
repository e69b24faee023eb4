import * as z from 'zod/mini';
import { Id, Role, Sort, Timestamp, TokenState } from './common';

export const MAX_COMMENT_LENGTH = 5000;

/** What a reader's view says of a comment: others see published ones only; a hidden comment reads as pending to its author. */
export const CommentStatus = z.enum(['published', 'pending', 'rejected']);
export type CommentStatus = z.infer<typeof CommentStatus>;

/**
 * The states of a comment's life (see README, "A comment's states"): `hidden` is a published
 * comment that reader reports took down until a moderator decides; `deleted` is a tombstone.
 */
export const COMMENT_STATES = ['published', 'pending', 'rejected', 'hidden', 'deleted'] as const;
export const CommentState = z.enum(COMMENT_STATES);
export type CommentState = z.infer<typeof CommentState>;

export const Author = z.object({
  id: z.string(),
  name: z.string(),
  badges: z.array(z.string()),
  role: Role,
  /** The picture the publisher's token names (https); null: show initials. */
  avatarUrl: z.nullable(z.string()),
});

/** A comment as a reader sees it. Deleted comments are tombstones: no author, no body. */
export const CommentView = z.object({
  id: Id,
  threadId: Id,
  parentId: z.nullable(Id),
  author: z.nullable(Author),
  html: z.string(),
  status: CommentStatus,
  createdAt: Timestamp,
  editedAt: z.nullable(Timestamp),
  deleted: z.boolean(),
  featured: z.boolean(),
  likes: z.number(),
  likedByMe: z.boolean(),
  mine: z.boolean(),
  /** Until when the viewer may edit it; null when they may not. */
  editableUntil: z.nullable(Timestamp),
  /** The Markdown source, for the author's own editable comments only (exact edits). */
  source: z.optional(z.string()),
});
export type CommentView = z.infer<typeof CommentView>;

export const CommentPage = z.object({
  /** Top-level comments of this page and all their published replies, flat; the tree is built by the client. */
  comments: z.array(CommentView),
  nextCursor: z.nullable(z.string()),
  /** Only when the token the read carried was refused: the page is a guest's, and this says why (as ViewerInfo.session). */
  session: z.optional(TokenState),
});
export type CommentPage = z.infer<typeof CommentPage>;

export const PageQuery = z.object({
  sort: z._default(Sort, 'newest'),
  cursor: z.optional(z.string().check(z.maxLength(300))),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(50)), 20),
});
export type PageQuery = z.infer<typeof PageQuery>;

export const ConversationResponse = z.object({ rootId: Id, comments: z.array(CommentView) });
