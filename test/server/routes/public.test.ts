import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiPaths } from '../../../shared/api-paths';
import type { CommentView } from '../../../shared/schemas/comment';
import { ThreadView } from '../../../shared/schemas/thread';
import { ARTICLE_URL, createTestContext, NEWSLETTER_URL, PERSONAS, TEST_ORIGIN, type TestContext } from '../../support/app';
import { openThread, postComment, refusal, setCommentStatus, threadPath, withoutFloodLimit } from '../../support/api';

let t: TestContext;
beforeEach(async () => {
  t = await createTestContext({ site: withoutFloodLimit() });
});
afterEach(() => t.close());

describe('GET thread view', () => {
  it('tells a guest they cannot comment because they are not signed in, with the guest invitation', async () => {
    const view = await openThread(t);
    expect(ThreadView.safeParse(view).success).toBe(true);
    expect(view.viewer).toMatchObject({ signedIn: false, canComment: false, reason: 'not_signed_in' });
    expect(view.viewer.callToAction).toEqual(t.site.callsToAction.guest);
    expect(view.thread).toMatchObject({ url: ARTICLE_URL, section: 'news', closed: false, commentCount: 0 });
  });

  it('shows a newsletter-tier member the upgrade invitation on a news article', async () => {
    const view = await openThread(t, { token: await t.sign(PERSONAS.nell) });
    expect(view.viewer).toMatchObject({ signedIn: true, canComment: false, reason: 'tier_not_allowed_here' });
    expect(view.viewer.callToAction).toEqual(t.site.callsToAction.upgrade);
  });

  it('gives a tier its own upgrade invitation when the site has one, and the general one to every other tier', async () => {
    const newsletterUpgrade = { text: 'Newsletter readers: upgrade to comment everywhere.', linkText: 'Upgrade', url: 'https://news.example/upgrade/newsletter' };
    const site = await createTestContext({
      site: {
        policy: { ...t.site.policy, tiers: { member: ['*'], newsletter: ['newsletter'], print: ['letters'] } },
        callsToAction: { ...t.site.callsToAction, upgradeByTier: { newsletter: newsletterUpgrade } },
      },
    });
    try {
      const invitation = async (tier: string) => (await openThread(site, { token: await site.sign({ sub: `u-${tier}`, name: 'Reader', tier }) })).viewer;
      expect(await invitation('newsletter')).toMatchObject({ reason: 'tier_not_allowed_here', callToAction: newsletterUpgrade });
      for (const tier of ['print', 'constructor', '__proto__', '']) {
        expect(await invitation(tier), tier).toMatchObject({ reason: 'tier_not_allowed_here', callToAction: site.site.callsToAction.upgrade });
      }
      // Where the tier may comment, no invitation at all.
      const inSection = await openThread(site, { url: NEWSLETTER_URL, token: await site.sign(PERSONAS.nell) });
      expect(inSection.viewer).toMatchObject({ canComment: true, callToAction: null });
    } finally {
      site.close();
    }
  });

  it('says where to sign in again: the site’s signInUrl, else the guest invitation’s second link, else nowhere', async () => {
    const secondary = { prompt: 'Already a member?', linkText: 'Sign in', url: 'https://news.example/login' };
    const cases: [string, Partial<typeof t.site>, string | null][] = [
      ['neither', {}, null],
      ['a second link only', { callsToAction: { ...t.site.callsToAction, guest: { ...t.site.callsToAction.guest, secondary } } }, 'https://news.example/login'],
      ['signInUrl only', { settings: { ...t.site.settings, signInUrl: '/account/sign-in' } }, '/account/sign-in'],
      [
        'both',
        { settings: { ...t.site.settings, signInUrl: '/account/sign-in' }, callsToAction: { ...t.site.callsToAction, guest: { ...t.site.callsToAction.guest, secondary } } },
        '/account/sign-in',
      ],
    ];
    for (const [what, overrides, signInUrl] of cases) {
      await t.store.saveSite({ ...t.site, ...overrides }, t.clock.now);
      const view = await openThread(t);
      expect(view.site.signInUrl, what).toBe(signInUrl);
      // A member whose session expired is told the same.
      const lapsed = await t.call('GET', threadPath(t.site.id, { url: ARTICLE_URL }), { token: await t.sign(PERSONAS.alice, { expiresInSeconds: -60 }) });
      expect((await lapsed.json()).site.signInUrl, what).toBe(signInUrl);
    }
  });

  it('lets a newsletter-tier member comment on an article under /newsletter/', async () => {
    const view = await openThread(t, { url: NEWSLETTER_URL, token: await t.sign(PERSONAS.nell) });
    expect(view.thread.section).toBe('newsletter');
    expect(view.viewer).toMatchObject({ canComment: true, reason: null, callToAction: null });
  });

  it('keeps the section a thread was created with when the page is later asked for with other parameters', async () => {
    const first = await openThread(t, { pageId: 'article-42', url: ARTICLE_URL });
    const nell = await t.sign(PERSONAS.nell);
    const again = await openThread(t, { pageId: 'article-42', url: `${NEWSLETTER_URL}?x=1`, token: nell });
    expect(again.thread.id).toBe(first.thread.id);
    expect(again.thread.section).toBe('news');
    expect(again.viewer.reason).toBe('tier_not_allowed_here');
    const res = await t.call('POST', apiPaths.comments('daily', first.thread.id), { token: nell, body: { body: 'Sneaking in' } });
    expect(await refusal(res)).toMatchObject({ status: 403, code: 'tier_not_allowed_here' });
  });

  it('finds one thread for a URL whatever its trailing slash, query or fragment', async () => {
    const a = await openThread(t, { url: ARTICLE_URL });
    const b = await openThread(t, { url: `${ARTICLE_URL}/?utm_source=x#comments` });
    expect(b.thread.id).toBe(a.thread.id);
  });

  it('keys a thread by pageId, so the same page id under a new URL is the same thread', async () => {
    const a = await openThread(t, { pageId: 'cms-1001', url: ARTICLE_URL });
    const b = await openThread(t, { pageId: 'cms-1001', url: `${TEST_ORIGIN}/2026/01/16/city-budget-renamed` });
    const c = await openThread(t, { url: ARTICLE_URL });
    expect(b.thread.id).toBe(a.thread.id);
    expect(c.thread.id).not.toBe(a.thread.id);
  });

  it('refuses to create a thread for a page outside the site’s allowed origins', async () => {
    for (const url of ['https://evil.example/2026/01/15/city-budget', 'http://news.example/2026/x', 'https://news.example.evil.test/a']) {
      const res = await t.call('GET', threadPath('daily', { url }));
      expect(await refusal(res), url).toMatchObject({ status: 403, code: 'origin_not_allowed' });
    }
  });

  it('refuses to create threads from the browser when the site registers them through its API', async () => {
    const strict = await createTestContext({ site: { settings: { ...t.site.settings, threadCreation: 'api' } } });
    try {
      expect(await refusal(await strict.call('GET', threadPath('daily', { url: ARTICLE_URL })))).toMatchObject({ status: 404, code: 'thread_not_found' });
    } finally {
      strict.close();
    }
  });
});

describe('GET thread comments: keyset pages', () => {
  async function seed(count: number, options: { sameTime?: boolean } = {}) {
    const view = await openThread(t);
    const tokens = [await t.sign(PERSONAS.alice), await t.sign(PERSONAS.bob)];
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      if (!options.sameTime || i % 3 === 0) t.clock.now += 1000; // groups of three share a timestamp
      ids.push((await postComment(t, view.thread.id, tokens[i % 2], `comment ${i}`)).id);
    }
    return { threadId: view.thread.id, ids, tokens };
  }

  async function readAll(threadId: string, sort: string, limit: number) {
    const pages: CommentView[][] = [];
    let cursor: string | null = null;
    do {
      const query = new URLSearchParams({ sort, limit: String(limit), ...(cursor ? { cursor } : {}) });
      const res = await t.call('GET', `${apiPaths.comments('daily', threadId)}?${query}`);
      expect(res.status).toBe(200);
      const page = await res.json();
      pages.push(page.comments);
      cursor = page.nextCursor;
    } while (cursor && pages.length < 20);
    return pages;
  }

  for (const sameTime of [false, true]) {
    it(`splits 45 comments into disjoint, complete pages of 20/20/5 in newest and oldest order${sameTime ? ', with ties in time' : ''}`, async () => {
      const { threadId, ids } = await seed(45, { sameTime });
      for (const sort of ['newest', 'oldest']) {
        const pages = await readAll(threadId, sort, 20);
        expect(pages.map((p) => p.length)).toEqual([20, 20, 5]);
        const seen = pages.flat();
        expect(new Set(seen.map((c) => c.id)).size).toBe(45);
        const ordered = [...seen].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
        expect(seen.map((c) => c.id)).toEqual(sort === 'oldest' ? ordered.map((c) => c.id) : ordered.reverse().map((c) => c.id));
        expect(new Set(seen.map((c) => c.id))).toEqual(new Set(ids));
      }
    });
  }

  it('pages by likes in top order, most liked first, without losing or repeating comments', async () => {
    const { threadId, ids } = await seed(45, { sameTime: true });
    const likers = await Promise.all(['a', 'b', 'c'].map((n) => t.sign({ sub: `liker-${n}`, name: `Liker ${n}`, tier: 'member' })));
    for (const [i, id] of ids.entries()) {
      for (const token of likers.slice(0, i % 4)) expect((await t.call('PUT', apiPaths.like('daily', id), { token })).status).toBe(200);
    }
    const pages = await readAll(threadId, 'top', 20);
    expect(pages.map((p) => p.length)).toEqual([20, 20, 5]);
    const seen = pages.flat();
    expect(new Set(seen.map((c) => c.id))).toEqual(new Set(ids));
    for (let i = 1; i < seen.length; i++) {
      const [a, b] = [seen[i - 1], seen[i]];
      const inOrder = a.likes > b.likes || (a.likes === b.likes && (a.createdAt > b.createdAt || (a.createdAt === b.createdAt && a.id > b.id)));
      expect(inOrder, `${i}: ${JSON.stringify([a.likes, a.createdAt, a.id, b.likes, b.createdAt, b.id])}`).toBe(true);
    }
    expect(seen[0].likes).toBe(3);
  });

  it('refuses a cursor made for another sort', async () => {
    const { threadId } = await seed(3);
    const first = await (await t.call('GET', `${apiPaths.comments('daily', threadId)}?sort=newest&limit=1`)).json();
    expect(first.nextCursor).toEqual(expect.any(String));
    for (const sort of ['oldest', 'top']) {
      const res = await t.call('GET', `${apiPaths.comments('daily', threadId)}?sort=${sort}&cursor=${first.nextCursor}`);
      expect(await refusal(res)).toMatchObject({ status: 400, code: 'invalid_input', fields: { cursor: expect.any(String) } });
    }
  });

  it('refuses cursors that are not cursors', async () => {
    const { threadId } = await seed(1);
    const junk = ['!!!', 'bm90IGpzb24', btoa(JSON.stringify(['newest', 'x', 1])), btoa('{"a":1}'), 'x'.repeat(301)];
    for (const cursor of junk) {
      const res = await t.call('GET', `${apiPaths.comments('daily', threadId)}?cursor=${encodeURIComponent(cursor)}`);
      expect((await refusal(res)).status, cursor).toBe(400);
    }
  });

  it('accepts limits from 1 to 50 and refuses others', async () => {
    const { threadId } = await seed(2);
    for (const limit of ['1', '50']) expect((await t.call('GET', `${apiPaths.comments('daily', threadId)}?limit=${limit}`)).status).toBe(200);
    for (const limit of ['0', '51', '-1', '2.5', 'ten', '']) {
      const res = await t.call('GET', `${apiPaths.comments('daily', threadId)}?limit=${limit}`);
      expect(await refusal(res), limit).toMatchObject({ status: 400, code: 'invalid_input', fields: { limit: expect.any(String) } });
    }
    const res = await t.call('GET', threadPath('daily', { url: ARTICLE_URL, limit: 500 }));
    expect(await refusal(res)).toMatchObject({ status: 400, code: 'invalid_input' });
  });

  it('refuses an unknown sort', async () => {
    const { threadId } = await seed(1);
    const res = await t.call('GET', `${apiPaths.comments('daily', threadId)}?sort=random`);
    expect(await refusal(res)).toMatchObject({ status: 400, code: 'invalid_input', fields: { sort: expect.any(String) } });
  });

  it('answers 404 thread_not_found for a thread that does not exist', async () => {
    expect(await refusal(await t.call('GET', apiPaths.comments('daily', 'nosuchthread')))).toMatchObject({ status: 404, code: 'thread_not_found' });
  });
});

describe('GET comment conversation (permalinks)', () => {
  it('returns the top-level comment and all its replies for a deep reply', async () => {
    const view = await openThread(t);
    const alice = await t.sign(PERSONAS.alice);
    const bob = await t.sign(PERSONAS.bob);
    const post = (token: string, body: string, parentId?: string) => {
      t.clock.now += 1000;
      return postComment(t, view.thread.id, token, body, parentId);
    };
    const root = await post(alice, 'root');
    const other = await post(bob, 'another root');
    const r1 = await post(bob, 'reply 1', root.id);
    const r2 = await post(alice, 'reply 2', r1.id);
    const r3 = await post(bob, 'reply 3', r2.id);
    await post(alice, 'reply elsewhere', other.id);

    const res = await t.call('GET', apiPaths.conversation('daily', r3.id));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.rootId).toBe(root.id);
    expect(body.comments.map((c: CommentView) => c.id)).toEqual([root.id, r1.id, r2.id, r3.id]);
  });

  it('answers 404 for someone else’s pending comment but shows authors their own', async () => {
    const view = await openThread(t);
    const alice = await t.sign(PERSONAS.alice);
    const comment = await postComment(t, view.thread.id, alice, 'awaiting review');
    await setCommentStatus(t, comment.id, 'pending');
    for (const token of [undefined, await t.sign(PERSONAS.bob)]) {
      expect(await refusal(await t.call('GET', apiPaths.conversation('daily', comment.id), { token }))).toMatchObject({ status: 404, code: 'comment_not_found' });
    }
    const own = await t.call('GET', apiPaths.conversation('daily', comment.id), { token: alice });
    expect(own.status).toBe(200);
    expect((await own.json()).comments).toEqual([expect.objectContaining({ id: comment.id, status: 'pending', mine: true })]);
  });

  it('does not reveal a rejected top-level comment through a permalink to one of its replies', async () => {
    const view = await openThread(t);
    const root = await postComment(t, view.thread.id, await t.sign(PERSONAS.alice), 'later rejected');
    const reply = await postComment(t, view.thread.id, await t.sign(PERSONAS.bob), 'a reply', root.id);
    await setCommentStatus(t, root.id, 'rejected');
    const body = await (await t.call('GET', apiPaths.conversation('daily', reply.id))).json();
    expect(body.comments.map((c: CommentView) => c.id)).toEqual([reply.id]);
    expect(JSON.stringify(body)).not.toContain('later rejected');
  });

  it('answers 404 for an unknown comment and 400 for a malformed id', async () => {
    expect(await refusal(await t.call('GET', apiPaths.conversation('daily', 'nosuchcomment')))).toMatchObject({ status: 404, code: 'comment_not_found' });
    expect(await refusal(await t.call('GET', apiPaths.conversation('daily', 'bad id!')))).toMatchObject({ status: 400, code: 'invalid_input' });
  });
});

describe('GET counts', () => {
  it('counts published comments per page, keyed by the exact values asked for', async () => {
    const alice = await t.sign(PERSONAS.alice);
    const a = await openThread(t, { url: ARTICLE_URL });
    const b = await openThread(t, { url: NEWSLETTER_URL });
    const p = await openThread(t, { pageId: 'cms-77', url: `${TEST_ORIGIN}/anything` });
    await postComment(t, a.thread.id, alice, 'one');
    await postComment(t, a.thread.id, alice, 'two');
    await postComment(t, b.thread.id, alice, 'three');
    await postComment(t, p.thread.id, alice, 'four');

    const askedA = `${ARTICLE_URL}/?ref=home#comments`;
    const unknown = `${TEST_ORIGIN}/never-opened`;
    const query = new URLSearchParams([['url', askedA], ['url', NEWSLETTER_URL], ['url', unknown], ['pageId', 'cms-77']]);
    const res = await t.call('GET', `${apiPaths.counts('daily')}?${query}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toContain('max-age');
    expect((await res.json()).counts).toEqual({ [askedA]: 2, [NEWSLETTER_URL]: 1, [unknown]: 0, 'cms-77': 1 });
  });

  it('answers every spelling of the same page when several are asked for at once', async () => {
    const a = await openThread(t, { url: ARTICLE_URL });
    await postComment(t, a.thread.id, await t.sign(PERSONAS.alice), 'one');
    const spellings = [ARTICLE_URL, `${ARTICLE_URL}/`, `${ARTICLE_URL}#comments`];
    const query = new URLSearchParams(spellings.map((url) => ['url', url]));
    const counts = (await (await t.call('GET', `${apiPaths.counts('daily')}?${query}`)).json()).counts;
    expect(counts).toEqual(Object.fromEntries(spellings.map((url) => [url, 1])));
  });

  it('accepts a single url and refuses none or more than 100', async () => {
    expect((await t.call('GET', `${apiPaths.counts('daily')}?url=${encodeURIComponent(ARTICLE_URL)}`)).status).toBe(200);
    expect(await refusal(await t.call('GET', apiPaths.counts('daily')))).toMatchObject({ status: 400, code: 'invalid_input' });
    const many = new URLSearchParams(Array.from({ length: 101 }, (_, i) => ['pageId', `p${i}`]));
    expect(await refusal(await t.call('GET', `${apiPaths.counts('daily')}?${many}`))).toMatchObject({ status: 400, code: 'invalid_input' });
  });
});
