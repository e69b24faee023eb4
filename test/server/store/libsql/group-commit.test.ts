import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDb } from '../../../../server/store/libsql/db';

let dir: string;
let client: Client;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parley-group-'));
  client = createClient({ url: `file:${join(dir, 'db.sqlite')}`, timeout: 5000 });
  await client.execute('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
});

afterEach(() => {
  client.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('group commit', () => {
  it('stores every acknowledged write and hands each its own results', async () => {
    const db = createDb(client);
    const results = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        db.write([
          { sql: 'INSERT INTO t (id, v) VALUES (?, ?)', args: [i, `v${i}`] },
          { sql: 'SELECT v FROM t WHERE id = ?', args: [i] },
        ]),
      ),
    );
    results.forEach((r, i) => expect(r[1].rows[0].v).toBe(`v${i}`));
    expect((await client.execute('SELECT COUNT(*) AS n FROM t')).rows[0].n).toBe(300);
  });

  it('fails only the write that failed when writes share a group, leaving none of it behind', async () => {
    const db = createDb(client);
    const outcomes = await Promise.allSettled([
      db.write([{ sql: 'INSERT INTO t (id, v) VALUES (1, ?)', args: ['a'] }]),
      // Its first statement would succeed; the second violates NOT NULL, so neither may stay.
      db.write([
        { sql: 'INSERT INTO t (id, v) VALUES (2, ?)', args: ['b'] },
        { sql: 'INSERT INTO t (id, v) VALUES (3, NULL)', args: [] },
      ]),
      db.write([{ sql: 'INSERT INTO t (id, v) VALUES (4, ?)', args: ['d'] }]),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const ids = (await client.execute('SELECT id FROM t ORDER BY id')).rows.map((r) => Number(r.id));
    expect(ids).toEqual([1, 4]);
  });
});
