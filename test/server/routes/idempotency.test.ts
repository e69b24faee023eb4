// Idempotency-Key on every write route, on every backend: a replay answers what the first request
// answered and stores nothing new; the same key for another request is refused; keys belong to one
// sender on one site; racing duplicates apply once; keys expire after a day.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiPaths } from '../../../shared/api-paths';
import { IDEMPOTENT_REPLAY_HEADER } from '../../../shared/schemas/idempotency';
import { buildSite } from '../../support/site';
import { createTestContext, PERSONAS, TEST_API_KEY, type TestContext } from '../../support/app';
import { openThread, postComment, refusal, withoutFloodLimit } from '../../support/api';

let t: TestContext;
beforeEach(async () => {
  t = await createTestContext({ site: withoutFloodLimit() });
});
afterEach(() => t.close());

/** Every row of every table but the keys themselves: what "stores nothing new" is checked against. */
async function everythingStored(): Promise<string> {
  const tables = (await t.client.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")).rows
    .map((r) => String(r.name))
    .filter((name) => name !== 'idempotency_keys' && !name.startsWith('sqlite_') && !name.startsWith('libsql_') && !name.startsWith('_'));
  const parts: string[] = [];
  for (const table of tables) {
    const rows = (await t.client.execute(`SELECT * FROM "${table}"`)).rows.map((r) => JSON.stringify(r));
    parts.push(table, ...rows.sort());
  }
  return parts.join('\n');
}

interface Sent {
  status: number;
  body: string;
  replayed: boolean;
}

async function send(method: string, path: string, key: string, o: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Sent> {
  const res = await t.call(method, path, { ...o, headers: { ...o.headers, 'Idempotency-Key': key } });
  return { status: res.status, body: await res.text(), replayed: res.headers.get(IDEMPOTENT_REPLAY_HEADER) === 'true' };
}

const asModerator = { headers: { 'X-Api-Key': TEST_API_KEY } };

describe('a replayed write', () => {
  it('posts a comment once, however often the same key is sent', async () => {
    const threadId = (await openThread(t)).thread.id;
    const alice = await t.sign(PERSONAS.alice);
    const path = apiPaths.comments(t.site.id, threadId);
    const first = await send('POST', path, 'post-1', { token: alice, body: { body: 'Only once, please' } });
    expect(first.status, first.body).toBe(201);
    expect(first.replayed).toBe(false);
    const stored = await everythingStored();
    for (let i = 0; i < 3; i++) {
      const again = await send('POST', path, 'post-1', { token: alice, body: { body: 'Only once, please' } });
      expect(again).toEqual({ ...first, replayed: true });
    }
    expect(await everythingStored()).toBe(stored);
    expect((await openThread(t)).comments.map((c) => c.html)).toEqual(['<p>Only once, please</p>']);
  });

  it('answers what the first request answered on every write route, and changes nothing', async () => {
    const threadId = (await openThread(t)).thread.id;
    const alice = await t.sign(PERSONAS.alice);
    const bob = await t.sign(PERSONAS.bob);
    const mod = await t.sign(PERSONAS.mod);
    const target = await postComment(t, threadId, alice, 'A comment to act on');
    const other = await postComment(t, threadId, alice, 'Another comment');
    const authorId = (await t.client.execute("SELECT id FROM users WHERE external_id = 'u-alice'")).rows[0].id as string;
    const site = t.site.id;
    // Each write, then a later different write on the same thing, so a replay that re-applied the
    // first would show in what is stored.
    const cases: { name: string; first: [string, string, object]; later?: [string, string, object] }[] = [
      { name: 'edit', first: ['PATCH', apiPaths.comment(site, target.id), { token: alice, body: { body: 'Edited once' } }], later: ['PATCH', apiPaths.comment(site, target.id), { token: alice, body: { body: 'Edited twice' } }] },
      { name: 'like', first: ['PUT', apiPaths.like(site, target.id), { token: bob }], later: ['DELETE', apiPaths.like(site, target.id), { token: bob }] },
      { name: 'unlike', first: ['DELETE', apiPaths.like(site, target.id), { token: bob }], later: ['PUT', apiPaths.like(site, target.id), { token: bob }] },
      { name: 'report', first: ['POST', apiPaths.report(site, target.id), { token: bob, body: { reason: 'spam' } }] },
      { name: 'moderate a comment', first: ['POST', apiPaths.moderation.comment(site, target.id), { ...asModerator, body: { action: 'feature' } }], later: ['POST', apiPaths.moderation.comment(site, target.id), { ...asModerator, body: { action: 'unfeature' } }] },
      { name: 'moderate in bulk', first: ['POST', apiPaths.moderation.bulk(site), { token: mod, body: { ids: [other.id], action: 'feature' } }], later: ['POST', apiPaths.moderation.bulk(site), { token: mod, body: { ids: [other.id], action: 'unfeature' } }] },
      { name: 'act on a member', first: ['POST', apiPaths.moderation.user(site, authorId), { ...asModerator, body: { action: 'premoderate' } }], later: ['POST', apiPaths.moderation.user(site, authorId), { ...asModerator, body: { action: 'unpremoderate' } }] },
      { name: 'act on a thread', first: ['POST', apiPaths.moderation.thread(site, threadId), { ...asModerator, body: { action: 'close' } }], later: ['POST', apiPaths.moderation.thread(site, threadId), { ...asModerator, body: { action: 'reopen' } }] },
      { name: 'save the rules', first: ['PUT', apiPaths.moderation.settings(site), { ...asModerator, body: { settings: t.site.settings.moderation } }] },
      { name: 'choose the civility model', first: ['PUT', apiPaths.moderation.model(site), { ...asModerator, body: { id: null } }] },
      { name: 'upsert a thread', first: ['PUT', apiPaths.adminThreads(site), { ...asModerator, body: { url: 'https://news.example/2026/01/16/new', title: 'New' } }], later: ['PUT', apiPaths.adminThreads(site), { ...asModerator, body: { url: 'https://news.example/2026/01/16/new', title: 'Renamed' } }] },
      { name: 'delete', first: ['DELETE', apiPaths.comment(site, other.id), { token: alice }] },
    ];
    for (const [i, c] of cases.entries()) {
      const [method, path, options] = c.first;
      const first = await send(method, path, `case-${i}`, options);
      expect(first.status, `${c.name}: ${first.body}`).toBeLessThan(300);
      if (c.later) {
        const [m, p, o] = c.later;
        expect((await send(m, p, `case-${i}-later`, o)).status, c.name).toBeLessThan(300);
      }
      const stored = await everythingStored();
      const replay = await send(method, path, `case-${i}`, options);
      expect(replay, c.name).toEqual({ ...first, replayed: true });
      expect(await everythingStored(), c.name).toBe(stored);
    }
    // The undo of the last action, replayed, is not undone twice (or refused as already undone).
    const last = (await t.client.execute("SELECT id FROM moderation_actions WHERE target_type = 'thread' ORDER BY seq DESC LIMIT 1")).rows[0].id as string;
    const undo = await send('POST', apiPaths.moderation.undo(site, last), 'undo-1', asModerator);
    expect(undo.status, undo.body).toBe(200);
    const stored = await everythingStored();
    expect(await send('POST', apiPaths.moderation.undo(site, last), 'undo-1', asModerator)).toEqual({ ...undo, replayed: true });
    expect(await everythingStored()).toBe(stored);
  });

  it('takes the same JSON, spaced differently, for the same request', async () => {
    const threadId = (await openThread(t)).thread.id;
    const alice = await t.sign(PERSONAS.alice);
    const path = apiPaths.comments(t.site.id, threadId);
    const first = await send('POST', path, 'spaced', { token: alice, body: '{"body":"Spacing aside"}' });
    expect(first.status).toBe(201);
    const again = await send('POST', path, 'spaced', { token: alice, body: '{ "body" : "Spacing aside" }\n' });
    expect(again).toEqual({ ...first, replayed: true });
    expect((await openThread(t)).comments).toHaveLength(1);
  });

  it('refuses the same key for a different request with 422 and a code saying why', async () => {
    const threadId = (await openThread(t)).thread.id;
    const alice = await t.sign(PERSONAS.alice);
    const path = apiPaths.comments(t.site.id, threadId);
    expect((await send('POST', path, 'k', { token: alice, body: { body: 'First text' } })).status).toBe(201);
    const other = await t.call('POST', path, { token: alice, body: { body: 'Other text' }, headers: { 'Idempotency-Key': 'k' } });
    expect(await refusal(other)).toMatchObject({ status: 422, code: 'idempotency_key_reused' });
    const elsewhere = await t.call('PUT', apiPaths.like(t.site.id, 'nosuchcomment'), { token: alice, headers: { 'Idempotency-Key': 'k' } });
    expect(await refusal(elsewhere)).toMatchObject({ status: 422, code: 'idempotency_key_reused' });
    expect((await openThread(t)).comments).toHaveLength(1);
  });

  it('keeps each sender’s keys apart, and each site’s', async () => {
    const threadId = (await openThread(t)).thread.id;
    const path = apiPaths.comments(t.site.id, threadId);
    const body = { body: 'Same words, same key' };
    for (const persona of [PERSONAS.alice, PERSONAS.bob]) {
      const sent = await send('POST', path, 'shared-key', { token: await t.sign(persona), body });
      expect(sent.status).toBe(201);
      expect(sent.replayed).toBe(false);
    }
    await t.store.saveSite(buildSite({ ...withoutFloodLimit(), id: 'weekly', name: 'The Weekly' }), t.clock.now);
    const weeklyThread = (await openThread(t, { siteId: 'weekly' })).thread.id;
    const onWeekly = await send('POST', apiPaths.comments('weekly', weeklyThread), 'shared-key', { token: await t.sign(PERSONAS.alice, { audience: 'weekly' }), body });
    expect(onWeekly.status, onWeekly.body).toBe(201);
    expect(onWeekly.replayed).toBe(false);
    expect((await openThread(t)).comments).toHaveLength(2);
  });

  it('applies racing duplicates once: the others replay it or are asked to retry, none fails', async () => {
    const threadId = (await openThread(t)).thread.id;
    const alice = await t.sign(PERSONAS.alice);
    await postComment(t, threadId, alice, 'warm-up'); // the member row exists: every duplicate goes straight to the insert
    const path = apiPaths.comments(t.site.id, threadId);
    const answers = await Promise.all(Array.from({ length: 10 }, () => send('POST', path, 'race', { token: alice, body: { body: 'Posted in a hurry' } })));
    for (const a of answers) {
      if (a.status === 409) expect(JSON.parse(a.body).error.code).toBe('idempotency_in_progress');
      else expect(a.status, a.body).toBe(201);
    }
    const stored = await t.client.execute({ sql: "SELECT COUNT(*) AS n FROM comments WHERE body_src = 'Posted in a hurry'", args: [] });
    expect(Number(stored.rows[0].n)).toBe(1);
    const created = answers.filter((a) => a.status === 201).map((a) => JSON.parse(a.body).comment.id);
    expect(new Set(created).size).toBe(1);
  });

  it('forgets a key after a day, and sweeps the expired ones', async () => {
    const threadId = (await openThread(t)).thread.id;
    const alice = await t.sign(PERSONAS.alice);
    const path = apiPaths.comments(t.site.id, threadId);
    expect((await send('POST', path, 'old', { token: alice, body: { body: 'Yesterday' } })).status).toBe(201);
    t.clock.now += 25 * 3600 * 1000;
    const later = await t.sign(PERSONAS.alice);
    const again = await send('POST', path, 'old', { token: later, body: { body: 'Yesterday' } });
    expect(again.status).toBe(201);
    expect(again.replayed).toBe(false);
    expect((await send('POST', path, 'fresh', { token: later, body: { body: 'Today' } })).status).toBe(201);
    const keys = await t.client.execute('SELECT key FROM idempotency_keys ORDER BY key');
    expect(keys.rows.map((r) => r.key)).toEqual(['fresh', 'old']);
    expect(Number((await t.client.execute('SELECT MIN(created_at) AS at FROM idempotency_keys')).rows[0].at)).toBe(t.clock.now);
  });

  it('refuses a malformed key with 400, storing nothing', async () => {
    const threadId = (await openThread(t)).thread.id;
    const alice = await t.sign(PERSONAS.alice);
    for (const key of ['x'.repeat(201), 'has space', 'ünïcode']) {
      const res = await t.call('POST', apiPaths.comments(t.site.id, threadId), { token: alice, body: { body: 'hello' }, headers: { 'Idempotency-Key': key } });
      expect(await refusal(res)).toMatchObject({ status: 400, code: 'invalid_input' });
    }
    expect((await openThread(t)).comments).toHaveLength(0);
  });

  it('does not keep a refusal that changed nothing: after a fresh token the same key goes through', async () => {
    const threadId = (await openThread(t)).thread.id;
    const path = apiPaths.comments(t.site.id, threadId);
    const expired = await t.sign(PERSONAS.alice, { expiresInSeconds: -10 });
    expect(await refusal(await t.call('POST', path, { token: expired, body: { body: 'Hello' }, headers: { 'Idempotency-Key': 'retry-me' } }))).toMatchObject({ status: 401 });
    const sent = await send('POST', path, 'retry-me', { token: await t.sign(PERSONAS.alice), body: { body: 'Hello' } });
    expect(sent.status, sent.body).toBe(201);
  });
});
