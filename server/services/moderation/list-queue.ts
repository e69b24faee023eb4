// A page of a review queue, newest first, with every queue's count for the navigation.
import type { QueueFilter, QueueQuery, QueueResponse } from '../../../shared/schemas/moderation-api';
import type { SiteRecord } from '../../store/port';
import type { QueueMatch } from '../../store/moderation-port';
import type { ServiceDeps } from '../deps';
import { AppError } from '../errors';
import { queueItemViews } from './queue-context';
import { packCursor, unpackCursor } from '../cursor-codec';

/** The position a page's cursor carries: the last item's time and id. */
export function decodeCursor(cursor: string | undefined): { createdAt: number; id: string } | null {
  if (!cursor) return null;
  const [createdAt, id] = unpackCursor(cursor) ?? [];
  if (typeof createdAt === 'number' && typeof id === 'string') return { createdAt, id };
  throw new AppError('invalid_input', 'The cursor is not valid', { cursor: 'is not a valid cursor' });
}

export async function listQueue(deps: ServiceDeps, site: SiteRecord, query: QueueQuery): Promise<QueueResponse> {
  const match = queueMatch(site, query);
  const [items, counts, ruleMatches] = await Promise.all([
    deps.store.listQueue({ ...match, before: decodeCursor(query.cursor), limit: query.limit + 1 }),
    deps.store.queueCounts(site.id, match.reportThreshold, query.threadId),
    // The counts already narrow by thread; a rule or author filter needs a count of its own.
    query.rule || query.authorId ? deps.store.countMatching(match) : null,
  ]);
  const page = items.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: await queueItemViews(deps, site, page),
    nextCursor: items.length > query.limit && last ? packCursor([last.comment.createdAt, last.comment.id]) : null,
    counts,
    matching: ruleMatches ?? counts[query.queue],
  };
}

/** The store's view of a queue's filters on this site. */
export function queueMatch(site: SiteRecord, filter: QueueFilter): QueueMatch {
  return {
    siteId: site.id,
    queue: filter.queue,
    reportThreshold: site.settings.moderation.reports.toQueue,
    threadId: filter.threadId,
    ruleId: filter.rule,
    authorId: filter.authorId,
  };
}
