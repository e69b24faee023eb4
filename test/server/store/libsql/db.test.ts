import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiPaths } from '../../../../shared/api-paths';
import { createDb } from '../../../../server/store/libsql/db';
import { createTestContext, PERSONAS, type TestContext } from '../../../support/app';
import { openThread, postComment, withoutFloodLimit } from '../../../support/api';

const dir = mkdtempSync(join(tmpdir(), 'parley-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writes through the queue on a file database', () => {
  let t: TestContext;
  beforeEach(async () => {
    t = await createTestContext({ url: `file:${join(dir, `queue-${Date.now()}-${Math.random()}.db`)}`, site: withoutFloodLimit() });
    await t.client.execute('PRAGMA journal_mode=WAL');
  });
  afterEach(() => t.close());

  it('stores every one of 200 concurrent comments and counts exactly 200', async () => {
    const threadId = (await openThread(t)).thread.id;
    const tokens = await Promise.all(Array.from({ length: 20 }, (_, i) => t.sign({ sub: `writer-${i}`, name: `Writer ${i}`, tier: 'member' })));
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, i) => t.call('POST', apiPaths.comments('daily', threadId), { token: tokens[i % 20], body: { body: `comment number ${i}` } })),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(200).fill(201));
    const rows = await t.client.execute({ sql: 'SELECT COUNT(*) AS n FROM comments WHERE thread_id = ?', args: [threadId] });
    expect(Number(rows.rows[0].n)).toBe(200);
    const users = await t.client.execute('SELECT COUNT(*) AS n FROM users');
    expect(Number(users.rows[0].n)).toBe(20);
    expect((await openThread(t)).thread.commentCount).toBe(200);
  });

  it('keeps like counts exact under concurrent likes and unlikes', async () => {
    const threadId = (await openThread(t)).thread.id;
    const comment = await postComment(t, threadId, await t.sign(PERSONAS.alice), 'popular');
    const tokens = await Promise.all(Array.from({ length: 30 }, (_, i) => t.sign({ sub: `fan-${i}`, name: `Fan ${i}`, tier: 'member' })));
    // Every fan likes twice at once; the first ten also unlike twice.
    await Promise.all(tokens.flatMap((token) => [1, 2].map(() => t.call('PUT', apiPaths.like('daily', comment.id), { token }))));
    await Promise.all(tokens.slice(0, 10).flatMap((token) => [1, 2].map(() => t.call('DELETE', apiPaths.like('daily', comment.id), { token }))));
    const stored = await t.client.execute({ sql: 'SELECT like_count FROM comments WHERE id = ?', args: [comment.id] });
    const reactions = await t.client.execute({ sql: 'SELECT COUNT(*) AS n FROM reactions WHERE comment_id = ?', args: [comment.id] });
    expect(Number(stored.rows[0].like_count)).toBe(20);
    expect(Number(reactions.rows[0].n)).toBe(20);
  });
});

describe('a failed write batch', () => {
  let client: Client;
  beforeEach(async () => {
    client = createClient({ url: `file:${join(dir, `batch-${Date.now()}-${Math.random()}.db`)}`, timeout: 5000 });
    await client.execute('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
  });
  afterEach(() => client.close());

  it('leaves nothing half-done when its second statement fails, and the queue goes on', async () => {
    const db = createDb(client);
    await db.write([{ sql: 'INSERT INTO t (id, v) VALUES (1, ?)', args: ['kept'] }]);
    await expect(
      db.write([
        { sql: 'INSERT INTO t (id, v) VALUES (2, ?)', args: ['half'] },
        { sql: 'INSERT INTO t (id, v) VALUES (1, ?)', args: ['duplicate'] },
      ]),
    ).rejects.toThrow(/UNIQUE|constraint/i);
    await db.write([{ sql: 'INSERT INTO t (id, v) VALUES (3, ?)', args: ['after'] }]);
    const rows = await client.execute('SELECT id, v FROM t ORDER BY id');
    expect(rows.rows.map((r) => [Number(r.id), r.v])).toEqual([
      [1, 'kept'],
      [3, 'after'],
    ]);
  });

  it('does not hold up writes queued behind it', async () => {
    const db = createDb(client);
    const results = await Promise.allSettled([
      db.write([{ sql: 'INSERT INTO t (id, v) VALUES (1, ?)', args: ['a'] }]),
      db.write([{ sql: 'INSERT INTO t (id, v) VALUES (1, ?)', args: ['clash'] }]),
      db.write([{ sql: 'INSERT INTO t (id, v) VALUES (2, ?)', args: ['b'] }]),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(Number((await client.execute('SELECT COUNT(*) AS n FROM t')).rows[0].n)).toBe(2);
  });
});

describe('comment writes through the store', () => {
  let t: TestContext;
  beforeEach(async () => {
    t = await createTestContext();
  });
  afterEach(() => t.close());

  it('changes no count when the comment insert fails (a comment id already taken)', async () => {
    const threadId = (await openThread(t)).thread.id;
    const first = await postComment(t, threadId, await t.sign(PERSONAS.alice), 'first');
    const { author: _author, ...stored } = (await t.store.getComment('daily', first.id))!;
    await expect(t.store.insertComment({ comment: { ...stored, bodySrc: 'again' }, ipHash: null })).rejects.toThrow();
    const thread = await t.client.execute({ sql: 'SELECT comment_count FROM threads WHERE id = ?', args: [threadId] });
    expect(Number(thread.rows[0].comment_count)).toBe(1);
  });

  it('refuses a comment for a thread that does not exist, storing nothing', async () => {
    const threadId = (await openThread(t)).thread.id;
    const first = await postComment(t, threadId, await t.sign(PERSONAS.alice), 'first');
    const { author: _author, ...stored } = (await t.store.getComment('daily', first.id))!;
    await expect(t.store.insertComment({ comment: { ...stored, id: 'orphan', rootId: 'orphan', threadId: 'nosuchthread' }, ipHash: null })).rejects.toThrow();
    expect(await t.store.getComment('daily', 'orphan')).toBeNull();
  });
});
