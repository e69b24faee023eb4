// Headers every answer carries, what answers to credentials add, and the longest a token may live.
import { SignJWT } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { apiPaths } from '../../../shared/api-paths';
import { createTestContext, PERSONAS, TEST_API_KEY, type TestContext } from '../../support/app';
import { openThread, postComment, refusal, threadPath } from '../../support/api';
import { ARTICLE_URL } from '../../support/app';
import { TEST_SECRET } from '../../support/site';

let t: TestContext;
afterEach(() => t?.close());

const varies = (res: Response) => (res.headers.get('Vary') ?? '').toLowerCase().split(/\s*,\s*/);

function expectBaseHeaders(res: Response) {
  expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
  expect(res.headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
  expect(varies(res)).toEqual(expect.arrayContaining(['authorization', 'x-api-key']));
}

describe('response headers', () => {
  it('a guest’s thread read may be cached publicly, but says it varies with credentials', async () => {
    t = await createTestContext();
    const res = await t.call('GET', threadPath(t.site.id, { url: ARTICLE_URL }));
    expect(res.status).toBe(200);
    expectBaseHeaders(res);
    expect(res.headers.get('Cache-Control')).toMatch(/^public/);
  });

  it('answers to a member or to the site key are private and never stored, errors included', async () => {
    t = await createTestContext();
    const alice = await t.sign(PERSONAS.alice);
    const thread = (await openThread(t, { token: alice })).thread;
    const c = await postComment(t, thread.id, alice, 'A civil remark about the budget.');

    const asMember = await t.call('GET', apiPaths.conversation(t.site.id, c.id), { token: alice });
    expect(asMember.status).toBe(200);
    expectBaseHeaders(asMember);
    expect(asMember.headers.get('Cache-Control')).toBe('private, no-store');

    const asGuest = await t.call('GET', apiPaths.conversation(t.site.id, c.id));
    expect(asGuest.headers.get('Cache-Control')).toMatch(/^public/);

    const asKey = await t.call('GET', `${apiPaths.moderation.queue(t.site.id)}?queue=pending`, { headers: { 'X-Api-Key': TEST_API_KEY } });
    expect(asKey.status).toBe(200);
    expectBaseHeaders(asKey);
    expect(asKey.headers.get('Cache-Control')).toBe('private, no-store');

    const refused = await t.call('GET', `${apiPaths.moderation.queue(t.site.id)}?queue=pending`, { token: alice });
    expect(refused.status).toBe(403);
    expectBaseHeaders(refused);
    expect(refused.headers.get('Cache-Control')).toBe('private, no-store');

    // A member's thread read keeps its own private policy, so it can still revalidate by ETag.
    const read = await t.call('GET', threadPath(t.site.id, { url: ARTICLE_URL }), { token: alice });
    expect(read.headers.get('Cache-Control')).toMatch(/^private/);
  });

  it('an unknown route answers JSON with the same headers', async () => {
    t = await createTestContext();
    const res = await t.call('GET', '/api/v1/nowhere');
    expect(res.status).toBe(404);
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });
});

describe('the longest a token may live', () => {
  const signed = (iat: number | null, exp: number) => {
    const jwt = new SignJWT({ name: 'Alice', tier: 'member', role: 'member', badges: [] }).setProtectedHeader({ alg: 'HS256' }).setSubject('u-alice').setAudience(t.site.id);
    if (iat !== null) jwt.setIssuedAt(iat);
    return jwt.setExpirationTime(exp).sign(new TextEncoder().encode(t.site.sso.hs256Secret!));
  };
  /** What the thread view says became of the token: `valid`, or `invalid` for one that lives too long. */
  const session = async (token: string) => {
    const res = await t.call('GET', threadPath(t.site.id, { url: ARTICLE_URL }), { token });
    expect(res.status).toBe(200);
    return (await res.json()).viewer.session;
  };

  it('refuses, by default, a token that lives longer than a day, with or without an issue time', async () => {
    t = await createTestContext();
    const now = Math.floor(t.clock.now / 1000);
    expect(await session(await signed(now, now + 23 * 3600))).toBe('valid');
    expect(await session(await signed(now, now + 25 * 3600))).toBe('invalid');
    expect(await session(await signed(null, Date.UTC(3000, 0, 1) / 1000))).toBe('invalid');
    // Issued long ago for a long life: refused even though its expiry is near.
    expect(await session(await signed(now - 6 * 24 * 3600, now + 60))).toBe('invalid');
    // A write with it is refused with the code.
    const write = await t.call('PUT', apiPaths.like(t.site.id, 'c0000000000000000'), { token: await signed(now, now + 25 * 3600) });
    expect(await refusal(write)).toMatchObject({ status: 401, code: 'token_invalid' });
  });

  it('lets a site allow longer-lived tokens', async () => {
    const week = 7 * 24 * 3600;
    t = await createTestContext({ site: { sso: { hs256Secret: TEST_SECRET, maxTokenLifetimeSeconds: week } } });
    const now = Math.floor(t.clock.now / 1000);
    expect(await session(await signed(now, now + 6 * 24 * 3600))).toBe('valid');
    expect(await session(await signed(now, now + 8 * 24 * 3600))).toBe('invalid');
  });
});
