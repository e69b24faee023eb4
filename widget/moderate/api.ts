// Typed client for the moderator API. Every response is parsed with the shared schemas and every
// failure is an ApiError value; a host-issued token is asked for again once when it expires.
import * as z from 'zod/mini';
import { apiPaths } from '../../shared/api-paths';
import { ErrorBody } from '../../shared/schemas/common';
import {
  ApiKeyRotated,
  AuditPage,
  BulkCommentActionResponse,
  BulkOperationList,
  BulkOperationResponse,
  CivilityModelResponse,
  CommentActionResponse,
  ModerationSettingsResponse,
  ModeratorConversation,
  ModeratorSession,
  QueueCounts,
  QueueNewerResponse,
  QueueResponse,
  SiteEditResponse,
  StatsResponse,
  ThreadActionResponse,
  ThreadReviewResponse,
  ThreadsResponse,
  TryCommentResponse,
  UndoResponse,
  UserActionResponse,
  UserHistory,
  type AuditQuery,
  type BULK_FILTER_ACTIONS,
  type QueueFilter,
  type QueueName,
  type QueueSort,
  type REJECT_REASONS,
  type THREAD_ACTIONS,
  type USER_ACTIONS,
} from '../../shared/schemas/moderation-api';
import type { ModerationSettingsSave } from '../../shared/schemas/moderation-settings';
import {
  DeliveriesResponse,
  DeliveryResponse,
  TestEventSent,
  WebhookDeleted,
  WebhookListResponse,
  WebhookResponse,
  type CreateWebhookBody,
  type DELIVERY_STATUSES,
  type UpdateWebhookBody,
} from '../../shared/schemas/webhooks';
import type { SiteBody } from './model/site-form';
import type { GetToken } from '../config';
import { fail, ok, type Result } from '../api/result';

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;
export type RejectReason = (typeof REJECT_REASONS)[number];
export type CommentActionName = 'approve' | 'reject' | 'feature' | 'unfeature' | 'delete';
export type UserActionName = (typeof USER_ACTIONS)[number];
export type ThreadActionName = (typeof THREAD_ACTIONS)[number];
export type FilterActionName = (typeof BULK_FILTER_ACTIONS)[number];

/** How the dashboard proves it may moderate: the site API key, a pasted SSO token, or the host page's token function. */
export type Credentials = { kind: 'key'; key: string } | { kind: 'token'; token: string } | { kind: 'host'; getToken: GetToken };

export interface ModerationClientOptions {
  api: string;
  site: string;
  credentials: Credentials;
  fetch?: Fetch;
}

export interface QueueRequest {
  queue: QueueName;
  threadId?: string;
  rule?: string;
  q?: string;
  members?: 'new';
  sort?: QueueSort;
  cursor?: string;
  limit?: number;
  /** Only these comments (comma-separated), where the queue under its filters holds them. */
  ids?: string;
}

/** The banner's question: how many came into the queue under these filters after `since` (the server's time). */
export type NewerRequest = Omit<QueueRequest, 'sort' | 'cursor' | 'limit' | 'ids'> & { since: number };

/** A page of webhook deliveries: newest first, `before` the previous page's `next`. */
export interface DeliveriesRequest {
  status?: (typeof DELIVERY_STATUSES)[number];
  endpointId?: string;
  before?: string;
  limit?: number;
}

/** The audit log's filters; the page size and cursor are the client's to set. */
export type AuditRequest = Partial<Omit<AuditQuery, 'limit'>> & { limit?: number };

type Query = Record<string, string | number | undefined>;

export function createModerationClient(options: ModerationClientOptions) {
  const base = options.api.replace(/\/+$/, '');
  const doFetch: Fetch = options.fetch ?? ((input, init) => fetch(input, init));
  const { site } = options;
  // Replaced once when the site owner rotates the key this dashboard signed in with.
  let credentials = options.credentials;
  let token: Promise<string | null> | null = null;
  const askHost = () =>
    credentials.kind === 'host' ? Promise.resolve(credentials.getToken()).then((t) => t || null, () => null) : Promise.resolve(null);

  async function headers(hasBody: boolean): Promise<Record<string, string>> {
    const h: Record<string, string> = hasBody ? { 'Content-Type': 'application/json' } : {};
    if (credentials.kind === 'key') h['X-Api-Key'] = credentials.key;
    const bearer = credentials.kind === 'token' ? credentials.token : credentials.kind === 'host' ? await (token ??= askHost()) : null;
    if (bearer) h.Authorization = `Bearer ${bearer}`;
    return h;
  }

  // Keys of the writes not yet settled, by action (method, path and body), as the reader widget keeps
  // them: a moderator who presses a again after "could not be reached" retries the same write, and
  // the server answers it once. A key is dropped when its action succeeds.
  const keys = new Map<string, string>();

  async function call<S extends z.ZodMiniType>(schema: S, method: string, path: string, query?: Query, body?: unknown): Promise<Result<z.infer<S>>> {
    const text = body === undefined ? undefined : JSON.stringify(body);
    const action = `${method} ${path} ${text ?? ''}`;
    const write = method !== 'GET';
    if (write && !keys.has(action)) keys.set(action, crypto.randomUUID());
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== '') qs.set(k, String(v));
    const q = qs.toString();
    const url = base + path + (q ? `?${q}` : '');
    for (let attempt = 0; ; attempt++) {
      let res: Response;
      let json: unknown;
      try {
        const h = await headers(text !== undefined);
        if (write) h['Idempotency-Key'] = keys.get(action)!;
        res = await doFetch(url, { method, headers: h, body: text });
        json = await res.json().catch(() => null);
      } catch {
        return fail('unavailable', 'The network request failed');
      }
      if (res.ok) {
        keys.delete(action);
        const parsed = schema.safeParse(json);
        return parsed.success ? ok(parsed.data) : fail('bad_response', 'The server answered in an unexpected shape');
      }
      const err = ErrorBody.safeParse(json);
      const error = err.success ? err.data.error : { code: res.status >= 500 ? 'unavailable' : 'bad_request', message: `HTTP ${res.status}` };
      if (attempt === 0 && credentials.kind === 'host' && res.status === 401) {
        token = askHost();
        continue;
      }
      return fail(error.code, error.message, error.fields);
    }
  }

  const m = apiPaths.moderation;
  // The first queue page, asked for alongside the session check (see prefetchQueue): taken once
  // by the queue read that asks for exactly it.
  let early: { key: string; answer: ReturnType<typeof readQueue> } | null = null;
  const queueKey = (q: QueueRequest) => JSON.stringify(Object.entries(q).filter(([, v]) => v !== undefined).sort());
  const readQueue = (q: QueueRequest) => call(QueueResponse, 'GET', m.queue(site), { ...q });
  return {
    session: () => call(ModeratorSession, 'GET', m.session(site)),
    counts: () => call(QueueCounts, 'GET', m.counts(site)),
    /** Starts the first page's read now, so the dashboard need not wait for the session check before asking. */
    prefetchQueue(q: QueueRequest) {
      early = { key: queueKey(q), answer: readQueue(q) };
    },
    queue(q: QueueRequest) {
      const waiting = early;
      early = null;
      return waiting?.key === queueKey(q) ? waiting.answer : readQueue(q);
    },
    /** How many comments arrived under the list's filters since it was read, and every queue's count. */
    newer: (q: NewerRequest) => call(QueueNewerResponse, 'GET', m.queueNewer(site), { ...q }),
    /** A queue item's whole conversation, in every state ("show thread"). */
    conversation: (id: string) => call(ModeratorConversation, 'GET', m.conversation(site, id)),
    act: (id: string, action: CommentActionName, reason?: RejectReason) =>
      call(CommentActionResponse, 'POST', m.comment(site, id), undefined, reason ? { action, reason } : { action }),
    bulk: (ids: string[], action: CommentActionName, reason?: RejectReason) =>
      call(BulkCommentActionResponse, 'POST', m.bulk(site), undefined, reason ? { ids, action, reason } : { ids, action }),
    /** Starts an operation on every comment the queue holds under these filters; its first batch runs at once. */
    startBulk: (filter: QueueFilter, action: FilterActionName, reason?: RejectReason) =>
      call(BulkOperationResponse, 'POST', m.bulkOperations(site), undefined, reason ? { filter, action, reason } : { filter, action }),
    /** Carries out the operation's next batch. */
    runBulk: (id: string) => call(BulkOperationResponse, 'POST', m.bulkRun(site, id)),
    /** Starts (or carries on) the undo of a finished operation: itself an operation. */
    undoBulk: (id: string) => call(BulkOperationResponse, 'POST', m.bulkUndo(site, id)),
    bulkOperations: (status?: 'running' | 'done') => call(BulkOperationList, 'GET', m.bulkOperations(site), { status }),
    user: (userId: string) => call(UserHistory, 'GET', m.user(site, userId)),
    actOnUser: (userId: string, action: UserActionName, { until, note }: { until?: number; note?: string } = {}) =>
      call(UserActionResponse, 'POST', m.user(site, userId), undefined, { action, ...(until === undefined ? {} : { until }), ...(note ? { note } : {}) }),
    threads: (cursor?: string) => call(ThreadsResponse, 'GET', m.threads(site), cursor ? { cursor } : undefined),
    /** A thread's comments in every state, newest first. */
    threadReview: (threadId: string, cursor?: string) => call(ThreadReviewResponse, 'GET', m.thread(site, threadId), cursor ? { cursor } : undefined),
    actOnThread: (threadId: string, action: ThreadActionName) => call(ThreadActionResponse, 'POST', m.thread(site, threadId), undefined, { action }),
    /** Undoes exactly one action, by the id its answer carried. */
    undo: (actionId: string) => call(UndoResponse, 'POST', m.undo(site, actionId)),
    audit: (q: AuditRequest = {}) => call(AuditPage, 'GET', m.audit(site), { ...q }),
    settings: () => call(ModerationSettingsResponse, 'GET', m.settings(site)),
    saveSettings: (settings: ModerationSettingsSave) => call(ModerationSettingsResponse, 'PUT', m.settings(site), undefined, { settings }),
    tryComment: (body: string, settings?: ModerationSettingsSave, asNewMember = false) =>
      call(TryCommentResponse, 'POST', m.tryComment(site), undefined, { body, settings, asNewMember }),
    stats: () => call(StatsResponse, 'GET', m.stats(site)),
    civilityModel: () => call(CivilityModelResponse, 'GET', m.model(site)),
    siteSettings: () => call(SiteEditResponse, 'GET', m.site(site)),
    saveSiteSettings: (body: SiteBody) => call(SiteEditResponse, 'PUT', m.site(site), undefined, body),
    rotateApiKey: () => call(ApiKeyRotated, 'POST', m.siteApiKey(site)),
    webhooks: () => call(WebhookListResponse, 'GET', m.webhooks(site)),
    /** The answer carries the endpoint's signing secret, this once. */
    createWebhook: (body: CreateWebhookBody) => call(WebhookResponse, 'POST', m.webhooks(site), undefined, body),
    /** `rotateSecret: true` answers with the new secret, this once. */
    updateWebhook: (id: string, body: UpdateWebhookBody) => call(WebhookResponse, 'PATCH', m.webhook(site, id), undefined, body),
    deleteWebhook: (id: string) => call(WebhookDeleted, 'DELETE', m.webhook(site, id)),
    testWebhook: (id: string) => call(TestEventSent, 'POST', m.webhookTest(site, id)),
    deliveries: (q: DeliveriesRequest = {}) => call(DeliveriesResponse, 'GET', m.deliveries(site), { ...q }),
    retryDelivery: (id: string) => call(DeliveryResponse, 'POST', m.deliveryRetry(site, id)),
    /** Goes on with a new site API key, after this dashboard rotated the one it signed in with. */
    useKey(key: string) {
      if (credentials.kind === 'key') credentials = { kind: 'key', key };
    },
  };
}

export type ModerationClient = ReturnType<typeof createModerationClient>;
