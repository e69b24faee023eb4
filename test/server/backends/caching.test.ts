// Thread reads and HTTP caching, on every backend: ETags that change with every write, 304 on a
// match, short public caching for guests, private for signed-in readers, who see their own new
// comment at once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiPaths } from '../../../shared/api-paths';
import { createApp } from '../../../server/app';
import { memoryResponseCache } from '../../../server/cache/response-cache';
import type { Store } from '../../../server/store/port';
import { ARTICLE_URL, BACKEND, createTestContext, PERSONAS, type TestContext } from '../../support/app';
import { openThread, postComment, threadPath, withoutFloodLimit } from '../../support/api';

let t: TestContext;
beforeEach(async () => {
  t = await createTestContext({ site: withoutFloodLimit(), deps: { responseCache: memoryResponseCache() } });
});
afterEach(() => t.close());

const threadUrl = () => threadPath('daily', { url: ARTICLE_URL });

describe('GET thread as a guest', () => {
  it('is public for a few seconds, varies by Authorization, and carries an ETag', async () => {
    const res = await t.call('GET', threadUrl());
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=5, stale-while-revalidate=30');
    expect(res.headers.get('Vary')).toMatch(/Authorization/);
    expect(res.headers.get('ETag')).toMatch(/^"[0-9a-f]{32}"$/);
  });

  it('answers 304 to a matching If-None-Match, and 200 again once a comment changes the thread', async () => {
    const first = await t.call('GET', threadUrl());
    const etag = first.headers.get('ETag')!;
    const again = await t.call('GET', threadUrl(), { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get('ETag')).toBe(etag);
    expect(await again.text()).toBe('');

    const view = await first.json();
    await postComment(t, view.thread.id, await t.sign(PERSONAS.alice), 'A new point of view');
    const after = await t.call('GET', threadUrl(), { headers: { 'If-None-Match': etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get('ETag')).not.toBe(etag);
    expect((await after.json()).comments.map((c: { html: string }) => c.html)).toEqual(['<p>A new point of view</p>']);
  });

  it('gives each query its own ETag', async () => {
    const newest = await t.call('GET', threadPath('daily', { url: ARTICLE_URL, sort: 'newest' }));
    const oldest = await t.call('GET', threadPath('daily', { url: ARTICLE_URL, sort: 'oldest' }));
    expect(newest.headers.get('ETag')).not.toBe(oldest.headers.get('ETag'));
  });

  it('serves the same body from the cache as from the database', async () => {
    const view = await openThread(t);
    await postComment(t, view.thread.id, await t.sign(PERSONAS.alice), 'Cached or not, the same');
    const fresh = await (await t.call('GET', threadUrl())).text();
    const cached = await (await t.call('GET', threadUrl())).text();
    expect(cached).toBe(fresh);
  });
});

describe('GET thread as a signed-in reader', () => {
  it('is private and revalidated every time, with an ETag of its own', async () => {
    const alice = await t.sign(PERSONAS.alice);
    const guest = await t.call('GET', threadUrl());
    const signedIn = await t.call('GET', threadUrl(), { token: alice });
    expect(signedIn.headers.get('Cache-Control')).toBe('private, no-cache');
    expect(signedIn.headers.get('ETag')).not.toBe(guest.headers.get('ETag'));
    const again = await t.call('GET', threadUrl(), { token: alice, headers: { 'If-None-Match': signedIn.headers.get('ETag')! } });
    expect(again.status).toBe(304);
    const bob = await t.call('GET', threadUrl(), { token: await t.sign(PERSONAS.bob), headers: { 'If-None-Match': signedIn.headers.get('ETag')! } });
    expect(bob.status).toBe(200);
  });

  it('shows the author their new comment at once, while guests had the thread cached', async () => {
    const alice = await t.sign(PERSONAS.alice);
    const view = await openThread(t); // a guest read: now cached
    await openThread(t);
    const mine = await postComment(t, view.thread.id, alice, 'Seen by me straight away');
    const forAlice = await openThread(t, { token: alice });
    expect(forAlice.comments.map((c) => c.id)).toEqual([mine.id]);
    expect((await openThread(t)).comments.map((c) => c.id)).toEqual([mine.id]);
  });
});

describe('GET thread comments (the next pages)', () => {
  it('carries an ETag that a like changes, and answers 304 until then', async () => {
    const view = await openThread(t);
    const comment = await postComment(t, view.thread.id, await t.sign(PERSONAS.alice), 'Like me');
    const path = `${apiPaths.comments('daily', view.thread.id)}?limit=10`;
    const first = await t.call('GET', path);
    expect(first.status).toBe(200);
    expect(first.headers.get('Cache-Control')).toBe('public, max-age=5, stale-while-revalidate=30');
    const etag = first.headers.get('ETag')!;
    expect((await t.call('GET', path, { headers: { 'If-None-Match': etag } })).status).toBe(304);
    await t.call('PUT', apiPaths.like('daily', comment.id), { token: await t.sign(PERSONAS.bob) });
    const after = await t.call('GET', path, { headers: { 'If-None-Match': etag } });
    expect(after.status).toBe(200);
    expect((await after.json()).comments[0].likes).toBe(1);
  });
});

describe('GET thread with a refused token', () => {
  it('is never answered from what was kept for guests, nor kept for them', async () => {
    const expired = await t.sign(PERSONAS.alice, { expiresInSeconds: -60 });
    const guest = await t.call('GET', threadUrl()); // kept for guests
    const etag = guest.headers.get('ETag')!;
    expect((await guest.json()).viewer.session).toBe('none');

    for (let i = 0; i < 2; i++) {
      const lapsed = await t.call('GET', threadUrl(), { token: expired, headers: { 'If-None-Match': etag } });
      expect(lapsed.status).toBe(200);
      expect(lapsed.headers.get('Cache-Control')).toBe('private, no-store');
      expect((await lapsed.json()).viewer).toMatchObject({ session: 'expired', callToAction: null });
    }
    const again = await t.call('GET', threadUrl());
    expect(again.headers.get('ETag')).toBe(etag);
    expect((await again.json()).viewer).toMatchObject({ session: 'none', callToAction: t.site.callsToAction.guest });
  });

  it.skipIf(BACKEND === 'workerd')('stores nothing in the response cache or in memory, and is not served from them', async () => {
    const cache = memoryResponseCache();
    const app = createApp({ store: t.store, now: () => t.clock.now, responseCache: cache, guestRevalidateMs: 60_000, log: () => {} });
    const expired = await t.sign(PERSONAS.alice, { expiresInSeconds: -60 });
    const lapsedRead = async () => {
      const res = await app.request(threadUrl(), { headers: { Authorization: `Bearer ${expired}` } });
      expect(res.status).toBe(200);
      return (await res.json()).viewer.session;
    };
    expect(await lapsedRead()).toBe('expired');
    expect(cache.size).toBe(0);
    expect((await (await app.request(threadUrl())).json()).viewer.session).toBe('none');
    const kept = cache.size;
    expect(kept).toBeGreaterThan(0);
    expect(await lapsedRead()).toBe('expired');
    expect(cache.size).toBe(kept);
  });
});

describe('guest reads kept in the response cache', () => {
  it.skipIf(BACKEND === 'workerd')('build a thread page from the database once per thread version, not once per reader', async () => {
    // Counts the full listing queries behind the app's back (in-process backends only).
    let listings = 0;
    const counting: Store = { ...t.store, listTopLevel: (req) => (listings++, t.store.listTopLevel(req)) };
    const app = createApp({ store: counting, now: () => t.clock.now, responseCache: memoryResponseCache(), log: () => {} });
    const read = () => app.request(threadUrl());
    for (let i = 0; i < 5; i++) expect((await read()).status).toBe(200);
    expect(listings).toBe(1);
    const threadId = (await (await read()).json()).thread.id;
    await postComment(t, threadId, await t.sign(PERSONAS.alice), 'A change');
    for (let i = 0; i < 5; i++) await read();
    expect(listings).toBe(2);
  });
});
