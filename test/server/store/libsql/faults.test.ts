// Faults of an embedded database file, produced for real: the database full (SQLITE_FULL, from
// max_page_count, as a full disk gives it) and locked by another writer (SQLITE_BUSY after the busy
// timeout). Each answers 503 with Retry-After, stores nothing, is logged once a minute however many
// requests it fails, and passes: the next write after it is stored, as another connection sees.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type Client, type Transaction } from '@libsql/client';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { apiPaths } from '../../../../shared/api-paths';
import { createTestContext, PERSONAS, type TestContext } from '../../../support/app';
import { openThread, postComment, refusal, withoutFloodLimit } from '../../../support/api';

const dir = mkdtempSync(join(tmpdir(), 'parley-faults-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let t: TestContext | undefined;
let other: Client | undefined;
let lock: Transaction | undefined;
afterEach(async () => {
  await lock?.rollback().catch(() => {});
  lock = undefined;
  other?.close();
  t?.close();
});

async function onAFile(logged: string[], busyTimeoutMs?: number) {
  const url = `file:${join(dir, `faults-${Date.now()}-${Math.random()}.db`)}`;
  // One connection, so a PRAGMA the test sets on it holds for every statement the app runs.
  t = await createTestContext({ url, busyTimeoutMs, connections: 1, site: withoutFloodLimit(), deps: { log: (message) => logged.push(message) } });
  await t.client.execute('PRAGMA journal_mode=WAL');
  other = createClient({ url, timeout: 5000 });
  return { url, threadId: (await openThread(t)).thread.id, alice: await t.sign(PERSONAS.alice) };
}

async function storedBodies(): Promise<string[]> {
  // Through another connection: what is really on disk, not what the app's connection believes.
  return (await other!.execute('SELECT body_src FROM comments')).rows.map((r) => String(r.body_src)).sort();
}

describe('a full database', () => {
  it('answers 503 with Retry-After, stores nothing, logs once a minute, and takes writes again once there is room', async () => {
    const logged: string[] = [];
    const { threadId, alice } = await onAFile(logged);
    await postComment(t!, threadId, alice, 'Before the disk filled');
    const pages = Number((await t!.client.execute('PRAGMA page_count')).rows[0].page_count);
    await t!.client.execute(`PRAGMA max_page_count = ${pages}`);

    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      const res = await t!.call('POST', apiPaths.comments('daily', threadId), { token: alice, body: { body: `A long comment number ${i}: ${'words '.repeat(300)}` } });
      statuses.push(res.status);
      if (res.status !== 201) {
        expect(await refusal(res.clone())).toMatchObject({ status: 503, code: 'unavailable' });
        expect(Number(res.headers.get('Retry-After'))).toBeGreaterThan(0);
      }
    }
    expect(statuses).toContain(503);
    expect(statuses.filter((s) => s !== 201 && s !== 503)).toEqual([]);
    const refused = statuses.filter((s) => s === 503).length;
    expect(logged).toEqual(['database unavailable: disk_full']);
    const stored = await storedBodies();
    expect(stored).toHaveLength(1 + statuses.filter((s) => s === 201).length);

    // A minute later the same fault is logged again, with how many requests it failed meanwhile.
    t!.clock.now += 61_000;
    const again = await t!.call('POST', apiPaths.comments('daily', threadId), { token: await t!.sign(PERSONAS.alice), body: { body: 'words '.repeat(300) } });
    expect(again.status).toBe(503);
    expect(logged).toEqual(['database unavailable: disk_full', `database unavailable: disk_full (${refused - 1} more since the last report)`]);

    await t!.client.execute('PRAGMA max_page_count = 1073741823');
    await postComment(t!, threadId, await t!.sign(PERSONAS.alice), 'After room was made');
    expect(await storedBodies()).toContain('After room was made');
    const count = await other!.execute({ sql: 'SELECT comment_count FROM threads WHERE id = ?', args: [threadId] });
    expect(Number(count.rows[0].comment_count)).toBe(stored.length + 1);
  });
});

describe('a database locked by another writer', () => {
  it('answers 503 with Retry-After once the busy timeout passes, stores nothing, logs once, and recovers', async () => {
    const logged: string[] = [];
    const { threadId, alice } = await onAFile(logged, 200);
    await postComment(t!, threadId, alice, 'Before the lock');
    lock = await other!.transaction('write');
    await lock.execute("UPDATE sites SET name = name WHERE id = 'daily'");

    for (let i = 0; i < 5; i++) {
      const res = await t!.call('POST', apiPaths.comments('daily', threadId), { token: alice, body: { body: `While locked ${i}` } });
      expect(await refusal(res.clone())).toMatchObject({ status: 503, code: 'unavailable' });
      expect(Number(res.headers.get('Retry-After'))).toBeGreaterThan(0);
    }
    expect(logged).toEqual(['database unavailable: locked']);
    await lock.commit();
    lock = undefined;

    // The client was reconnected after SQLITE_BUSY: its next write is really committed.
    await postComment(t!, threadId, alice, 'After the lock');
    expect(await storedBodies()).toEqual(['After the lock', 'Before the lock']);
  });
});
