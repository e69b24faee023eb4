// Short verbs for API tests: open a thread, post, read error codes, poke the database.
import { expect } from 'vitest';
import { apiPaths } from '../../shared/api-paths';
import type { CommentView } from '../../shared/schemas/comment';
import type { ThreadView } from '../../shared/schemas/thread';
import { SiteSettings } from '../../shared/schemas/site';
import type { SiteRecord } from '../../server/store/port';
import { ARTICLE_URL, TEST_API_KEY, type Persona, type TestContext } from './app';

export function threadPath(siteId: string, params: Record<string, string | number>): string {
  const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
  return `${apiPaths.thread(siteId)}?${query}`;
}

/** GET the thread view for a page (creating the thread), expecting success. */
export async function openThread(
  t: TestContext,
  options: { url?: string; pageId?: string; title?: string; token?: string; siteId?: string; sort?: string; limit?: number } = {},
): Promise<ThreadView> {
  const { siteId = t.site.id, token, url = ARTICLE_URL, ...rest } = options;
  const params: Record<string, string | number> = { url };
  for (const [key, value] of Object.entries(rest)) if (value !== undefined) params[key] = value;
  const res = await t.call('GET', threadPath(siteId, params), { token });
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json();
}

/** POST a comment, expecting 201; returns the created comment. */
export async function postComment(t: TestContext, threadId: string, token: string, body: string, parentId?: string): Promise<CommentView> {
  const res = await t.call('POST', apiPaths.comments(t.site.id, threadId), { token, body: parentId ? { body, parentId } : { body } });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()).comment;
}

/** The status and error code of a refused request; fails when the body is not an API error. */
export async function refusal(res: Response): Promise<{ status: number; code: string; fields?: Record<string, string> }> {
  const body = await res.json();
  expect(typeof body?.error?.code, JSON.stringify(body)).toBe('string');
  expect(typeof body.error.message).toBe('string');
  return { status: res.status, code: body.error.code, ...(body.error.fields ? { fields: body.error.fields } : {}) };
}

export function upsertThread(t: TestContext, body: Record<string, unknown>, apiKey: string | null = TEST_API_KEY): Promise<Response> {
  return t.call('PUT', apiPaths.adminThreads(t.site.id), { body, headers: apiKey === null ? {} : { 'X-Api-Key': apiKey } });
}

export async function setUserFlags(t: TestContext, sub: string, flags: { banned?: boolean; suspendedUntil?: number | null }): Promise<void> {
  if (flags.banned !== undefined) {
    await t.client.execute({ sql: 'UPDATE users SET banned = ? WHERE external_id = ?', args: [flags.banned ? 1 : 0, sub] });
  }
  if (flags.suspendedUntil !== undefined) {
    await t.client.execute({ sql: 'UPDATE users SET suspended_until = ? WHERE external_id = ?', args: [flags.suspendedUntil, sub] });
  }
}

export async function setCommentStatus(t: TestContext, commentId: string, status: 'published' | 'pending' | 'rejected'): Promise<void> {
  // Bumps the thread's version as every store write does, so cached thread reads see the change.
  await t.client.batch(
    [
      { sql: 'UPDATE comments SET status = ? WHERE id = ?', args: [status, commentId] },
      { sql: 'UPDATE threads SET version = version + 1 WHERE id = (SELECT thread_id FROM comments WHERE id = ?)', args: [commentId] },
    ],
    'write',
  );
}

/** Site overrides for tests that post faster than any reader could: the flooding rule is off. */
export function withoutFloodLimit(): Partial<SiteRecord> {
  return { settings: SiteSettings.parse({ moderation: { rules: { flooding: { enabled: false } } } }) };
}

/**
 * Stores `count` comments by a member straight through the store, one second apart (newest last),
 * so queues of hundreds are quick to build on every backend. Returns their ids, oldest first.
 */
export async function seedComments(
  t: TestContext,
  options: { threadId: string; author: Persona; count: number; siteId?: string; status?: 'pending' | 'published' | 'rejected'; ruleId?: string; prefix?: string },
): Promise<string[]> {
  const { threadId, author, count, siteId = t.site.id, status = 'pending', ruleId = 'premoderation', prefix = 'Seeded comment' } = options;
  const user = await t.store.upsertUser({
    id: `user-${siteId}-${author.sub}`,
    siteId,
    externalId: author.sub,
    displayName: author.name,
    tier: author.tier ?? 'member',
    role: author.role ?? 'member',
    badges: [],
    avatarUrl: null,
    now: t.clock.now,
  });
  const start = t.clock.now;
  t.clock.now += count * 1000;
  const ids = Array.from({ length: count }, (_, i) => `${prefix.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${siteId}-${start + i}`);
  const reasons = status === 'published' ? [] : [{ ruleId, message: `Held by ${ruleId}`, spans: [] }];
  await Promise.all(
    ids.map((id, i) =>
      t.store.insertComment({
        comment: {
          id, siteId, threadId, parentId: null, rootId: id, depth: 0, authorId: user.id, bodySrc: `${prefix} ${i + 1}`, bodyHtml: `<p>${prefix} ${i + 1}</p>`,
          status, featured: false, likeCount: 0, createdAt: start + i * 1000, editedAt: null, deletedAt: null, reasons, openReports: 0,
          hiddenByReports: false, rejectReason: null,
        },
        ipHash: null,
      }),
    ),
  );
  return ids;
}
