// Approve, reject, feature or delete a comment: the move is checked against the comment's state
// machine, and the change and its audit row go in one guarded write.
import type { ActionSummary, CommentActionBody, QueueItemView } from '../../../shared/schemas/moderation-api';
import type { CommentRecord, CommentWithAuthor, SiteRecord } from '../../store/port';
import type { CommentChange } from '../../store/moderation-port';
import type { ServiceDeps } from '../deps';
import type { Moderator } from './moderator';
import { afterModerator, isVisible, stateOf, storedState } from '../../moderation/comment-states';
import { AppError } from '../errors';
import { toQueueItemView } from './queue-view';
import { actionRecord, commentSummary, toActionSummary } from './action-record';
import { assertMayActOn } from './moderator';

/** What an action changes of a comment, and what undo restores. */
export type CommentState = Pick<CommentRecord, 'status' | 'hiddenByReports' | 'featured' | 'deletedAt' | 'rejectReason'>;

export function commentState(c: CommentRecord): CommentState {
  return { status: c.status, hiddenByReports: c.hiddenByReports, featured: c.featured, deletedAt: c.deletedAt, rejectReason: c.rejectReason };
}

/** Where a moderator's action takes a comment; refused (an AppError) where the state machine says no. */
export function nextState(before: CommentState, body: CommentActionBody, now: number): CommentState {
  const move = afterModerator(stateOf(before), body.action);
  if ('refused' in move) throw new AppError(move.refused, move.message);
  if (move.to === 'deleted') return { ...before, featured: false, deletedAt: before.deletedAt ?? now };
  const stored = storedState(move.to);
  switch (body.action) {
    case 'approve':
      return { ...before, ...stored, rejectReason: null };
    case 'reject':
      return { ...before, ...stored, featured: false, rejectReason: body.reason ?? 'other' };
    case 'feature':
      return { ...before, featured: true };
    default:
      return { ...before, featured: false };
  }
}

/** The guarded write that moves a comment from one state to another, keeping the thread's count right. */
export function commentChange(c: CommentRecord, before: CommentState, after: CommentState, resolveReports: boolean): CommentChange {
  return {
    kind: 'comment',
    commentId: c.id,
    threadId: c.threadId,
    set: { ...after },
    expect: { status: before.status, hiddenByReports: before.hiddenByReports, featured: before.featured, deleted: before.deletedAt !== null },
    resolveReports,
    countDelta: Number(isVisible(stateOf(after))) - Number(isVisible(stateOf(before))),
  };
}

export async function actOnComment(
  deps: ServiceDeps,
  site: SiteRecord,
  moderator: Moderator,
  commentId: string,
  body: CommentActionBody,
): Promise<{ item: QueueItemView; action: ActionSummary }> {
  if (body.action === 'reject' && !body.reason) throw new AppError('invalid_input', 'Say why the comment is rejected', { reason: 'is required to reject' });
  const comment = await deps.store.getComment(site.id, commentId);
  if (!comment) throw new AppError('comment_not_found', 'No such comment on this site');
  // Featuring is an editor's choice, not a judgement of the author: any comment may be picked.
  if (body.action !== 'feature' && body.action !== 'unfeature') assertMayActOn(moderator, { userId: comment.authorId, role: comment.author.role });
  const now = deps.now();
  const before = commentState(comment);
  const after = nextState(before, body, now);
  const reviewing = body.action === 'approve' || body.action === 'reject' || body.action === 'delete';
  const record = actionRecord(
    deps,
    site,
    moderator,
    { action: body.action, targetType: 'comment', targetId: comment.id, before, after, detail: body.reason, summary: commentSummary(body.action, comment.bodySrc) },
    now,
  );
  const written = await deps.store.applyAction(record, commentChange(comment, before, after, reviewing));
  if (!written) throw new AppError('conflict', 'The comment changed meanwhile; reload it and decide again');
  return { item: await itemView(deps, site, { ...comment, ...after, openReports: reviewing ? 0 : comment.openReports }), action: toActionSummary(record) };
}

async function itemView(deps: ServiceDeps, site: SiteRecord, comment: CommentWithAuthor): Promise<QueueItemView> {
  const thread = await deps.store.getThread(site.id, comment.threadId);
  return toQueueItemView({
    comment,
    thread: { id: comment.threadId, title: thread?.title ?? '', url: thread?.url ?? '', section: thread?.section ?? '' },
    reports: [],
  });
}
