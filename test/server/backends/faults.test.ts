// The database goes away mid-run (sqld stopped) and comes back (restarted on the same port and
// data folder): guests keep reading what was kept, everything else is a 503 with Retry-After,
// writes leave nothing behind, the outage is logged once rather than per request, and service
// resumes by itself. Needs a server to stop, so it runs
// on the sqld and workerd backends only.
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { apiPaths } from '../../../shared/api-paths';
import { memoryResponseCache } from '../../../server/cache/response-cache';
import { STALE_HEADER } from '../../../server/cache/thread-reads';
import { ARTICLE_URL, BACKEND, createTestContext, PERSONAS, TEST_ORIGIN, type TestContext } from '../../support/app';
import { openThread, postComment, refusal, threadPath, withoutFloodLimit } from '../../support/api';
import { startSqld, stopSqld } from '../../support/sqld';

const remote = BACKEND !== 'embedded';
let t: TestContext | undefined;
let down = false;

async function stopDatabase() {
  down = true;
  await stopSqld(inject('sqldDir'));
}

async function startDatabase() {
  await startSqld(Number(new URL(inject('libsqlUrl')).port), inject('sqldDir'));
  down = false;
}

// Whatever happens in the test, later files need the server back.
afterAll(async () => {
  t?.close();
  if (down) await startDatabase();
});

describe.skipIf(!remote)('with the database unreachable', () => {
  it('serves guests the kept copy, answers everything else 503, stores nothing, and recovers', async () => {
    const logged: string[] = [];
    t = await createTestContext({ site: withoutFloodLimit(), deps: { responseCache: memoryResponseCache(), log: (message) => logged.push(message) } });
    const alice = await t.sign(PERSONAS.alice);
    const threadId = (await openThread(t)).thread.id;
    await postComment(t, threadId, alice, 'Before the outage');
    const before = await openThread(t); // kept for guests
    expect(before.comments).toHaveLength(1);

    await stopDatabase();

    // A guest read that was kept: served, marked stale.
    const stale = await t.call('GET', threadPath('daily', { url: ARTICLE_URL }));
    expect(stale.status).toBe(200);
    expect(stale.headers.get(STALE_HEADER)).toBe('1');
    expect((await stale.json()).comments.map((c: { html: string }) => c.html)).toEqual(['<p>Before the outage</p>']);

    // A read nothing was kept for, and any signed-in read: 503 unavailable with Retry-After.
    const unknown = await t.call('GET', threadPath('daily', { url: `${TEST_ORIGIN}/2026/01/15/another-story` }));
    expect(await refusal(unknown.clone())).toMatchObject({ status: 503, code: 'unavailable' });
    expect(Number(unknown.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(await refusal(await t.call('GET', threadPath('daily', { url: ARTICLE_URL }), { token: alice }))).toMatchObject({ status: 503, code: 'unavailable' });

    // Writes: 503, and (checked once the server is back) nothing of them stored.
    const post = await t.call('POST', apiPaths.comments('daily', threadId), { token: alice, body: { body: 'During the outage' } });
    expect(await refusal(post.clone())).toMatchObject({ status: 503, code: 'unavailable' });
    expect(post.headers.get('Retry-After')).not.toBeNull();
    const newcomer = await t.sign({ sub: 'u-newcomer', name: 'Newcomer', tier: 'member' });
    expect((await t.call('POST', apiPaths.comments('daily', threadId), { token: newcomer, body: { body: 'First words' } })).status).toBe(503);
    expect((await t.call('PUT', apiPaths.like('daily', before.comments[0].id), { token: newcomer })).status).toBe(503);

    // However many requests the outage failed, it is one line in the log (the worker logs its own).
    if (BACKEND === 'sqld') expect(logged).toEqual(['database unavailable: unreachable']);

    await startDatabase();

    const rows = await t.client.execute({ sql: 'SELECT body_src FROM comments WHERE thread_id = ?', args: [threadId] });
    expect(rows.rows.map((r) => r.body_src)).toEqual(['Before the outage']);
    expect(Number((await t.client.execute("SELECT COUNT(*) AS n FROM users WHERE external_id = 'u-newcomer'")).rows[0].n)).toBe(0);
    expect(Number((await t.client.execute('SELECT COUNT(*) AS n FROM reactions')).rows[0].n)).toBe(0);
    const thread = await t.client.execute({ sql: 'SELECT comment_count FROM threads WHERE id = ?', args: [threadId] });
    expect(Number(thread.rows[0].comment_count)).toBe(1);

    // Service resumes: the same draft goes through on retry, and guests get fresh reads again.
    await postComment(t, threadId, alice, 'During the outage');
    const fresh = await t.call('GET', threadPath('daily', { url: ARTICLE_URL }));
    expect(fresh.headers.get(STALE_HEADER)).toBeNull();
    expect((await fresh.json()).comments).toHaveLength(2);
  });
});
