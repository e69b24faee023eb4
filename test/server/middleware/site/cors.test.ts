import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths } from '../../../../shared/api-paths';
import { ARTICLE_URL, createTestContext, PERSONAS, TEST_ORIGIN, type TestContext } from '../../../support/app';
import { openThread, threadPath } from '../../../support/api';

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

  it('gives other origins no CORS headers at all', async () => {
    for (const origin of ['https://evil.example', 'http://news.example', 'https://news.example.evil.test', 'null']) {
      const pre = await preflight(origin);
      expect(pre.headers.get('Access-Control-Allow-Origin'), origin).toBeNull();
      const simple = await t.call('GET', threadPath('daily', { url: ARTICLE_URL }), { headers: { Origin: origin } });
      expect(simple.headers.get('Access-Control-Allow-Origin'), origin).toBeNull();
    }
  });

  it('answers each site for its own origins only', async () => {
    const { buildSite } = await import('../../../support/site');
    await t.store.saveSite(buildSite({ id: 'other', allowedOrigins: ['https://other.example'] }), t.clock.now);
    const res = await t.call('GET', threadPath('other', { url: 'https://other.example/a' }), { headers: { Origin: TEST_ORIGIN } });
    expect(res.status).toBe(200);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull();
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
