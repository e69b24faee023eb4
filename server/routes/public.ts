// Reading: open to guests and members alike. Pending and rejected comments never leave here
// except to their own author.
import { Hono } from 'hono';
import * as z from 'zod/mini';
import type { AppEnv } from '../env';
import type { ServiceDeps } from '../services/deps';
import { PageQuery } from '../../shared/schemas/comment';
import { CountsQuery, ThreadQuery } from '../../shared/schemas/thread';
import { Id } from '../../shared/schemas/common';
import { getThreadView } from '../services/threads/get-thread-view';
import { loadThread } from '../services/comments/load';
import { listPage } from '../services/comments/list-page';
import { getConversation } from '../services/comments/get-conversation';
import { countComments } from '../services/threads/count-comments';
import { findViewerUser } from '../services/identity/viewer-user';
import { validate } from './validate';

const ThreadParam = z.object({ siteId: z.string(), threadId: Id });
const CommentParam = z.object({ siteId: z.string(), commentId: Id });

export function publicRoutes(deps: ServiceDeps) {
  return new Hono<AppEnv>()
    .get('/thread', validate('query', ThreadQuery), async (c) => {
      const view = await getThreadView(deps, c.get('site'), c.get('claims'), c.req.valid('query'));
      return c.json(view);
    })
    .get('/threads/:threadId/comments', validate('param', ThreadParam), validate('query', PageQuery), async (c) => {
      const site = c.get('site');
      const query = c.req.valid('query');
      const [thread, viewer] = await Promise.all([
        loadThread(deps, site, c.req.valid('param').threadId),
        findViewerUser(deps, site, c.get('claims')),
      ]);
      return c.json(await listPage(deps, { site, thread, viewer, ...query }));
    })
    .get('/comments/:commentId/conversation', validate('param', CommentParam), async (c) => {
      return c.json(await getConversation(deps, c.get('site'), c.req.valid('param').commentId, c.get('claims')));
    })
    .get('/counts', validate('query', CountsQuery), async (c) => {
      c.header('Cache-Control', 'public, max-age=60');
      return c.json({ counts: await countComments(deps, c.get('site'), c.req.valid('query')) });
    });
}
