// Rate limits on every member write, on new threads and on bad tokens, per member and per
// address, with the site's own numbers: 429 with Retry-After, and room again in the next window.
import { SignJWT } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { apiPaths } from '../../../shared/api-paths';
import { SiteSettings } from '../../../shared/schemas/site';
import { ARTICLE_URL, createTestContext, PERSONAS, type TestContext } from '../../support/app';
import { openThread, postComment, refusal, threadPath, withoutFloodLimit } from '../../support/api';

let t: TestContext;
afterEach(() => t?.close());

async function site(rateLimits: Record<string, number>) {
  const settings = SiteSettings.parse({ ...withoutFloodLimit().settings, rateLimits });
  t = await createTestContext({ site: { settings } });
  const alice = await t.sign(PERSONAS.alice);
  const bob = await t.sign(PERSONAS.bob);
  const thread = (await openThread(t, { token: alice })).thread;
  const comment = await postComment(t, thread.id, bob, 'Something to like and report.');
  return { alice, bob, thread, comment };
}

const from = (address: string) => ({ 'CF-Connecting-IP': address });
const like = (id: string, token: string, address = '198.51.100.1') => t.call('PUT', apiPaths.like(t.site.id, id), { token, headers: from(address) });

async function expectLimited(res: Response) {
  expect(await refusal(res.clone())).toMatchObject({ status: 429, code: 'rate_limited' });
  expect(Number(res.headers.get('Retry-After'))).toBeGreaterThan(0);
}

describe('rate limits', () => {
  it('count every write by one member, likes included, and allow more in the next minute', async () => {
    const { alice, comment } = await site({ memberWritesPerMinute: 4 });
    t.clock.now = Math.ceil(t.clock.now / 60_000) * 60_000;
    for (let i = 0; i < 4; i++) expect((await like(comment.id, alice, `198.51.100.${i + 1}`)).status).toBe(200);
    const limited = await t.call('POST', apiPaths.report(t.site.id, comment.id), { token: alice, headers: from('198.51.100.9'), body: { reason: 'spam' } });
    await expectLimited(limited);
    expect(Number(limited.headers.get('Retry-After'))).toBe(60);
    t.clock.now += 60_000;
    expect((await like(comment.id, alice)).status).toBe(200);
  });

  it('count writes from one address across members, and not other addresses', async () => {
    const { alice, bob, comment, thread } = await site({ addressWritesPerMinute: 3 });
    const carol = await t.sign({ sub: 'u-carol', name: 'Carol', tier: 'member' });
    expect((await like(comment.id, alice, '203.0.113.7')).status).toBe(200);
    expect((await like(comment.id, carol, '203.0.113.7')).status).toBe(200);
    const post = await t.call('POST', apiPaths.comments(t.site.id, thread.id), { token: bob, headers: from('203.0.113.7'), body: { body: 'A third write from here' } });
    expect(post.status).toBe(201);
    await expectLimited(await like(comment.id, alice, '203.0.113.7'));
    expect((await like(comment.id, alice, '203.0.113.8')).status).toBe(200);
  });

  it('count previews as the member’s writes', async () => {
    const { alice, comment } = await site({ memberWritesPerMinute: 2 });
    t.clock.now = Math.ceil(t.clock.now / 60_000) * 60_000;
    const preview = () => t.call('POST', apiPaths.preview(t.site.id), { token: alice, headers: from('198.51.100.20'), body: { body: 'Draft' } });
    expect((await preview()).status).toBe(200);
    expect((await like(comment.id, alice)).status).toBe(200);
    await expectLimited(await preview());
    t.clock.now += 60_000;
    expect((await preview()).status).toBe(200);
  });

  it('limit how many new threads one address can bring into being, but never the reading of existing ones', async () => {
    await site({ addressNewThreadsPerHour: 2 });
    const open = (path: string) => t.call('GET', threadPath(t.site.id, { url: `https://news.example/2026/01/15/${path}` }), { headers: from('192.0.2.44') });
    expect((await open('new-one')).status).toBe(200);
    expect((await open('new-two')).status).toBe(200);
    await expectLimited(await open('new-three'));
    expect((await open('new-one')).status).toBe(200);
    expect((await t.call('GET', threadPath(t.site.id, { url: ARTICLE_URL }), { headers: from('192.0.2.44') })).status).toBe(200);
  });

  it('stop checking tokens from an address that keeps sending bad ones', async () => {
    const { comment } = await site({ addressTokenFailuresPerMinute: 3 });
    const forged = await new SignJWT({ name: 'Mallory', tier: 'member' }).setProtectedHeader({ alg: 'HS256' }).setSubject('u-m').setAudience(t.site.id).setExpirationTime('1h').sign(new TextEncoder().encode('x'.repeat(32)));
    const read = (token: string, address: string) => t.call('GET', threadPath(t.site.id, { url: ARTICLE_URL }), { token, headers: from(address) });
    // A read with a bad token answers the guest view, and counts as a failure all the same.
    const readAsLapsed = async (address: string) => {
      const res = await read(forged, address);
      expect(res.status).toBe(200);
      expect((await res.json()).viewer.session).toBe('invalid');
    };
    await readAsLapsed('198.51.100.66');
    expect((await like(comment.id, forged, '198.51.100.66')).status).toBe(401);
    await readAsLapsed('198.51.100.66');
    await expectLimited(await read(forged, '198.51.100.66'));
    await expectLimited(await like(comment.id, forged, '198.51.100.66'));
    await readAsLapsed('198.51.100.67');
    // Good tokens do not count: a member elsewhere is never limited by them.
    const alice = await t.sign(PERSONAS.alice);
    for (let i = 0; i < 5; i++) expect((await read(alice, '198.51.100.68')).status).toBe(200);
  });
});

describe('rate-limit windows', () => {
  it('are swept once no limit can read them, whoever they belonged to', async () => {
    const { alice, comment } = await site({});
    for (let i = 0; i < 5; i++) await like(comment.id, alice, `198.51.100.${i + 10}`);
    const count = async () => Number((await t.client.execute('SELECT COUNT(*) AS n FROM rate_limits')).rows[0].n);
    expect(await count()).toBeGreaterThan(5);
    t.clock.now += 3 * 3600 * 1000;
    expect((await like(comment.id, await t.sign(PERSONAS.alice), '198.51.100.99')).status).toBe(200);
    // Only the two windows this last write counted in are left.
    expect(await count()).toBe(2);
  });
});
