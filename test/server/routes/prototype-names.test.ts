// Names that plain objects already have ("constructor", "__proto__", …) in every claim, body
// field, query parameter and comment word: never a 500, and words are just words.
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths } from '../../../shared/api-paths';
import { ARTICLE_URL, createTestContext, PERSONAS, TEST_API_KEY, type TestContext } from '../../support/app';
import { openThread, postComment, threadPath, withoutFloodLimit } from '../../support/api';
import { TEST_SECRET } from '../../support/site';
import { SiteSettings } from '../../../shared/schemas/site';

const NAMES = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'isPrototypeOf'];
// The same names as a commenter might write them: in capitals, leet, spaced out.
const SPELLINGS = (n: string) => [n, n.toUpperCase(), n.replace(/o/g, '0').replace(/e/g, '3'), n.split('').join(' ')];

let t: TestContext;
let threadId: string;
let commentId: string;
beforeAll(async () => {
  // Every request here comes from one address (on workerd, the worker's own loopback): the
  // invalid tokens among them must not use up its failed-token budget.
  const site = withoutFloodLimit();
  t = await createTestContext({ site: { ...site, settings: SiteSettings.parse({ ...site.settings, rateLimits: { addressTokenFailuresPerMinute: 10_000 } }) } });
  const alice = await t.sign(PERSONAS.alice);
  threadId = (await openThread(t, { token: alice })).thread.id;
  commentId = (await postComment(t, threadId, alice, 'A comment for everyone to poke at.')).id;
});
afterAll(() => t?.close());

const expectNo5xx = async (res: Response, what: string) => expect(res.status, `${what}: ${await res.clone().text()}`).toBeLessThan(500);

function tokenWith(claims: Record<string, unknown>) {
  const now = Math.floor(t.clock.now / 1000);
  return new SignJWT({ name: 'Pat', tier: 'member', role: 'member', badges: [], ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(String(claims.sub ?? 'u-pat'))
    .setAudience(t.site.id)
    .setIssuedAt(now)
    .setExpirationTime(now + 600)
    .sign(new TextEncoder().encode(TEST_SECRET));
}

describe('prototype names', () => {
  it('in every claim of a token: reads, posts, likes and reports answer without a 500', async () => {
    for (const n of NAMES) {
      for (const claims of [{ tier: n }, { name: n }, { sub: n }, { badges: [n] }, { role: n }, { [n]: 'x' }]) {
        const token = await tokenWith(claims);
        const what = `claims ${JSON.stringify(claims)}`;
        await expectNo5xx(await t.call('GET', threadPath(t.site.id, { url: ARTICLE_URL }), { token }), `read with ${what}`);
        t.clock.now += 1000;
        await expectNo5xx(await t.call('POST', apiPaths.comments(t.site.id, threadId), { token, body: { body: `Posted with ${n} in a claim` } }), `post with ${what}`);
        await expectNo5xx(await t.call('PUT', apiPaths.like(t.site.id, commentId), { token }), `like with ${what}`);
        await expectNo5xx(await t.call('POST', apiPaths.report(t.site.id, commentId), { token, body: { reason: 'spam' } }), `report with ${what}`);
        await expectNo5xx(await t.call('GET', `${apiPaths.moderation.queue(t.site.id)}?queue=pending`, { token }), `queue with ${what}`);
      }
    }
  });

  it('as words of a comment, in any spelling, are posted like any other word', async () => {
    const bob = await t.sign(PERSONAS.bob);
    for (const n of NAMES) {
      for (const word of SPELLINGS(n)) {
        t.clock.now += 1000;
        const res = await t.call('POST', apiPaths.comments(t.site.id, threadId), { token: bob, body: { body: `Is ${word} the word you meant?` } });
        expect(res.status, `${word}: ${await res.clone().text()}`).toBe(201);
      }
    }
    const tried = await t.call('POST', apiPaths.moderation.tryComment(t.site.id), { headers: { 'X-Api-Key': TEST_API_KEY }, body: { body: NAMES.join(' ') } });
    await expectNo5xx(tried, 'try');
  });

  it('as keys and values of request bodies and queries: a 4xx, never a 500', async () => {
    const alice = await t.sign(PERSONAS.alice);
    const key = { 'X-Api-Key': TEST_API_KEY };
    for (const n of NAMES) {
      const extra = JSON.parse(`{"${n}": {"x": 1}}`) as Record<string, unknown>;
      const cases: [string, string, { token?: string; headers?: Record<string, string>; body?: unknown }][] = [
        ['POST', apiPaths.comments(t.site.id, threadId), { token: alice, body: { body: 'Fine text', ...extra } }],
        ['POST', apiPaths.comments(t.site.id, threadId), { token: alice, body: extra }],
        ['PATCH', apiPaths.comment(t.site.id, commentId), { token: alice, body: { body: n, ...extra } }],
        ['POST', apiPaths.report(t.site.id, commentId), { token: alice, body: { reason: n } }],
        ['POST', apiPaths.moderation.comment(t.site.id, commentId), { headers: key, body: { action: n } }],
        ['POST', apiPaths.moderation.comment(t.site.id, commentId), { headers: key, body: { action: 'reject', reason: n } }],
        ['POST', apiPaths.moderation.user(t.site.id, n), { headers: key, body: { action: 'ban' } }],
        ['PUT', apiPaths.moderation.settings(t.site.id), { headers: key, body: { settings: { rules: extra } } }],
        ['PUT', apiPaths.moderation.settings(t.site.id), { headers: key, body: { settings: extra } }],
        ['GET', `${threadPath(t.site.id, { url: ARTICLE_URL, sort: n })}&${n}=1`, {}],
        ['GET', `${apiPaths.counts(t.site.id)}?pageId=${encodeURIComponent(n)}&url=${encodeURIComponent(ARTICLE_URL)}`, {}],
        ['GET', `${apiPaths.moderation.queue(t.site.id)}?queue=${encodeURIComponent(n)}&rule=${encodeURIComponent(n)}`, { headers: key }],
        ['GET', `${apiPaths.moderation.audit(t.site.id)}?action=${encodeURIComponent(n)}&actor=${encodeURIComponent(n)}`, { headers: key }],
      ];
      for (const [method, path, options] of cases) await expectNo5xx(await t.call(method, path, options), `${method} ${path} ${JSON.stringify(options.body)}`);
    }
    const counts = await (await t.call('GET', `${apiPaths.counts(t.site.id)}?pageId=__proto__&pageId=constructor`)).json();
    expect(counts.counts).toEqual(JSON.parse('{"__proto__": 0, "constructor": 0}'));
    expect(Object.keys(counts.counts)).toEqual(['__proto__', 'constructor']);
  });
});
