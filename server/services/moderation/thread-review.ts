// Threads as moderators see them: the site's threads newest first with what waits in each, and
// one thread's whole record (every comment, in every state) to close, reopen or pre-moderate it
// with its comments in view.
import type { ModeratedThread, ThreadReviewQuery, ThreadReviewResponse, ThreadsQuery } from '../../../shared/schemas/moderation-api';
import type { SiteRecord, ThreadRecord } from '../../store/port';
import type { ServiceDeps } from '../deps';
import { AppError } from '../errors';
import { packCursor } from '../cursor-codec';
import { threadInfo } from '../threads/get-thread-view';
import { isAutoClosed } from '../threads/closed-state';
import { decodeCursor } from './list-queue';
import { queueItemViews } from './queue-context';

const moderated = (deps: ServiceDeps, site: SiteRecord, t: ThreadRecord, counts: { pending: number; rejected: number }): ModeratedThread => ({
  ...threadInfo(t, site, deps.now()),
  autoClosed: !t.closed && isAutoClosed(site, t, deps.now()),
  premoderate: t.premoderate,
  createdAt: t.createdAt,
  ...counts,
});

/** The cursor of the page after this one, when the store found one row more than the page holds. */
function nextCursor<T>(rows: T[], limit: number, position: (last: T) => [number, string]): string | null {
  return rows.length > limit ? packCursor(position(rows[limit - 1])) : null;
}

export async function listThreads(deps: ServiceDeps, site: SiteRecord, query: ThreadsQuery) {
  const rows = await deps.store.listThreads(site.id, decodeCursor(query.cursor), query.limit + 1);
  return {
    threads: rows.slice(0, query.limit).map((t) => moderated(deps, site, t, { pending: t.pending, rejected: t.rejected })),
    nextCursor: nextCursor(rows, query.limit, (t) => [t.createdAt, t.id]),
  };
}

export async function threadReview(deps: ServiceDeps, site: SiteRecord, threadId: string, query: ThreadReviewQuery): Promise<ThreadReviewResponse> {
  const thread = await deps.store.getThread(site.id, threadId);
  if (!thread) throw new AppError('thread_not_found', 'No such thread on this site');
  const reportThreshold = site.settings.moderation.reports.toQueue;
  const [items, counts] = await Promise.all([
    deps.store.listQueue({ siteId: site.id, queue: 'all', reportThreshold, threadId, after: decodeCursor(query.cursor), limit: query.limit + 1 }),
    deps.store.queueCounts(site.id, reportThreshold, threadId),
  ]);
  return {
    thread: moderated(deps, site, thread, { pending: counts.pending, rejected: counts.rejected }),
    items: await queueItemViews(deps, site, items.slice(0, query.limit)),
    nextCursor: nextCursor(items, query.limit, (i) => [i.comment.createdAt, i.comment.id]),
  };
}
