// A page of a review queue, newest first, with every queue's count for the navigation.
import type { QueueQuery, QueueResponse } from '../../../shared/schemas/moderation-api';
import type { SiteRecord } from '../../store/port';
import type { ServiceDeps } from '../deps';
import { AppError } from '../errors';
import { queueItemViews } from './queue-context';
import { packCursor, unpackCursor } from '../cursor-codec';

function decode(cursor: string | undefined): { createdAt: number; id: string } | null {
  if (!cursor) return null;
  const [createdAt, id] = unpackCursor(cursor) ?? [];
  if (typeof createdAt === 'number' && typeof id === 'string') return { createdAt, id };
  throw new AppError('invalid_input', 'The cursor is not valid', { cursor: 'is not a valid cursor' });
}

export async function listQueue(deps: ServiceDeps, site: SiteRecord, query: QueueQuery): Promise<QueueResponse> {
  const reportThreshold = site.settings.moderation.reports.toQueue;
  const [items, counts] = await Promise.all([
    deps.store.listQueue({
      siteId: site.id,
      queue: query.queue,
      reportThreshold,
      threadId: query.threadId,
      ruleId: query.rule,
      before: decode(query.cursor),
      limit: query.limit + 1,
    }),
    deps.store.queueCounts(site.id, reportThreshold, query.threadId),
  ]);
  const page = items.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: await queueItemViews(deps, site, page),
    nextCursor: items.length > query.limit && last ? packCursor([last.comment.createdAt, last.comment.id]) : null,
    counts,
  };
}
