import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths } from '../../../../shared/api-paths';
import { SiteSettings } from '../../../../shared/schemas/site';
import { createApp } from '../../../../server/app';
import { StoreUnavailableError } from '../../../../server/store/libsql/db';
import { ARTICLE_URL, BACKEND, createTestContext, PERSONAS, TEST_ORIGIN, type TestContext } from '../../../support/app';
import { openThread, refusal, threadPath } from '../../../support/api';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

function preflight(origin: string, method = 'POST') {
  return t.app.request(apiPaths.comments('daily', 'abc'), {
    method: 'OPTIONS',
    headers: { Origin: origin, 'Access-Control-Request-Method': method, 'Access-Control-Request-Headers': 'authorization, content-type' },
  });
}

describe('CORS', () => {
  it('answers a preflight from an allowed origin with its methods and headers', async () => {
    const res = await preflight(TEST_ORIGIN);
    expect(res.status).toBe(204);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe(TEST_ORIGIN);
    expect(res.headers.get('Access-Control-Allow-Methods')).toContain('PATCH');
    expect(res.headers.get('Access-Control-Allow-Headers')?.toLowerCase()).toContain('authorization');
  });

  it('gives a simple request from an allowed origin Access-Control-Allow-Origin, errors included', async () => {
    const ok = await t.call('GET', threadPath('daily', { url: ARTICLE_URL }), { headers: { Origin: TEST_ORIGIN } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('Access-Control-Allow-Origin')).toBe(TEST_ORIGIN);
    expect(ok.headers.get('Vary')).toContain('Origin');
    const refused = await t.call('POST', apiPaths.comments('daily', 'nosuchthread'), { headers: { Origin: TEST_ORIGIN }, body: { body: 'hi' } });
    expect(refused.status).toBe(404);
    expect(refused.headers.get('Access-Control-Allow-Origin')).toBe(TEST_ORIGIN);
  });

  it('gives other origins no CORS headers on the site’s data, and no preflight', async () => {
    const threadId = (await openThread(t)).thread.id;
    for (const origin of ['https://evil.example', 'http://news.example', 'https://news.example.evil.test', 'null']) {
      const pre = await preflight(origin);
      expect(pre.headers.get('Access-Control-Allow-Origin'), origin).toBeNull();
      for (const path of [apiPaths.comments('daily', threadId), `${apiPaths.counts('daily')}?url=${encodeURIComponent(ARTICLE_URL)}`]) {
        const data = await t.call('GET', path, { headers: { Origin: origin } });
        expect(data.status, `${origin} ${path}`).toBe(200);
        expect(data.headers.get('Access-Control-Allow-Origin'), `${origin} ${path}`).toBeNull();
      }
    }
  });

  it('refuses a thread read from another origin with a 403 that origin may read, naming what to fix and holding nothing of the site', async () => {
    for (const origin of ['https://evil.example', 'http://news.example', 'null']) {
      const res = await t.call('GET', threadPath('daily', { url: ARTICLE_URL }), { headers: { Origin: origin } });
      expect(res.status, origin).toBe(403);
      expect(res.headers.get('Access-Control-Allow-Origin'), origin).toBe(origin);
      expect(res.headers.get('Vary'), origin).toMatch(/Origin/);
      const body = await res.json();
      expect(Object.keys(body)).toEqual(['error']);
      expect(body.error.code).toBe('origin_not_allowed');
      expect(body.error.message).toContain(origin);
      expect(body.error.message).toMatch(/add .* to the site's allowed origins/);
      expect(JSON.stringify(body)).not.toContain(t.site.name);
    }
    // A signed-in reader's read is preflighted first: that preflight passes, and the read is refused the same way.
    const pre = await t.app.request(threadPath('daily', { url: ARTICLE_URL }), {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('Access-Control-Allow-Origin')).toBe('https://evil.example');
    const signedIn = await t.call('GET', threadPath('daily', { url: ARTICLE_URL }), { token: await t.sign(PERSONAS.alice), headers: { Origin: 'https://evil.example' } });
    expect(await refusal(signedIn.clone())).toMatchObject({ status: 403, code: 'origin_not_allowed' });
    expect(signedIn.headers.get('Access-Control-Allow-Origin')).toBe('https://evil.example');
    // Without an Origin (a server, curl), the read is answered as ever.
    expect((await t.call('GET', threadPath('daily', { url: ARTICLE_URL }))).status).toBe(200);
  });

  it('answers each site for its own origins only', async () => {
    const { buildSite } = await import('../../../support/site');
    await t.store.saveSite(buildSite({ id: 'other', allowedOrigins: ['https://other.example'] }), t.clock.now);
    const own = await t.call('GET', threadPath('other', { url: 'https://other.example/a' }), { headers: { Origin: 'https://other.example' } });
    expect(own.status).toBe(200);
    expect(own.headers.get('Access-Control-Allow-Origin')).toBe('https://other.example');
    const threadId = (await own.json()).thread.id;
    const page = await t.call('GET', apiPaths.comments('other', threadId), { headers: { Origin: TEST_ORIGIN } });
    expect(page.status).toBe(200);
    expect(page.headers.get('Access-Control-Allow-Origin')).toBeNull();
    const refused = await t.call('GET', threadPath('other', { url: 'https://other.example/a' }), { headers: { Origin: TEST_ORIGIN } });
    expect(await refusal(refused.clone())).toMatchObject({ status: 403, code: 'origin_not_allowed' });
    expect(refused.headers.get('Access-Control-Allow-Origin')).toBe(TEST_ORIGIN);
  });

  it('lets any origin read that a site does not exist, which holds nothing', async () => {
    for (const site of ['nosuchsite', 'Not A Site!']) {
      for (const origin of [TEST_ORIGIN, 'https://evil.example']) {
        const res = await t.call('GET', threadPath(site, { url: ARTICLE_URL }), { headers: { Origin: origin } });
        expect(await refusal(res.clone())).toMatchObject({ status: 404, code: 'site_not_found' });
        expect(res.headers.get('Access-Control-Allow-Origin'), `${site} ${origin}`).toBe('*');
      }
    }
  });
});

describe('CORS on errors, for the site’s allowed origins', () => {
  const from = { Origin: TEST_ORIGIN };
  const expectReadable = async (res: Response, status: number, code: string) => {
    expect(await refusal(res.clone())).toMatchObject({ status, code });
    expect(res.headers.get('Access-Control-Allow-Origin'), code).toBe(TEST_ORIGIN);
  };

  it('carries Access-Control-Allow-Origin on 400, 401, 403, 404 and 413 answers', async () => {
    const threadId = (await openThread(t)).thread.id;
    const expired = await t.sign(PERSONAS.alice, { expiresInSeconds: -60 });
    const nell = await t.sign(PERSONAS.nell);
    await expectReadable(await t.call('GET', threadPath('daily', { url: 'not a url' }), { headers: from }), 400, 'invalid_input');
    await expectReadable(await t.call('POST', apiPaths.comments('daily', threadId), { headers: from, body: '{oops' }), 400, 'malformed_json');
    await expectReadable(await t.call('POST', apiPaths.comments('daily', threadId), { headers: from, body: { body: 'hi' } }), 401, 'not_signed_in');
    await expectReadable(await t.call('POST', apiPaths.comments('daily', threadId), { headers: from, token: expired, body: { body: 'hi' } }), 401, 'token_expired');
    await expectReadable(await t.call('POST', apiPaths.comments('daily', threadId), { headers: from, token: nell, body: { body: 'hi' } }), 403, 'tier_not_allowed_here');
    await expectReadable(await t.call('GET', threadPath('daily', { url: 'https://elsewhere.example/a' }), { headers: from }), 403, 'origin_not_allowed');
    await expectReadable(await t.call('GET', apiPaths.comments('daily', 'nosuchthread'), { headers: from }), 404, 'thread_not_found');
    await expectReadable(await t.call('GET', '/api/v1/sites/daily/nowhere', { headers: from }), 404, 'not_found');
    await expectReadable(await t.call('POST', apiPaths.comments('daily', threadId), { headers: from, token: await t.sign(PERSONAS.alice), body: { body: 'x'.repeat(70 * 1024) } }), 413, 'payload_too_large');
  });

  it('carries it on 429 answers', async () => {
    const { buildSite } = await import('../../../support/site');
    const settings = SiteSettings.parse({ rateLimits: { addressTokenFailuresPerMinute: 1 } });
    await t.store.saveSite(buildSite({ id: 'strict', settings }), t.clock.now);
    const headers = { ...from, 'CF-Connecting-IP': '198.51.100.201' };
    const like = () => t.call('PUT', apiPaths.like('strict', 'c0000000000000000'), { headers, token: 'not-a-token' });
    await expectReadable(await like(), 401, 'token_invalid');
    await expectReadable(await like(), 429, 'rate_limited');
  });

  it.skipIf(BACKEND === 'workerd')('carries it on 503 answers', async () => {
    const down = () => Promise.reject(new StoreUnavailableError(new Error('the database is down')));
    const app = createApp({ store: { ...t.store, findThreadByPageKey: down, getThread: down }, now: () => t.clock.now, log: () => {} });
    const res = await app.request(threadPath('daily', { url: ARTICLE_URL }), { headers: from });
    await expectReadable(res, 503, 'unavailable');
    expect(Number(res.headers.get('Retry-After'))).toBeGreaterThan(0);
  });

  it('answers a preflight for every method the widget and dashboard use', async () => {
    for (const method of ['GET', 'POST', 'PATCH', 'PUT', 'DELETE']) {
      const res = await preflight(TEST_ORIGIN, method);
      expect(res.status, method).toBe(204);
      expect(res.headers.get('Access-Control-Allow-Origin'), method).toBe(TEST_ORIGIN);
      expect(res.headers.get('Access-Control-Allow-Methods'), method).toContain(method);
    }
  });
});

describe('cross-site isolation', () => {
  it('refuses a token for one site on another (wrong audience), and keeps one site’s comments out of another’s routes', async () => {
    const { buildSite } = await import('../../../support/site');
    await t.store.saveSite(buildSite({ id: 'rival', allowedOrigins: ['https://rival.example'] }), t.clock.now);
    const alice = await t.sign(PERSONAS.alice);
    const threadId = (await openThread(t)).thread.id;
    const res = await t.call('POST', apiPaths.comments('daily', threadId), { token: alice, body: { body: 'home site only' } });
    const comment = (await res.json()).comment;

    const onRival = await t.call('GET', threadPath('rival', { url: 'https://rival.example/a' }), { token: alice });
    expect(onRival.status).toBe(200);
    expect((await onRival.json()).viewer).toMatchObject({ signedIn: false, session: 'wrong_site' });
    const writeOnRival = await t.call('POST', apiPaths.comments('rival', (await openThread(t, { siteId: 'rival', url: 'https://rival.example/a' })).thread.id), { token: alice, body: { body: 'x' } });
    expect((await writeOnRival.json()).error.code).toBe('token_wrong_audience');

    const rivalToken = await t.sign(PERSONAS.bob, { audience: 'rival' });
    const paths: [string, string, unknown?][] = [
      ['GET', apiPaths.conversation('rival', comment.id)],
      ['PUT', apiPaths.like('rival', comment.id)],
      ['PATCH', apiPaths.comment('rival', comment.id), { body: 'x' }],
      ['DELETE', apiPaths.comment('rival', comment.id)],
    ];
    for (const [method, path, body] of paths) {
      const r = await t.call(method, path, { token: rivalToken, body });
      expect(r.status, `${method} ${path}`).toBe(404);
      expect((await r.json()).error.code).toBe('comment_not_found');
    }
    const thread = await t.call('GET', apiPaths.comments('rival', threadId), { token: rivalToken });
    expect((await thread.json()).error.code).toBe('thread_not_found');
    const post = await t.call('POST', apiPaths.comments('rival', threadId), { token: rivalToken, body: { body: 'x' } });
    expect((await post.json()).error.code).toBe('thread_not_found');
    expect((await openThread(t)).comments.map((c) => [c.id, c.likes, c.deleted])).toEqual([[comment.id, 0, false]]);
  });
});
