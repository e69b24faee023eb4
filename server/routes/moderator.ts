// The moderator API: queues, actions, history, audit, rules and statistics for one site.
// Everything is scoped by the site in the path; ids from another site are simply not found.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../env';
import type { ServiceDeps } from '../services/deps';
import { ActionParam, CommentParam, OperationParam, ThreadParam, UserParam } from '../../shared/schemas/params';
import {
  ActivateModelBody,
  AuditQuery,
  BulkCommentActionBody,
  BulkOperationBody,
  BulkOperationsQuery,
  CommentActionBody,
  ModerationSettingsBody,
  QueueCountsQuery,
  QueueNewerQuery,
  QueueQuery,
  ThreadActionBody,
  ThreadReviewQuery,
  ThreadsQuery,
  TryCommentBody,
  UserActionBody,
} from '../../shared/schemas/moderation-api';
import { requireModerator } from '../middleware/moderator';
import { AppError } from '../services/errors';
import { countNewer, listQueue } from '../services/moderation/list-queue';
import { moderatorConversation } from '../services/moderation/conversation-view';
import { actOnComment } from '../services/moderation/act-on-comment';
import { actOnUser } from '../services/moderation/act-on-user';
import { actOnThread } from '../services/moderation/act-on-thread';
import { listThreads, threadReview } from '../services/moderation/thread-review';
import { userHistory } from '../services/moderation/user-history';
import { undoAction } from '../services/moderation/undo-action';
import { auditPage } from '../services/moderation/audit-view';
import { toActionSummary } from '../services/moderation/action-record';
import { tryComment } from '../services/moderation/try-comment';
import { moderationStats } from '../services/moderation/stats';
import { civilityModelInfo } from '../services/moderation/model-info';
import { activateCivilityModel } from '../services/moderation/activate-civility-model';
import { saveModerationSettings, shownSettings } from '../services/moderation/settings';
import { threadInfo } from '../services/threads/get-thread-view';
import { startBulkOperation } from '../services/moderation/start-bulk-operation';
import { continueBulkOperation } from '../services/moderation/run-bulk-operation';
import { undoBulkOperation } from '../services/moderation/undo-bulk-operation';
import { findOperation, toBulkView } from '../services/moderation/bulk-operation';
import { validate } from './validate';
import { webhookRoutes } from './webhooks';
import { siteSettingsRoutes } from './site-settings';
import { writeDeps, type WriteOnce } from './write-deps';

/** Tuning the rules is the site owner's call: admins or the API key, not every moderator. */
function mayEditRules(c: Context<AppEnv>): boolean {
  return c.get('moderator').via === 'api-key' || c.get('claims')?.role === 'admin';
}

export function moderatorRoutes(deps: ServiceDeps, writeOnce: WriteOnce) {
  // The moderator is known by now (requireModerator runs first): the site owner's key, or a member.
  const once = writeOnce((c) => c.get('moderator').actor);
  return new Hono<AppEnv>()
    .use(requireModerator(deps))
    .get('/session', (c) => {
      const m = c.get('moderator');
      // Whoever may tune the rules may also change the site itself (the Site tab).
      return c.json({ siteId: c.get('site').id, siteName: c.get('site').name, name: m.name, via: m.via, canEditRules: mayEditRules(c) });
    })
    .get('/counts', validate('query', QueueCountsQuery), async (c) => {
      const site = c.get('site');
      return c.json(await deps.store.queueCounts(site.id, site.settings.moderation.reports.toQueue, c.req.valid('query').threadId));
    })
    .get('/queue', validate('query', QueueQuery), async (c) => c.json(await listQueue(deps, c.get('site'), c.req.valid('query'))))
    .get('/queue/newer', validate('query', QueueNewerQuery), async (c) => c.json(await countNewer(deps, c.get('site'), c.req.valid('query'))))
    .get('/comments/:commentId/conversation', validate('param', CommentParam), async (c) => {
      return c.json(await moderatorConversation(deps, c.get('site'), c.req.valid('param').commentId));
    })
    .post('/comments/:commentId', validate('param', CommentParam), validate('json', CommentActionBody), async (c) => once(c, async () => {
      return c.json(await actOnComment(writeDeps(c, deps), c.get('site'), c.get('moderator'), c.req.valid('param').commentId, c.req.valid('json')));
    }))
    .post('/comments', validate('json', BulkCommentActionBody), async (c) => once(c, async () => {
      const { ids, ...action } = c.req.valid('json');
      if (action.action === 'reject' && !action.reason) throw new AppError('invalid_input', 'Say why the comments are rejected', { reason: 'is required to reject' });
      const items = [];
      const actions = [];
      for (const id of ids) {
        const done = await actOnComment(writeDeps(c, deps), c.get('site'), c.get('moderator'), id, action);
        items.push(done.item);
        actions.push(done.action);
      }
      return c.json({ items, actions });
    }))
    // Operations by filter: started here with their first batch; each run carries out one more.
    .get('/bulk', validate('query', BulkOperationsQuery), async (c) => {
      const ops = await deps.store.listBulkOperations(c.get('site').id, c.req.valid('query'));
      return c.json({ operations: await Promise.all(ops.map((op) => toBulkView(deps, c.get('site'), op, c.get('moderator')))) });
    })
    .post('/bulk', validate('json', BulkOperationBody), async (c) => once(c, async () => {
      const op = await startBulkOperation(writeDeps(c, deps), c.get('site'), c.get('moderator'), c.req.valid('json'));
      return c.json({ operation: await toBulkView(deps, c.get('site'), op, c.get('moderator')) }, 201);
    }))
    .get('/bulk/:operationId', validate('param', OperationParam), async (c) => {
      const op = await findOperation(deps, c.get('site'), c.req.valid('param').operationId);
      return c.json({ operation: await toBulkView(deps, c.get('site'), op, c.get('moderator')) });
    })
    .post('/bulk/:operationId/run', validate('param', OperationParam), async (c) => once(c, async () => {
      const op = await continueBulkOperation(writeDeps(c, deps), c.get('site'), c.get('moderator'), c.req.valid('param').operationId);
      return c.json({ operation: await toBulkView(deps, c.get('site'), op, c.get('moderator')) });
    }))
    .post('/bulk/:operationId/undo', validate('param', OperationParam), async (c) => once(c, async () => {
      const op = await undoBulkOperation(writeDeps(c, deps), c.get('site'), c.get('moderator'), c.req.valid('param').operationId);
      return c.json({ operation: await toBulkView(deps, c.get('site'), op, c.get('moderator')) });
    }))
    .get('/users/:userId', validate('param', UserParam), async (c) => c.json(await userHistory(deps, c.get('site'), c.req.valid('param').userId)))
    .post('/users/:userId', validate('param', UserParam), validate('json', UserActionBody), async (c) => once(c, async () => {
      return c.json(await actOnUser(writeDeps(c, deps), c.get('site'), c.get('moderator'), c.req.valid('param').userId, c.req.valid('json')));
    }))
    .get('/threads', validate('query', ThreadsQuery), async (c) => c.json(await listThreads(deps, c.get('site'), c.req.valid('query'))))
    .get('/threads/:threadId', validate('param', ThreadParam), validate('query', ThreadReviewQuery), async (c) =>
      c.json(await threadReview(deps, c.get('site'), c.req.valid('param').threadId, c.req.valid('query'))),
    )
    .post('/threads/:threadId', validate('param', ThreadParam), validate('json', ThreadActionBody), async (c) => once(c, async () => {
      const done = await actOnThread(writeDeps(c, deps), c.get('site'), c.get('moderator'), c.req.valid('param').threadId, c.req.valid('json').action);
      return c.json({ thread: threadInfo(done.thread, c.get('site'), deps.now()), action: toActionSummary(done.action) });
    }))
    .post('/actions/:actionId/undo', validate('param', ActionParam), async (c) => once(c, async () => {
      return c.json(await undoAction(writeDeps(c, deps), c.get('site'), c.get('moderator'), c.req.valid('param').actionId));
    }))
    .get('/audit', validate('query', AuditQuery), async (c) => c.json(await auditPage(deps, c.get('site'), c.req.valid('query'))))
    .get('/settings', (c) => {
      // The scorer's signing secret is write-only: everyone sees whether one is set, nobody what it is.
      return c.json({ settings: shownSettings(c.get('site').settings.moderation) });
    })
    .put('/settings', validate('json', ModerationSettingsBody), async (c) => once(c, async () => {
      if (!mayEditRules(c)) throw new AppError('forbidden', 'Only admins and the site owner may change the rules');
      return c.json({ settings: await saveModerationSettings(writeDeps(c, deps), c.get('site'), c.get('moderator'), c.req.valid('json').settings) });
    }))
    .post('/try', validate('json', TryCommentBody), async (c) => c.json(await tryComment(deps, c.get('site'), c.req.valid('json'))))
    .get('/stats', async (c) => c.json(await moderationStats(deps, c.get('site'))))
    .get('/model', async (c) => c.json(await civilityModelInfo(deps, c.get('site'))))
    .put('/model', validate('json', ActivateModelBody), async (c) => once(c, async () => {
      const action = await activateCivilityModel(writeDeps(c, deps), c.get('site'), c.get('moderator'), c.req.valid('json').id);
      return c.json({ ...(await civilityModelInfo(deps, { ...c.get('site'), civilityModelId: c.req.valid('json').id })), action: toActionSummary(action) });
    }))
    .route('/', webhookRoutes(deps, once))
    .route('/', siteSettingsRoutes(deps, once));
}
