// Loading helpers shared by the comment use cases: each refuses with the right 404.
import type { CommentWithAuthor, SiteRecord, ThreadRecord } from '../../store/port';
import type { ServiceDeps } from '../deps';
import { AppError } from '../errors';

export async function loadThread(deps: ServiceDeps, site: SiteRecord, threadId: string): Promise<ThreadRecord> {
  const thread = await deps.store.getThread(site.id, threadId);
  if (!thread) throw new AppError('thread_not_found', 'No such thread on this site');
  return thread;
}

/** A comment readers can see: published, on this site. Others' pending or rejected comments do not exist for them. */
export async function loadVisibleComment(deps: ServiceDeps, site: SiteRecord, commentId: string, viewerUserId: string | null): Promise<CommentWithAuthor> {
  const comment = await deps.store.getComment(site.id, commentId);
  if (!comment || (comment.status !== 'published' && comment.authorId !== viewerUserId)) {
    throw new AppError('comment_not_found', 'No such comment on this site');
  }
  return comment;
}
