// What a member's writes send and get back: kept apart from comment.ts, which every reader's first
// load parses the thread with, so the widget ships these only in the members' chunk.
import * as z from 'zod/mini';
import { Id } from './common';
import { CommentView, MAX_COMMENT_LENGTH } from './comment';
import { Reason } from './moderation-settings';

const Body = z.string().check(
  z.trim(),
  z.minLength(1, 'must not be empty'),
  z.maxLength(MAX_COMMENT_LENGTH, `must be at most ${MAX_COMMENT_LENGTH} characters`),
);

export const CreateCommentBody = z.strictObject({
  body: Body,
  parentId: z.optional(z.nullable(Id)),
  /** Sent after a nudge: the author posts the same text anyway, or a revised one. */
  afterNudge: z.optional(z.enum(['post_anyway', 'revised'])),
});
export type CreateCommentBody = z.infer<typeof CreateCommentBody>;

export const EditCommentBody = z.strictObject({ body: Body });
export type EditCommentBody = z.infer<typeof EditCommentBody>;

/** A draft to see as it would be stored; the preview stores nothing. */
export const PreviewBody = z.strictObject({ body: Body });
export type PreviewBody = z.infer<typeof PreviewBody>;
/** The draft's HTML, rendered as a stored comment's is (the widget sanitizes it again, as it does every body). */
export const PreviewResponse = z.object({ html: z.string() });

export const CommentResponse = z.object({ comment: CommentView });

/** Instead of posting: findings shown to the author, who may revise or post anyway (then held). */
export const NudgeResponse = z.object({ nudge: z.object({ message: z.string(), reasons: z.array(Reason) }) });
export type NudgeResponse = z.infer<typeof NudgeResponse>;
export const CreateCommentResponse = z.union([CommentResponse, NudgeResponse]);
export const LikeResponse = z.object({ likes: z.number(), likedByMe: z.boolean() });
