// One page of a thread: top-level comments in the chosen order, all their published replies,
// and (on the first page) the editor's picks and the viewer's own comments awaiting review, flat.
import type { CommentView } from '../../../shared/schemas/comment';
import type { Sort } from '../../../shared/schemas/common';
import type { SiteRecord, ThreadRecord, UserRecord } from '../../store/port';
import type { ServiceDeps } from '../deps';
import { decodeCursor, encodeCursor } from './cursor';
import { toCommentView } from './to-view';
import type { SharedPageRows } from '../../cache/shared-pages';

export interface ListPageRequest {
  site: SiteRecord;
  thread: ThreadRecord;
  viewer: UserRecord | null;
  sort: Sort;
  cursor?: string;
  limit: number;
}

export async function listPage(deps: ServiceDeps, req: ListPageRequest): Promise<{ comments: CommentView[]; nextCursor: string | null }> {
  const after = decodeCursor(req.sort, req.cursor);
  const firstPage = !after;
  const [shared, pending] = await Promise.all([
    sharedRows(deps, req, after),
    req.viewer && firstPage ? deps.store.listPendingByAuthor(req.thread.id, req.viewer.id) : Promise.resolve([]),
  ]);
  const { roots: pageRoots, replies, featured, hasMore } = shared;
  const seen = new Set<string>();
  const all = [...featured, ...pending, ...pageRoots, ...replies].filter((c) => !seen.has(c.id) && seen.add(c.id));
  const likedIds = req.viewer ? await deps.store.likedBy(req.viewer.id, all.map((c) => c.id)) : new Set<string>();
  const ctx = { viewer: req.viewer, likedIds, editWindowMs: req.site.settings.editWindowSeconds * 1000, now: deps.now() };
  return {
    comments: all.map((c) => toCommentView(c, ctx)),
    nextCursor: hasMore ? encodeCursor(req.sort, pageRoots[pageRoots.length - 1]) : null,
  };
}

/** The rows every reader of this page sees, from the shared pages when this version was read before. */
async function sharedRows(deps: ServiceDeps, req: ListPageRequest, after: ReturnType<typeof decodeCursor>): Promise<SharedPageRows> {
  const key = [req.thread.id, req.thread.version, req.sort, req.cursor ?? '', req.limit].join('\n');
  const kept = deps.sharedPages?.get(key);
  if (kept) return kept;
  // One extra row tells whether another page exists without a COUNT.
  const roots = await deps.store.listTopLevel({ threadId: req.thread.id, sort: req.sort, after, limit: req.limit + 1 });
  const hasMore = roots.length > req.limit;
  const pageRoots = hasMore ? roots.slice(0, req.limit) : roots;
  const [replies, featured] = await Promise.all([
    deps.store.listReplies(req.thread.id, pageRoots.map((c) => c.id)),
    // Editor's picks lead the first page wherever they sit in the thread.
    !after ? deps.store.listFeatured(req.thread.id) : Promise.resolve([]),
  ]);
  const rows = { roots: pageRoots, replies, featured, hasMore };
  deps.sharedPages?.set(key, rows);
  return rows;
}
