// A page of a review queue in the order asked for, with every queue's count for the navigation;
// and the banner's poll: how many comments came in under the same filters since the list loaded.
import type { QueueFilter, QueueNewerQuery, QueueNewerResponse, QueueQuery, QueueResponse, QueueSort } from '../../../shared/schemas/moderation-api';
import type { SiteRecord } from '../../store/port';
import type { QueueItem, QueueMatch, QueuePosition } from '../../store/moderation-port';
import type { ServiceDeps } from '../deps';
import { AppError } from '../errors';
import { queueItemViews } from './queue-context';
import { packCursor, unpackCursor } from '../cursor-codec';

const invalidCursor = () => new AppError('invalid_input', 'The cursor is not valid', { cursor: 'is not a valid cursor' });

/** The position a newest-first page's cursor carries: the last item's time and id. */
export function decodeCursor(cursor: string | undefined): { createdAt: number; id: string } | null {
  if (!cursor) return null;
  const [createdAt, id] = unpackCursor(cursor) ?? [];
  if (typeof createdAt === 'number' && typeof id === 'string') return { createdAt, id };
  throw invalidCursor();
}

/** A sort keyed by a column of its own carries that column's value ahead of the time and id. */
const keyOf = (sort: QueueSort, item: QueueItem): number | null =>
  sort === 'reports' ? item.comment.openReports : sort === 'score' ? (item.facts?.heldScore ?? 0) : null;

function encodePosition(sort: QueueSort, item: QueueItem): string {
  const key = keyOf(sort, item);
  return packCursor([...(key === null ? [] : [key]), item.comment.createdAt, item.comment.id]);
}

export function decodePosition(sort: QueueSort, cursor: string | undefined): QueuePosition | null {
  if (!cursor) return null;
  if (sort === 'newest' || sort === 'oldest') return decodeCursor(cursor);
  const [key, createdAt, id] = unpackCursor(cursor) ?? [];
  if (typeof key === 'number' && typeof createdAt === 'number' && typeof id === 'string') return { key, createdAt, id };
  throw invalidCursor();
}

/** Most words of a search that count; the rest are left out. */
const SEARCH_WORDS = 8;

/**
 * The moderator's words as an FTS5 query: every word must be there, each as the start of a word
 * (so "moder" finds "moderator"), accents ignored. Quoted one by one, no word can be taken for
 * FTS5's own syntax (AND, NEAR, column filters). Null when there is nothing to search for.
 */
export function searchQuery(text: string | undefined): string | null {
  const words = (text ?? '').normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length ? words.slice(0, SEARCH_WORDS).map((w) => `"${w}"*`).join(' ') : null;
}

export async function listQueue(deps: ServiceDeps, site: SiteRecord, query: QueueQuery): Promise<QueueResponse> {
  const match = queueMatch(site, query);
  const narrowed = query.rule || query.authorId || match.search || match.newMembersBelow !== undefined;
  const ids = query.ids?.split(',');
  // Taken before the reads: a comment arriving meanwhile is counted new rather than missed.
  const asOf = deps.now();
  const [items, counts, matching] = await Promise.all([
    deps.store.listQueue({ ...match, sort: query.sort, after: ids ? null : decodePosition(query.sort, query.cursor), ids, limit: ids ? ids.length : query.limit + 1 }),
    deps.store.queueCounts(site.id, match.reportThreshold, query.threadId),
    // The counts already narrow by thread; any other filter needs a count of its own.
    narrowed ? deps.store.countMatching(match) : null,
  ]);
  const page = ids ? items : items.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: await queueItemViews(deps, site, page),
    nextCursor: !ids && items.length > query.limit && last ? encodePosition(query.sort, last) : null,
    counts,
    matching: matching ?? counts[query.queue],
    asOf,
  };
}

export async function countNewer(deps: ServiceDeps, site: SiteRecord, query: QueueNewerQuery): Promise<QueueNewerResponse> {
  const match = queueMatch(site, query);
  const [newer, counts] = await Promise.all([deps.store.countNewer(match, query.since), deps.store.queueCounts(site.id, match.reportThreshold)]);
  return { newer, counts };
}

/** The store's view of a queue's filters on this site. */
export function queueMatch(site: SiteRecord, filter: QueueFilter): QueueMatch {
  const search = searchQuery(filter.q);
  return {
    siteId: site.id,
    queue: filter.queue,
    reportThreshold: site.settings.moderation.reports.toQueue,
    threadId: filter.threadId,
    ruleId: filter.rule,
    authorId: filter.authorId,
    ...(search ? { search } : {}),
    ...(filter.members === 'new' ? { newMembersBelow: site.settings.moderation.rules.newMember.approvedNeeded } : {}),
  };
}
