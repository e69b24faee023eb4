// Reading: open to guests and members alike. Pending and rejected comments never leave here
// except to their own author.
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import type { ServiceDeps } from '../services/deps';
import { PageQuery } from '../../shared/schemas/comment';
import { CountsQuery, ThreadQuery } from '../../shared/schemas/thread';
import { CommentParam, ThreadParam } from '../../shared/schemas/params';
import { getThreadView } from '../services/threads/get-thread-view';
import { loadThread } from '../services/comments/load';
import { listPage } from '../services/comments/list-page';
import { getConversation } from '../services/comments/get-conversation';
import { countComments } from '../services/threads/count-comments';
import { findViewerUser } from '../services/identity/viewer-user';
import { validate } from './validate';
import { openThread } from '../services/threads/open-thread';
import { pageKeyFor } from '../services/threads/page-key';
import { isClosed } from '../services/threads/closed-state';
import { GUEST_CACHE_CONTROL, threadReads } from '../cache/thread-reads';
import type { Compressor } from '../cache/encodings';
import { readerSession } from '../middleware/auth';
import { allowedOriginsOnly } from '../middleware/site/cors';
import type { ResponseCache } from '../cache/response-cache';

export interface ThreadReadRoutesOptions {
  /** Where guest thread reads are kept between writes. */
  cache: ResponseCache;
  /** See ThreadReadsOptions.guestRevalidateMs. */
  guestRevalidateMs?: number;
  /** See ThreadReadsOptions.recentMaxBytes. */
  recentMaxBytes?: number;
  /** See ThreadReadsOptions.compressor. */
  compressor?: Compressor;
}

/**
 * The thread view and its pages. Mounted before refuseRefusedTokens: a member whose token was
 * refused reads as a guest, and the view says what became of the token (viewer.session).
 */
export function threadReadRoutes(deps: ServiceDeps, options: ThreadReadRoutesOptions) {
  const cachedRead = threadReads({ cache: options.cache, now: deps.now, guestRevalidateMs: options.guestRevalidateMs, recentMaxBytes: options.recentMaxBytes, compressor: options.compressor });
  return new Hono<AppEnv>()
    .get('/thread', allowedOriginsOnly(), validate('query', ThreadQuery), async (c) => {
      const site = c.get('site');
      const query = c.req.valid('query');
      const reader = { claims: c.get('claims'), session: readerSession(c) };
      return cachedRead(c, {
        key: [pageKeyFor(query.url, query.pageId), query.sort, String(query.limit)],
        locate: () => openThread(deps, { site, url: query.url, pageId: query.pageId, title: query.title, clientAddress: c.get('clientAddress') }),
        build: (thread) => getThreadView(deps, site, reader, query, thread),
        timeState: (thread) => (isClosed(site, thread, deps.now()) ? 'closed' : 'open'),
      });
    })
    .get('/threads/:threadId/comments', validate('param', ThreadParam), validate('query', PageQuery), async (c) => {
      const site = c.get('site');
      const query = c.req.valid('query');
      const { threadId } = c.req.valid('param');
      return cachedRead(c, {
        key: [threadId, query.sort, String(query.limit), query.cursor ?? ''],
        locate: () => loadThread(deps, site, threadId),
        build: async (thread) => {
          const page = await listPage(deps, { site, thread, viewer: await findViewerUser(deps, site, c.get('claims')), ...query });
          // A refused token reads a guest's page, told why, as the thread view does (never cached, see thread-reads.ts).
          return c.get('refusedToken') ? { ...page, session: readerSession(c) } : page;
        },
      });
    });
}

/** The other reads: a refused token answers 401 here, as on writes. */
export function publicRoutes(deps: ServiceDeps) {
  return new Hono<AppEnv>()
    .get('/comments/:commentId/conversation', validate('param', CommentParam), async (c) => {
      // As fresh as a guest's thread read, on the answer only: an error (a 404, a 503) is never cached.
      // A member's answer is made private by the app.
      const conversation = await getConversation(deps, c.get('site'), c.req.valid('param').commentId, c.get('claims'));
      return c.json(conversation, 200, { 'Cache-Control': GUEST_CACHE_CONTROL });
    })
    .get('/counts', validate('query', CountsQuery), async (c) => {
      c.header('Cache-Control', 'public, max-age=60');
      return c.json({ counts: await countComments(deps, c.get('site'), c.req.valid('query')) });
    });
}
