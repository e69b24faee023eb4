// The Node runtime's ways onto a libSQL server, against a real sqld: `npm run migrate` over HTTP,
// and an embedded replica (LIBSQL_SYNC_URL) that reads locally and writes to the primary.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createClient, type Client } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app';
import { applyMigrations, createLibsqlStore } from '../../../server/store/libsql';
import { loadMigrations } from '../../../server/runtime/load-migrations';
import { openLibsql } from '../../../server/runtime/libsql-client';
import { sha256Hex } from '../../../server/services/sha256';
import { apiPaths } from '../../../shared/api-paths';
import { freePort } from '../../support/free-port';
import { startSqld, stopSqld, type SqldServer } from '../../support/sqld';
import { buildSite, TEST_API_KEY, TEST_SECRET } from '../../support/site';
import { ARTICLE_URL } from '../../support/app';
import { SignJWT } from 'jose';

const dir = mkdtempSync(join(tmpdir(), 'parley-libsql-server-'));
let sqld: SqldServer;
let primary: Client;

beforeAll(async () => {
  sqld = await startSqld(await freePort(), dir);
  primary = createClient({ url: sqld.url });
});
afterAll(async () => {
  primary?.close();
  await stopSqld(dir);
  rmSync(dir, { recursive: true, force: true });
});

const run = promisify(execFile);

describe('npm run migrate', () => {
  it('applies the migrations to a libSQL server over HTTP, then finds it up to date', async () => {
    const env = { ...process.env, LIBSQL_URL: sqld.url };
    const tsx = join('node_modules', '.bin', 'tsx');
    const first = await run(tsx, ['scripts/migrate.ts'], { env, timeout: 60_000 });
    expect(first.stdout).toMatch(new RegExp(`Applied 001_core\\.sql.* to ${sqld.url}`));
    const names = (await primary.execute('SELECT name FROM schema_migrations ORDER BY name')).rows.map((r) => r.name);
    expect(names).toEqual(loadMigrations().map((m) => m.name));
    expect((await run(tsx, ['scripts/migrate.ts'], { env, timeout: 60_000 })).stdout).toMatch(/is up to date/);
  });
});

describe('an embedded replica of the sqld primary', () => {
  it('writes through to the primary, reads its own writes at once, and others’ after a sync', async () => {
    await applyMigrations(primary, loadMigrations());
    const replica = await openLibsql({ LIBSQL_URL: `file:${join(dir, 'replica.db')}`, LIBSQL_SYNC_URL: sqld.url });
    try {
      const store = createLibsqlStore(replica);
      const now = Date.UTC(2026, 0, 15, 12);
      await store.saveSite(buildSite({ apiKeyHash: await sha256Hex(TEST_API_KEY) }), now);
      const app = createApp({ store, now: () => now, log: () => {} });
      const token = await new SignJWT({ name: 'Alice', tier: 'member' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('u-alice')
        .setAudience('daily')
        .setIssuedAt(now / 1000)
        .setExpirationTime(now / 1000 + 3600)
        .sign(new TextEncoder().encode(TEST_SECRET));
      const auth = { Authorization: `Bearer ${token}` };

      const view = await (await app.request(`${apiPaths.thread('daily')}?url=${encodeURIComponent(ARTICLE_URL)}`, { headers: auth })).json();
      const posted = await app.request(apiPaths.comments('daily', view.thread.id), {
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'application/json' },
        body: JSON.stringify({ body: 'Written through the replica' }),
      });
      expect(posted.status, await posted.clone().text()).toBe(201);
      const stored = await primary.execute('SELECT body_src FROM comments');
      expect(stored.rows.map((r) => r.body_src)).toEqual(['Written through the replica']);
      // Read-your-writes: the replica already has the comment it wrote.
      expect((await store.getThread('daily', view.thread.id))?.commentCount).toBe(1);

      // A write another process made on the primary shows here after a sync.
      await primary.execute({ sql: "UPDATE threads SET title = 'Retitled elsewhere' WHERE id = ?", args: [view.thread.id] });
      await replica.sync();
      expect((await store.getThread('daily', view.thread.id))?.title).toBe('Retitled elsewhere');
    } finally {
      replica.close();
    }
  });
});
