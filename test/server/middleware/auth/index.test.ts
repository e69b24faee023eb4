// A token the site refuses (expired, unverifiable, another site's): reading a thread answers the
// guest view saying what became of the token, for that reader alone; everything else answers 401.
import { SignJWT } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiPaths } from '../../../../shared/api-paths';
import { CommentPage } from '../../../../shared/schemas/comment';
import { SiteSettings } from '../../../../shared/schemas/site';
import { ThreadView } from '../../../../shared/schemas/thread';
import { ARTICLE_URL, createTestContext, PERSONAS, type TestContext } from '../../../support/app';
import { openThread, postComment, refusal, setCommentStatus, threadPath, withoutFloodLimit } from '../../../support/api';
import { TEST_SECRET } from '../../../support/site';

let t: TestContext;
beforeEach(async () => {
  // Every request here comes from one address (on workerd, the worker's own loopback): the refused
  // tokens among them must not use up its failed-token budget.
  const site = withoutFloodLimit();
  t = await createTestContext({ site: { ...site, settings: SiteSettings.parse({ ...site.settings, rateLimits: { addressTokenFailuresPerMinute: 10_000 } }) } });
});
afterEach(() => t.close());

/** A token of each kind the site refuses: the session the thread view reports for it, and the code writes answer. */
async function refusedTokens(): Promise<[kind: string, token: string, session: string, code: string][]> {
  const unsupported = await new SignJWT({ name: 'Alice', tier: 'member' }).setProtectedHeader({ alg: 'HS384' }).setSubject('u-alice').setAudience(t.site.id).setExpirationTime('1h').sign(new TextEncoder().encode(TEST_SECRET + TEST_SECRET));
  return [
    ['expired', await t.sign(PERSONAS.alice, { expiresInSeconds: -60 }), 'expired', 'token_expired'],
    ['badly signed', await t.sign(PERSONAS.alice, { secret: 'x'.repeat(40) }), 'invalid', 'token_invalid'],
    ['not a JWT', 'not-a-token', 'invalid', 'token_invalid'],
    ['signed with an algorithm the site does not accept', unsupported, 'invalid', 'token_algorithm_not_allowed'],
    ['made for another site', await t.sign(PERSONAS.alice, { audience: 'rival' }), 'wrong_site', 'token_wrong_audience'],
  ];
}

describe('reading a thread with a refused token', () => {
  it('answers 200 with the guest view, the session it lapsed for, and no invitation to subscribe', async () => {
    for (const [kind, token, session] of await refusedTokens()) {
      const res = await t.call('GET', threadPath(t.site.id, { url: ARTICLE_URL }), { token });
      expect(res.status, kind).toBe(200);
      const view = await res.json();
      expect(ThreadView.safeParse(view).success, kind).toBe(true);
      expect(view.viewer, kind).toEqual({ signedIn: false, userId: null, name: null, role: null, canComment: false, reason: 'not_signed_in', callToAction: null, session });
    }
  });

  it('is private to that reader and never stored', async () => {
    const res = await t.call('GET', threadPath(t.site.id, { url: ARTICLE_URL }), { token: await t.sign(PERSONAS.alice, { expiresInSeconds: -60 }) });
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('private, no-store');
    expect(res.headers.get('ETag')).toBeNull();
    expect(res.headers.get('Vary')).toMatch(/Authorization/);
  });

  it('answers the next pages as a guest sees them: the member’s own pending comment is not among them', async () => {
    const alice = await t.sign(PERSONAS.alice);
    const threadId = (await openThread(t, { token: alice })).thread.id;
    const published = await postComment(t, threadId, await t.sign(PERSONAS.bob), 'Published for everyone');
    const pending = await postComment(t, threadId, alice, 'Still waiting for a moderator');
    await setCommentStatus(t, pending.id, 'pending');
    const path = apiPaths.comments(t.site.id, threadId);
    expect((await (await t.call('GET', path, { token: alice })).json()).comments.map((c: { id: string }) => c.id)).toEqual([pending.id, published.id]);

    t.clock.now += 2 * 3600 * 1000; // alice's token has expired
    const res = await t.call('GET', path, { token: alice });
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('private, no-store');
    const page = await res.json();
    expect(CommentPage.safeParse(page).success).toBe(true);
    expect(page.comments.map((c: { id: string; mine: boolean }) => [c.id, c.mine])).toEqual([[published.id, false]]);
    // It says why, so the widget asks the member to sign in again rather than showing a guest's page.
    expect(page.session).toBe('expired');
    // A guest's page, which may be stored and shared, says nothing of any token.
    expect((await (await t.call('GET', path)).json()).session).toBeUndefined();
  });

  it('shows a member with a valid token as signed in, session valid', async () => {
    const view = await openThread(t, { token: await t.sign(PERSONAS.alice) });
    expect(view.viewer).toMatchObject({ signedIn: true, canComment: true, session: 'valid' });
    expect((await openThread(t)).viewer.session).toBe('none');
  });
});

describe('anything but a thread read with a refused token', () => {
  it('answers 401 with the token’s code: posts, edits, deletes, likes, reports and permalinks', async () => {
    const alice = await t.sign(PERSONAS.alice);
    const threadId = (await openThread(t, { token: alice })).thread.id;
    const comment = await postComment(t, threadId, alice, 'Written while signed in');
    for (const [kind, token, , code] of await refusedTokens()) {
      const requests: [string, string, unknown?][] = [
        ['POST', apiPaths.comments(t.site.id, threadId), { body: 'A reply' }],
        ['PATCH', apiPaths.comment(t.site.id, comment.id), { body: 'Edited' }],
        ['DELETE', apiPaths.comment(t.site.id, comment.id)],
        ['PUT', apiPaths.like(t.site.id, comment.id)],
        ['DELETE', apiPaths.like(t.site.id, comment.id)],
        ['POST', apiPaths.report(t.site.id, comment.id), { reason: 'spam' }],
        ['GET', apiPaths.conversation(t.site.id, comment.id)],
      ];
      for (const [method, path, body] of requests) {
        expect(await refusal(await t.call(method, path, { token, body })), `${kind}: ${method} ${path}`).toEqual({ status: 401, code });
      }
    }
    // None of them changed anything.
    expect((await openThread(t)).comments.map((c) => [c.html, c.likes, c.deleted])).toEqual([['<p>Written while signed in</p>', 0, false]]);
  });
});
