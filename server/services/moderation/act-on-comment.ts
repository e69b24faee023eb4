// Approve, reject, feature or delete a comment: the change and its audit row in one write.
import type { CommentActionBody, QueueItemView } from '../../../shared/schemas/moderation-api';
import type { CommentRecord, SiteRecord } from '../../store/port';
import type { StateChange } from '../../store/moderation-port';
import type { ServiceDeps } from '../deps';
import type { Moderator } from './moderator';
import { AppError } from '../errors';
import { toQueueItemView } from './queue-view';
import { actionRecord } from './action-record';

type CommentState = { status: CommentRecord['status']; featured: boolean; deletedAt: number | null; rejectReason: string | null };

const visible = (s: CommentState) => (s.status === 'published' && s.deletedAt === null ? 1 : 0);

export function commentState(c: CommentRecord): CommentState {
  return { status: c.status, featured: c.featured, deletedAt: c.deletedAt, rejectReason: c.rejectReason };
}

function nextState(before: CommentState, body: CommentActionBody, now: number): CommentState {
  switch (body.action) {
    case 'approve':
      return { ...before, status: 'published', rejectReason: null };
    case 'reject':
      return { ...before, status: 'rejected', featured: false, rejectReason: body.reason ?? 'other' };
    case 'feature':
      if (before.status !== 'published' || before.deletedAt !== null) {
        throw new AppError('conflict', 'Only published comments can be featured');
      }
      return { ...before, featured: true };
    case 'unfeature':
      return { ...before, featured: false };
    case 'delete':
      return { ...before, featured: false, deletedAt: before.deletedAt ?? now };
  }
}

/** The write that moves a comment from one state to another, keeping the thread's count right. */
export function commentChange(c: CommentRecord, before: CommentState, after: CommentState, resolveReports: boolean): StateChange {
  return {
    kind: 'comment',
    commentId: c.id,
    threadId: c.threadId,
    set: { status: after.status, featured: after.featured, deletedAt: after.deletedAt, rejectReason: after.rejectReason },
    resolveReports,
    countDelta: visible(after) - visible(before),
  };
}

export async function actOnComment(
  deps: ServiceDeps,
  site: SiteRecord,
  moderator: Moderator,
  commentId: string,
  body: CommentActionBody,
): Promise<QueueItemView> {
  if (body.action === 'reject' && !body.reason) throw new AppError('invalid_input', 'Say why the comment is rejected', { reason: 'is required to reject' });
  const comment = await deps.store.getComment(site.id, commentId);
  if (!comment) throw new AppError('comment_not_found', 'No such comment on this site');
  const now = deps.now();
  const before = commentState(comment);
  const after = nextState(before, body, now);
  const reviewing = body.action === 'approve' || body.action === 'reject' || body.action === 'delete';
  await deps.store.applyAction(
    actionRecord(deps, site, moderator, { action: body.action, targetType: 'comment', targetId: comment.id, before, after, detail: body.reason }),
    commentChange(comment, before, after, reviewing),
  );
  const thread = await deps.store.getThread(site.id, comment.threadId);
  return toQueueItemView({
    comment: { ...comment, ...after, openReports: reviewing ? 0 : comment.openReports },
    thread: { id: comment.threadId, title: thread?.title ?? '', url: thread?.url ?? '', section: thread?.section ?? '' },
    reports: [],
  });
}
