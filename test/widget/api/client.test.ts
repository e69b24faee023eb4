// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createClient } from '../../../widget/api/client';
import { ARTICLE_URL, createTestContext, PERSONAS } from '../../support/app';
import { API_ORIGIN, appFetch } from '../../support/widget';
import { editComment, likeComment, postComment } from '../../../widget/api/member-requests';

describe('the API client', () => {
  it('returns parsed data from the real API', async () => {
    const t = await createTestContext();
    const client = createClient({ api: `${API_ORIGIN}/`, site: 'daily', fetch: appFetch(t), token: await t.sign(PERSONAS.alice) });
    const r = await client.thread({ url: ARTICLE_URL, sort: 'newest' });
    expect(r.ok && r.data.viewer.name).toBe('Alice');
  });

  it('maps API errors to their code, message and fields', async () => {
    const t = await createTestContext();
    const client = createClient({ api: API_ORIGIN, site: 'daily', fetch: appFetch(t) });
    const r = await client.thread({ url: 'ftp://elsewhere', sort: 'newest' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('invalid_input');
    expect(!r.ok && r.error.fields?.url).toBeTruthy();
  });

  it('refuses a response that does not match the shared schema', async () => {
    const client = createClient({ api: API_ORIGIN, site: 'daily', fetch: async () => Response.json({ likes: 'many' }) });
    expect(await likeComment(client, 'c1', true)).toMatchObject({ ok: false, error: { code: 'bad_response' } });
  });

  it('reports a request that got no answer at all as unreachable', async () => {
    const client = createClient({ api: API_ORIGIN, site: 'daily', fetch: async () => Promise.reject(new TypeError('offline')) });
    expect(await likeComment(client, 'c1', true)).toMatchObject({ ok: false, error: { code: 'unreachable' } });
  });

  it('retries a write once with a fresh token after token_expired', async () => {
    const t = await createTestContext();
    const stale = await t.sign(PERSONAS.alice, { expiresInSeconds: 60 });
    t.clock.now += 120_000;
    const requests: string[] = [];
    const fresh = await t.sign(PERSONAS.alice);
    const client = createClient({ api: API_ORIGIN, site: 'daily', fetch: appFetch(t, requests), token: stale, getToken: () => fresh });
    const view = await createClient({ api: API_ORIGIN, site: 'daily', fetch: appFetch(t) }).thread({ url: ARTICLE_URL, sort: 'newest' });
    const r = await postComment(client, view.ok ? view.data.thread.id : '', { body: 'Fresh token, same draft.' });
    expect(r.ok && 'comment' in r.data && r.data.comment.mine).toBe(true);
    expect(requests.filter((x) => x.startsWith('POST'))).toHaveLength(2);
  });

  it('does not retry a refused write as a guest when the host has no fresh token', async () => {
    const t = await createTestContext();
    const stale = await t.sign(PERSONAS.alice, { expiresInSeconds: 60 });
    t.clock.now += 120_000;
    const requests: string[] = [];
    const client = createClient({ api: API_ORIGIN, site: 'daily', fetch: appFetch(t, requests), token: stale, getToken: () => null });
    const view = await createClient({ api: API_ORIGIN, site: 'daily', fetch: appFetch(t) }).thread({ url: ARTICLE_URL, sort: 'newest' });
    const r = await postComment(client, view.ok ? view.data.thread.id : '', { body: 'Kept for after signing in.' });
    expect(r).toMatchObject({ ok: false, error: { code: 'token_expired' } });
    expect(requests.filter((x) => x.startsWith('POST'))).toHaveLength(1);
  });

  describe('a thread view that says the session lapsed', () => {
    /** The API as it answers a refused token on GET /thread: 200, the guest view, and what became of the token. */
    const lapsedView = (t: Awaited<ReturnType<typeof createTestContext>>, seen: (string | null)[]) => async (input: string, init?: RequestInit) => {
      const bearer = new Headers(init?.headers).get('Authorization');
      seen.push(bearer);
      const res = await appFetch(t)(input, init);
      if (res.status !== 401 || !input.includes('/thread?')) return res;
      const view = await (await appFetch(t)(input, { ...init, headers: {} })).json();
      return Response.json({ ...view, viewer: { ...view.viewer, session: 'expired', callToAction: null } });
    };

    it('asks the host once for a fresh token and asks again with it', async () => {
      const t = await createTestContext();
      const stale = await t.sign(PERSONAS.alice, { expiresInSeconds: 60 });
      t.clock.now += 120_000;
      const fresh = await t.sign(PERSONAS.alice);
      const seen: (string | null)[] = [];
      let asked = 0;
      const client = createClient({ api: API_ORIGIN, site: 'daily', fetch: lapsedView(t, seen), token: stale, getToken: () => (asked++, fresh) });
      const r = await client.thread({ url: ARTICLE_URL, sort: 'newest' });
      expect(r.ok && r.data.viewer).toMatchObject({ session: 'valid', name: 'Alice', canComment: true });
      expect(asked).toBe(1);
      expect(seen).toEqual([`Bearer ${stale}`, `Bearer ${fresh}`]);
    });

    it('answers the lapsed view when the host has no fresh token, asking nothing more', async () => {
      const t = await createTestContext();
      const stale = await t.sign(PERSONAS.alice, { expiresInSeconds: 60 });
      t.clock.now += 120_000;
      const seen: (string | null)[] = [];
      const client = createClient({ api: API_ORIGIN, site: 'daily', fetch: lapsedView(t, seen), token: stale, getToken: () => null });
      const r = await client.thread({ url: ARTICLE_URL, sort: 'newest' });
      expect(r.ok && r.data.viewer).toMatchObject({ session: 'expired', callToAction: null, signedIn: false });
      expect(seen).toHaveLength(1);
    });
  });

  describe('idempotency keys', () => {
    /** A fetch that answers the first `failures` writes with 503 (after passing them to the app) and records each write's key. */
    function flakyFetch(t: Awaited<ReturnType<typeof createTestContext>>, keys: (string | null)[], failures = 0): (input: string, init?: RequestInit) => Promise<Response> {
      return async (input, init) => {
        const res = await appFetch(t)(input, init);
        if (init?.method && init.method !== 'GET') {
          keys.push(new Headers(init.headers).get('Idempotency-Key'));
          if (failures-- > 0) return Response.json({ error: { code: 'unavailable', message: 'lost on the way' } }, { status: 503 });
        }
        return res;
      };
    }

    it('sends one with every write and none with reads', async () => {
      const t = await createTestContext();
      const sent: { method: string; key: string | null }[] = [];
      const fetch = async (input: string, init?: RequestInit) => {
        sent.push({ method: init?.method ?? 'GET', key: new Headers(init?.headers).get('Idempotency-Key') });
        return appFetch(t)(input, init);
      };
      const client = createClient({ api: API_ORIGIN, site: 'daily', fetch, token: await t.sign(PERSONAS.alice) });
      const view = await client.thread({ url: ARTICLE_URL, sort: 'newest' });
      const threadId = view.ok ? view.data.thread.id : '';
      const posted = await postComment(client, threadId, { body: 'A first comment.' });
      const id = posted.ok && 'comment' in posted.data ? posted.data.comment.id : '';
      await likeComment(client, id, true);
      await editComment(client, id, 'A first comment, edited.');
      await client.page(threadId, 'newest');
      expect(sent.filter((s) => s.method === 'GET').map((s) => s.key)).toEqual([null, null]);
      const keys = sent.filter((s) => s.method !== 'GET').map((s) => s.key);
      expect(keys).toHaveLength(3);
      for (const key of keys) expect(key).toMatch(/^[\x21-\x7e]{1,200}$/);
      expect(new Set(keys).size).toBe(3);
    });

    it('reuses the key when the same post is retried after a lost answer, so it is stored once', async () => {
      const t = await createTestContext();
      const keys: (string | null)[] = [];
      const client = createClient({ api: API_ORIGIN, site: 'daily', fetch: flakyFetch(t, keys, 1), token: await t.sign(PERSONAS.alice) });
      const view = await client.thread({ url: ARTICLE_URL, sort: 'newest' });
      const threadId = view.ok ? view.data.thread.id : '';
      expect(await postComment(client, threadId, { body: 'Sent on a bad connection.' })).toMatchObject({ ok: false, error: { code: 'unavailable' } });
      const retried = await postComment(client, threadId, { body: 'Sent on a bad connection.' });
      expect(retried.ok).toBe(true);
      expect(keys[1]).toBe(keys[0]);
      const stored = await t.client.execute("SELECT COUNT(*) AS n FROM comments WHERE body_src = 'Sent on a bad connection.'");
      expect(Number(stored.rows[0].n)).toBe(1);
    });

    it('makes a new key for the next action once one succeeded, even with the same words', async () => {
      const t = await createTestContext();
      const keys: (string | null)[] = [];
      const client = createClient({ api: API_ORIGIN, site: 'daily', fetch: flakyFetch(t, keys), token: await t.sign(PERSONAS.alice) });
      const view = await client.thread({ url: ARTICLE_URL, sort: 'newest' });
      const threadId = view.ok ? view.data.thread.id : '';
      const first = await postComment(client, threadId, { body: 'Same again.' });
      const id = first.ok && 'comment' in first.data ? first.data.comment.id : '';
      const bob = createClient({ api: API_ORIGIN, site: 'daily', fetch: flakyFetch(t, keys), token: await t.sign(PERSONAS.bob) });
      for (const liked of [true, false, true]) expect((await likeComment(bob, id, liked)).ok).toBe(true);
      await postComment(client, threadId, { body: 'Same again.' });
      expect(new Set(keys).size).toBe(5);
      const liked = await t.client.execute('SELECT COUNT(*) AS n FROM reactions');
      expect(Number(liked.rows[0].n)).toBe(1);
    });
  });

  describe('given the thread request embed.js started', () => {
    const page = { url: ARTICLE_URL, sort: 'newest' as const };
    const threadUrl = `${API_ORIGIN}/api/v1/sites/daily/thread?url=${encodeURIComponent(ARTICLE_URL)}&sort=newest`;

    it('answers its first thread call with that response and the token it used, asking nothing itself', async () => {
      const t = await createTestContext();
      const requests: string[] = [];
      const token = await t.sign(PERSONAS.alice);
      const response = appFetch(t)(threadUrl, { headers: { Authorization: `Bearer ${token}` } });
      const asked: string[] = [];
      const client = createClient({
        api: API_ORIGIN,
        site: 'daily',
        fetch: appFetch(t, requests),
        getToken: () => (asked.push('token'), null),
        prefetch: { token: Promise.resolve(token), url: threadUrl, response },
      });
      const first = await client.thread(page);
      expect(first.ok && first.data.viewer.name).toBe('Alice');
      expect(requests).toEqual([]);
      // Later calls fetch as usual, with the same token; getToken was never needed.
      const again = await client.thread(page);
      expect(again.ok && again.data.viewer.name).toBe('Alice');
      expect(requests).toHaveLength(1);
      expect(asked).toEqual([]);
    });

    it('asks again itself when that request failed', async () => {
      const t = await createTestContext();
      const requests: string[] = [];
      const prefetch = { token: Promise.resolve(null), url: threadUrl, response: Promise.reject(new TypeError('offline')) };
      prefetch.response.catch(() => {});
      const client = createClient({ api: API_ORIGIN, site: 'daily', fetch: appFetch(t, requests), prefetch });
      expect((await client.thread(page)).ok).toBe(true);
      expect(requests).toEqual([`GET ${new URL(threadUrl).pathname}${new URL(threadUrl).search}`]);
    });

    it('leaves it unused once the host gave a new token before the first call', async () => {
      const t = await createTestContext();
      const requests: string[] = [];
      const guest = appFetch(t)(threadUrl, {});
      const client = createClient({ api: API_ORIGIN, site: 'daily', fetch: appFetch(t, requests), prefetch: { token: Promise.resolve(null), url: threadUrl, response: guest } });
      client.setToken(await t.sign(PERSONAS.alice));
      const r = await client.thread(page);
      expect(r.ok && r.data.viewer.name).toBe('Alice');
      expect(requests).toHaveLength(1);
    });
  });
});
