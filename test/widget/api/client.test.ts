// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createClient } from '../../../widget/api/client';
import { ARTICLE_URL, createTestContext, PERSONAS } from '../../support/app';
import { API_ORIGIN, appFetch } from '../../support/widget';

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
    expect(await client.like('c1', true)).toMatchObject({ ok: false, error: { code: 'bad_response' } });
  });

  it('reports a network failure as unavailable', async () => {
    const client = createClient({ api: API_ORIGIN, site: 'daily', fetch: async () => Promise.reject(new TypeError('offline')) });
    expect(await client.like('c1', true)).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('retries a write once with a fresh token after token_expired', async () => {
    const t = await createTestContext();
    const stale = await t.sign(PERSONAS.alice, { expiresInSeconds: 60 });
    t.clock.now += 120_000;
    const requests: string[] = [];
    const fresh = await t.sign(PERSONAS.alice);
    const client = createClient({ api: API_ORIGIN, site: 'daily', fetch: appFetch(t, requests), token: stale, getToken: () => fresh });
    const view = await createClient({ api: API_ORIGIN, site: 'daily', fetch: appFetch(t) }).thread({ url: ARTICLE_URL, sort: 'newest' });
    const r = await client.post(view.ok ? view.data.thread.id : '', { body: 'Fresh token, same draft.' });
    expect(r.ok && 'comment' in r.data && r.data.comment.mine).toBe(true);
    expect(requests.filter((x) => x.startsWith('POST'))).toHaveLength(2);
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
