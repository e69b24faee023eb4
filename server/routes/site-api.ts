// Server-to-server calls from the publisher, authenticated with the site API key.
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import type { ServiceDeps } from '../services/deps';
import { UpsertThreadBody } from '../../shared/schemas/thread';
import { siteApiKey } from '../middleware/site-api-key';
import { upsertThread } from '../services/threads/upsert-thread';
import { threadInfo } from '../services/threads/get-thread-view';
import { validate } from './validate';
import { MemberParam } from '../../shared/schemas/member-data';
import { eraseMember, memberDataFor } from '../services/members/member-data';
import { writeDeps, type WriteOnce } from './write-deps';

export function siteApiRoutes(deps: ServiceDeps, writeOnce: WriteOnce) {
  // Only the site's own key gets past siteApiKey: it is the sender.
  const once = writeOnce(() => 'api-key');
  return new Hono<AppEnv>()
    .use(siteApiKey())
    .put('/threads', validate('json', UpsertThreadBody), async (c) => once(c, async () => {
      const thread = await upsertThread(writeDeps(c, deps), c.get('site'), c.req.valid('json'));
      return c.json({ thread: threadInfo(thread, c.get('site'), deps.now()) });
    }))
    // Members' data rights, on the member's behalf: what is held about them, and erasing it.
    .get('/members/:sub/data', validate('param', MemberParam), async (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json(await memberDataFor(deps, c.get('site'), c.req.valid('param').sub));
    })
    .delete('/members/:sub', validate('param', MemberParam), async (c) => once(c, async () => c.json(await eraseMember(writeDeps(c, deps), c.get('site'), c.req.valid('param').sub))));
}
