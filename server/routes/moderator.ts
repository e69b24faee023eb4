// The moderator API: queues, actions, history, audit, rules and statistics for one site.
// Everything is scoped by the site in the path; ids from another site are simply not found.
import { Hono, type Context } from 'hono';
import * as z from 'zod/mini';
import type { AppEnv } from '../env';
import type { ServiceDeps } from '../services/deps';
import { Id } from '../../shared/schemas/common';
import {
  BulkCommentActionBody,
  CommentActionBody,
  QueueQuery,
  ThreadActionBody,
  TryCommentBody,
  UserActionBody,
} from '../../shared/schemas/moderation-api';
import { ModerationSettings } from '../../shared/schemas/moderation-settings';
import { requireModerator } from '../middleware/moderator';
import { AppError } from '../services/errors';
import { listQueue } from '../services/moderation/list-queue';
import { actOnComment } from '../services/moderation/act-on-comment';
import { actOnUser } from '../services/moderation/act-on-user';
import { actOnThread } from '../services/moderation/act-on-thread';
import { userHistory } from '../services/moderation/user-history';
import { undoLast } from '../services/moderation/undo-last';
import { toAuditEntry } from '../services/moderation/audit-view';
import { tryComment } from '../services/moderation/try-comment';
import { moderationStats } from '../services/moderation/stats';
import { saveModerationSettings } from '../services/moderation/settings';
import { threadInfo } from '../services/threads/get-thread-view';
import { validate } from './validate';

const CommentParam = z.object({ siteId: z.string(), commentId: Id });
const UserParam = z.object({ siteId: z.string(), userId: Id });
const ThreadParam = z.object({ siteId: z.string(), threadId: Id });
const AuditQuery = z.object({ limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(200)), 50) });
const SettingsBody = z.strictObject({ settings: ModerationSettings });
const CountsQuery = z.object({ threadId: z.optional(Id) });

/** Tuning the rules is the site owner's call: admins or the API key, not every moderator. */
function mayEditRules(c: Context<AppEnv>): boolean {
  return c.get('moderator').via === 'api-key' || c.get('claims')?.role === 'admin';
}

export function moderatorRoutes(deps: ServiceDeps) {
  return new Hono<AppEnv>()
    .use(requireModerator(deps))
    .get('/session', (c) => {
      const m = c.get('moderator');
      return c.json({ siteId: c.get('site').id, siteName: c.get('site').name, name: m.name, via: m.via, canEditRules: mayEditRules(c) });
    })
    .get('/counts', validate('query', CountsQuery), async (c) => {
      const site = c.get('site');
      return c.json(await deps.store.queueCounts(site.id, site.settings.moderation.reports.toQueue, c.req.valid('query').threadId));
    })
    .get('/queue', validate('query', QueueQuery), async (c) => c.json(await listQueue(deps, c.get('site'), c.req.valid('query'))))
    .post('/comments/:commentId', validate('param', CommentParam), validate('json', CommentActionBody), async (c) => {
      const item = await actOnComment(deps, c.get('site'), c.get('moderator'), c.req.valid('param').commentId, c.req.valid('json'));
      return c.json({ item });
    })
    .post('/comments', validate('json', BulkCommentActionBody), async (c) => {
      const { ids, ...action } = c.req.valid('json');
      if (action.action === 'reject' && !action.reason) throw new AppError('invalid_input', 'Say why the comments are rejected', { reason: 'is required to reject' });
      const items = [];
      for (const id of ids) items.push(await actOnComment(deps, c.get('site'), c.get('moderator'), id, action));
      return c.json({ items });
    })
    .get('/users/:userId', validate('param', UserParam), async (c) => c.json(await userHistory(deps, c.get('site'), c.req.valid('param').userId)))
    .post('/users/:userId', validate('param', UserParam), validate('json', UserActionBody), async (c) => {
      return c.json(await actOnUser(deps, c.get('site'), c.get('moderator'), c.req.valid('param').userId, c.req.valid('json')));
    })
    .post('/threads/:threadId', validate('param', ThreadParam), validate('json', ThreadActionBody), async (c) => {
      const thread = await actOnThread(deps, c.get('site'), c.get('moderator'), c.req.valid('param').threadId, c.req.valid('json').action);
      return c.json({ thread: threadInfo(thread) });
    })
    .post('/undo', async (c) => c.json({ undone: await undoLast(deps, c.get('site'), c.get('moderator')) }))
    .get('/audit', validate('query', AuditQuery), async (c) => {
      const entries = await deps.store.listActions(c.get('site').id, { limit: c.req.valid('query').limit });
      return c.json({ entries: entries.map(toAuditEntry) });
    })
    .get('/settings', (c) => {
      const settings = c.get('site').settings.moderation;
      // The scorer's signing secret is the site owner's: moderators who cannot change the rules
      // see that one is set, not what it is.
      if (mayEditRules(c) || !settings.externalScorer.secret) return c.json({ settings });
      return c.json({ settings: { ...settings, externalScorer: { ...settings.externalScorer, secret: '********' } } });
    })
    .put('/settings', validate('json', SettingsBody), async (c) => {
      if (!mayEditRules(c)) throw new AppError('forbidden', 'Only admins and the site owner may change the rules');
      return c.json({ settings: await saveModerationSettings(deps, c.get('site'), c.req.valid('json').settings) });
    })
    .post('/try', validate('json', TryCommentBody), (c) => c.json(tryComment(deps, c.get('site'), c.req.valid('json'))))
    .get('/stats', async (c) => c.json(await moderationStats(deps, c.get('site'))));
}
