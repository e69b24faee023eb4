import { SiteSettings } from '../../../shared/schemas/site';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiPaths } from '../../../shared/api-paths';
import type { CommentView } from '../../../shared/schemas/comment';
import { MAX_COMMENT_LENGTH } from '../../../shared/schemas/comment';
import { CommentResponse, LikeResponse } from '../../../shared/schemas/comment-writes';
import { ARTICLE_URL, createTestContext, NEWSLETTER_URL, PERSONAS, type TestContext } from '../../support/app';
import { openThread, postComment, refusal, setCommentStatus, setUserFlags, upsertThread } from '../../support/api';

let t: TestContext;
let alice: string;
let bob: string;
let threadId: string;

beforeEach(async () => {
  t = await createTestContext();
  alice = await t.sign(PERSONAS.alice);
  bob = await t.sign(PERSONAS.bob);
  threadId = (await openThread(t)).thread.id;
});
afterEach(() => t.close());

const commentCount = async () => (await openThread(t)).thread.commentCount;
const later = (ms = 1000) => {
  t.clock.now += ms;
};

describe('POST comments: who may write', () => {
  it('refuses a guest with 401 not_signed_in', async () => {
    const res = await t.call('POST', apiPaths.comments('daily', threadId), { body: { body: 'hi' } });
    expect(await refusal(res)).toMatchObject({ status: 401, code: 'not_signed_in' });
    expect(await commentCount()).toBe(0);
  });

  it('refuses a newsletter-tier member on a news article and allows them under /newsletter/', async () => {
    const nell = await t.sign(PERSONAS.nell);
    expect(await refusal(await t.call('POST', apiPaths.comments('daily', threadId), { token: nell, body: { body: 'hi' } }))).toMatchObject({
      status: 403,
      code: 'tier_not_allowed_here',
    });
    const newsletter = await openThread(t, { url: NEWSLETTER_URL });
    await postComment(t, newsletter.thread.id, nell, 'Loved this issue');
  });

  it('refuses members in a thread closed through the site API, but lets moderators post', async () => {
    expect((await upsertThread(t, { url: ARTICLE_URL, closed: true })).status).toBe(200);
    expect(await refusal(await t.call('POST', apiPaths.comments('daily', threadId), { token: alice, body: { body: 'hi' } }))).toMatchObject({
      status: 403,
      code: 'thread_closed',
    });
    const view = await openThread(t, { token: alice });
    expect(view.viewer).toMatchObject({ canComment: false, reason: 'thread_closed', callToAction: null });
    await postComment(t, threadId, await t.sign(PERSONAS.mod), 'Closing note from the desk');
  });

  it('refuses a banned member with 403 banned, even moderators', async () => {
    await postComment(t, threadId, alice, 'before the ban');
    await setUserFlags(t, PERSONAS.alice.sub, { banned: true });
    expect(await refusal(await t.call('POST', apiPaths.comments('daily', threadId), { token: alice, body: { body: 'again' } }))).toMatchObject({
      status: 403,
      code: 'banned',
    });
    expect((await openThread(t, { token: alice })).viewer.reason).toBe('banned');
    const mod = await t.sign(PERSONAS.mod);
    await postComment(t, threadId, mod, 'before the ban');
    await setUserFlags(t, PERSONAS.mod.sub, { banned: true });
    expect(await refusal(await t.call('POST', apiPaths.comments('daily', threadId), { token: mod, body: { body: 'again' } }))).toMatchObject({
      status: 403,
      code: 'banned',
    });
  });

  it('refuses a suspended member until the suspension ends', async () => {
    await postComment(t, threadId, alice, 'before the suspension');
    await setUserFlags(t, PERSONAS.alice.sub, { suspendedUntil: t.clock.now + 3_600_000 });
    expect(await refusal(await t.call('POST', apiPaths.comments('daily', threadId), { token: alice, body: { body: 'again' } }))).toMatchObject({
      status: 403,
      code: 'suspended',
    });
    later(3_600_001);
    await postComment(t, threadId, await t.sign(PERSONAS.alice), 'back again');
  });

  it('answers 404 thread_not_found for an unknown thread', async () => {
    expect(await refusal(await t.call('POST', apiPaths.comments('daily', 'nosuchthread'), { token: alice, body: { body: 'hi' } }))).toMatchObject({
      status: 404,
      code: 'thread_not_found',
    });
  });
});

describe('POST comments and replies', () => {
  it('stores a comment, renders its Markdown and counts it', async () => {
    const res = await t.call('POST', apiPaths.comments('daily', threadId), { token: alice, body: { body: '  **Bold** claim  ' } });
    expect(res.status).toBe(201);
    const { comment } = CommentResponse.parse(await res.json());
    expect(comment).toMatchObject({
      threadId,
      parentId: null,
      html: '<p><strong>Bold</strong> claim</p>',
      status: 'published',
      mine: true,
      likes: 0,
      deleted: false,
      author: { name: 'Alice', role: 'member' },
    });
    expect(comment.editableUntil).toBe(t.clock.now + t.site.settings.editWindowSeconds * 1000);
    expect(await commentCount()).toBe(1);
  });

  it('threads replies under their root, and the thread view lists nested replies flat', async () => {
    const root = await postComment(t, threadId, alice, 'root');
    later();
    const r1 = await postComment(t, threadId, bob, 'reply', root.id);
    later();
    const r2 = await postComment(t, threadId, alice, 'reply to reply', r1.id);
    expect(r1.parentId).toBe(root.id);
    expect(r2.parentId).toBe(r1.id);
    const depth = await t.client.execute({ sql: 'SELECT id, depth, root_id FROM comments ORDER BY created_at', args: [] });
    expect(depth.rows.map((r) => [r.id, Number(r.depth), r.root_id])).toEqual([
      [root.id, 0, root.id],
      [r1.id, 1, root.id],
      [r2.id, 2, root.id],
    ]);
    const view = await openThread(t);
    expect(view.comments.map((c) => [c.id, c.parentId])).toEqual([
      [root.id, null],
      [r1.id, root.id],
      [r2.id, r1.id],
    ]);
    expect(view.thread.commentCount).toBe(3);
  });

  it('refuses a reply to a comment in another thread', async () => {
    const elsewhere = (await openThread(t, { url: NEWSLETTER_URL })).thread.id;
    const parent = await postComment(t, elsewhere, alice, 'over there');
    const res = await t.call('POST', apiPaths.comments('daily', threadId), { token: bob, body: { body: 'hi', parentId: parent.id } });
    expect(await refusal(res)).toMatchObject({ status: 400, code: 'invalid_input', fields: { parentId: expect.any(String) } });
  });

  it('refuses a reply to a deleted comment', async () => {
    const parent = await postComment(t, threadId, alice, 'soon gone');
    expect((await t.call('DELETE', apiPaths.comment('daily', parent.id), { token: alice })).status).toBe(200);
    const res = await t.call('POST', apiPaths.comments('daily', threadId), { token: bob, body: { body: 'hi', parentId: parent.id } });
    expect(await refusal(res)).toMatchObject({ status: 400, code: 'invalid_input', fields: { parentId: expect.any(String) } });
  });

  it('refuses a reply to someone else’s pending comment as if it did not exist', async () => {
    const parent = await postComment(t, threadId, alice, 'held');
    await setCommentStatus(t, parent.id, 'pending');
    const res = await t.call('POST', apiPaths.comments('daily', threadId), { token: bob, body: { body: 'hi', parentId: parent.id } });
    expect(await refusal(res)).toMatchObject({ status: 404, code: 'comment_not_found' });
  });

  it('refuses a body longer than the site allows', async () => {
    const short = await createTestContext({ site: { settings: SiteSettings.parse({ moderation: { rules: { bodyLength: { max: 20 } } } }) } });
    try {
      const thread = (await openThread(short)).thread.id;
      const res = await short.call('POST', apiPaths.comments('daily', thread), { token: await short.sign(PERSONAS.alice), body: { body: 'x'.repeat(21) } });
      expect(await refusal(res)).toMatchObject({ status: 400, code: 'invalid_input', fields: { body: expect.any(String) } });
    } finally {
      short.close();
    }
  });
});

describe('PATCH comments', () => {
  it('lets the author edit within the window: editedAt set and html re-rendered', async () => {
    const comment = await postComment(t, threadId, alice, 'first *take*');
    later(60_000);
    const res = await t.call('PATCH', apiPaths.comment('daily', comment.id), { token: alice, body: { body: 'second **take**' } });
    expect(res.status).toBe(200);
    const edited = (await res.json()).comment;
    expect(edited).toMatchObject({ id: comment.id, html: '<p>second <strong>take</strong></p>', editedAt: t.clock.now });
    const view = await openThread(t);
    expect(view.comments[0]).toMatchObject({ html: '<p>second <strong>take</strong></p>', editedAt: t.clock.now });
  });

  it('refuses an edit after the window with edit_window_passed', async () => {
    const comment = await postComment(t, threadId, alice, 'first');
    later(t.site.settings.editWindowSeconds * 1000 + 1);
    const res = await t.call('PATCH', apiPaths.comment('daily', comment.id), { token: alice, body: { body: 'too late' } });
    expect(await refusal(res)).toMatchObject({ status: 403, code: 'edit_window_passed' });
    expect((await openThread(t)).comments[0].html).toBe('<p>first</p>');
  });

  it('refuses an edit of someone else’s comment with not_author, moderators included', async () => {
    const comment = await postComment(t, threadId, alice, 'mine');
    for (const token of [bob, await t.sign(PERSONAS.mod)]) {
      const res = await t.call('PATCH', apiPaths.comment('daily', comment.id), { token, body: { body: 'hijacked' } });
      expect(await refusal(res)).toMatchObject({ status: 403, code: 'not_author' });
    }
  });

  it('refuses a guest edit with 401 and an edit of a deleted comment with 404', async () => {
    const comment = await postComment(t, threadId, alice, 'mine');
    expect(await refusal(await t.call('PATCH', apiPaths.comment('daily', comment.id), { body: { body: 'x' } }))).toMatchObject({ status: 401, code: 'not_signed_in' });
    await t.call('DELETE', apiPaths.comment('daily', comment.id), { token: alice });
    expect(await refusal(await t.call('PATCH', apiPaths.comment('daily', comment.id), { token: alice, body: { body: 'x' } }))).toMatchObject({ status: 404, code: 'comment_not_found' });
  });
});

describe('DELETE comments', () => {
  it('turns the author’s comment into a tombstone that keeps its replies, and uncounts it', async () => {
    const root = await postComment(t, threadId, alice, 'regrettable');
    later();
    const reply = await postComment(t, threadId, bob, 'a reply', root.id);
    expect(await commentCount()).toBe(2);
    const res = await t.call('DELETE', apiPaths.comment('daily', root.id), { token: alice });
    expect(res.status).toBe(200);
    expect((await res.json()).comment).toMatchObject({ id: root.id, deleted: true, html: '', author: null });
    const view = await openThread(t);
    expect(view.thread.commentCount).toBe(1);
    expect(view.comments.map((c) => [c.id, c.deleted, c.html])).toEqual([
      [root.id, true, ''],
      [reply.id, false, '<p>a reply</p>'],
    ]);
    expect(JSON.stringify(view)).not.toContain('regrettable');
  });

  it('counts a comment deleted twice only once', async () => {
    const comment = await postComment(t, threadId, alice, 'once');
    await postComment(t, threadId, bob, 'stays');
    for (let i = 0; i < 2; i++) expect((await t.call('DELETE', apiPaths.comment('daily', comment.id), { token: alice })).status).toBe(200);
    expect(await commentCount()).toBe(1);
  });

  it('refuses to delete someone else’s comment, but a moderator may', async () => {
    const comment = await postComment(t, threadId, alice, 'contested');
    expect(await refusal(await t.call('DELETE', apiPaths.comment('daily', comment.id), { token: bob }))).toMatchObject({ status: 403, code: 'not_author' });
    expect(await refusal(await t.call('DELETE', apiPaths.comment('daily', comment.id)))).toMatchObject({ status: 401, code: 'not_signed_in' });
    const res = await t.call('DELETE', apiPaths.comment('daily', comment.id), { token: await t.sign(PERSONAS.mod) });
    expect(res.status).toBe(200);
    expect(await commentCount()).toBe(0);
  });
});

describe('PUT/DELETE like', () => {
  async function likes(commentId: string, viewer?: string): Promise<CommentView> {
    const view = await openThread(t, { token: viewer });
    return view.comments.find((c) => c.id === commentId)!;
  }

  it('counts a double like once and a double unlike once', async () => {
    const comment = await postComment(t, threadId, alice, 'likeable');
    for (let i = 0; i < 2; i++) {
      const res = await t.call('PUT', apiPaths.like('daily', comment.id), { token: bob });
      expect(LikeResponse.parse(await res.json())).toEqual({ likes: 1, likedByMe: true });
    }
    expect(await likes(comment.id, bob)).toMatchObject({ likes: 1, likedByMe: true });
    const carol = await t.sign({ sub: 'u-carol', name: 'Carol', tier: 'member' });
    expect(await (await t.call('PUT', apiPaths.like('daily', comment.id), { token: carol })).json()).toEqual({ likes: 2, likedByMe: true });
    for (let i = 0; i < 2; i++) {
      const res = await t.call('DELETE', apiPaths.like('daily', comment.id), { token: bob });
      expect(await res.json()).toEqual({ likes: 1, likedByMe: false });
    }
    expect(await likes(comment.id, bob)).toMatchObject({ likes: 1, likedByMe: false });
  });

  it('refuses a like of one’s own comment', async () => {
    const comment = await postComment(t, threadId, alice, 'self-regard');
    expect(await refusal(await t.call('PUT', apiPaths.like('daily', comment.id), { token: alice }))).toMatchObject({ status: 403, code: 'forbidden' });
    expect((await likes(comment.id)).likes).toBe(0);
  });

  it('refuses a guest like with 401', async () => {
    const comment = await postComment(t, threadId, alice, 'a fair point');
    expect(await refusal(await t.call('PUT', apiPaths.like('daily', comment.id)))).toMatchObject({ status: 401, code: 'not_signed_in' });
  });

  it('refuses a like of a deleted or unknown comment with 404', async () => {
    const comment = await postComment(t, threadId, alice, 'a fair point');
    await t.call('DELETE', apiPaths.comment('daily', comment.id), { token: alice });
    expect(await refusal(await t.call('PUT', apiPaths.like('daily', comment.id), { token: bob }))).toMatchObject({ status: 404, code: 'comment_not_found' });
    expect(await refusal(await t.call('PUT', apiPaths.like('daily', 'nosuchcomment'), { token: bob }))).toMatchObject({ status: 404, code: 'comment_not_found' });
  });
});

describe('POST preview', () => {
  const preview = (body: unknown, token?: string, headers?: Record<string, string>) => t.call('POST', apiPaths.preview('daily'), { token, body, headers });

  /** Rows in every table but the rate-limit windows, which a preview counts against like any write. */
  async function rowCounts() {
    const tables = await t.client.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND name != 'rate_limits'");
    const counts: Record<string, number> = {};
    for (const { name } of tables.rows) counts[String(name)] = Number((await t.client.execute(`SELECT COUNT(*) AS n FROM "${name}"`)).rows[0].n);
    return counts;
  }

  it('answers a member the HTML their draft would be stored as, from the same renderer', async () => {
    const draft = 'The budget *finally* adds [bus lanes](https://news.example/lanes).\n> quoted';
    const res = await preview({ body: draft }, alice);
    expect(res.status).toBe(200);
    const { html } = await res.json();
    expect(html).toBe('<p>The budget <em>finally</em> adds <a href="https://news.example/lanes" rel="nofollow ugc noopener" target="_blank">bus lanes</a>.</p>\n<blockquote>\n<p>quoted</p>\n</blockquote>');
    expect((await postComment(t, threadId, alice, draft)).html).toBe(html);
  });

  it('escapes raw HTML and drops unsafe links, as posting does', async () => {
    const { html } = await (await preview({ body: '<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>' }, alice)).json();
    expect(html).not.toMatch(/<script|<img|href="javascript/i);
    expect(html).toContain('&lt;script&gt;');
  });

  it('stores nothing: no comment, no member, no kept answer', async () => {
    const before = await rowCounts();
    const carol = await t.sign({ sub: 'u-carol', name: 'Carol', tier: 'member' });
    expect((await preview({ body: 'Just looking' }, carol, { 'Idempotency-Key': 'k1' })).status).toBe(200);
    // Not idempotency-keyed: the same key with another draft is simply another preview.
    const again = await preview({ body: 'Looking again' }, carol, { 'Idempotency-Key': 'k1' });
    expect(again.status).toBe(200);
    expect(again.headers.get('Idempotent-Replayed')).toBeNull();
    expect((await again.json()).html).toBe('<p>Looking again</p>');
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses a guest with 401 not_signed_in', async () => {
    expect(await refusal(await preview({ body: 'hi' }))).toMatchObject({ status: 401, code: 'not_signed_in' });
  });

  it('refuses an empty draft, one longer than a comment may be, and unknown fields with 400', async () => {
    expect(await refusal(await preview({ body: '   ' }, alice))).toMatchObject({ status: 400, code: 'invalid_input', fields: { body: expect.any(String) } });
    expect(await refusal(await preview({ body: 'x'.repeat(MAX_COMMENT_LENGTH + 1) }, alice))).toMatchObject({ status: 400, code: 'invalid_input' });
    expect((await preview({ body: 'x'.repeat(MAX_COMMENT_LENGTH) }, alice)).status).toBe(200);
    expect(await refusal(await preview({ body: 'hi', parentId: 'c1' }, alice))).toMatchObject({ status: 400, code: 'invalid_input' });
  });
});
