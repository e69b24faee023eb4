// Processes starting together migrate one database without failing: several processes on one
// embedded file, and several clients on one sqld, all succeed and leave one schema, each
// migration applied once.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createClient, type Client } from '@libsql/client';
import { afterAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../../server/store/libsql';
import { loadMigrations } from '../../../server/runtime/load-migrations';
import { freePort } from '../../support/free-port';
import { startSqld, stopSqld } from '../../support/sqld';

const dir = mkdtempSync(join(tmpdir(), 'parley-migrations-'));
const run = promisify(execFile);
const sqldDir = join(dir, 'sqld');
afterAll(async () => {
  await stopSqld(sqldDir);
  rmSync(dir, { recursive: true, force: true });
});

/** The schema as SQLite keeps it, and which migrations are recorded how often. */
async function schemaOf(client: Client) {
  const objects = await client.execute("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name NOT LIKE 'libsql_%' AND name NOT LIKE '_litestream%' ORDER BY name");
  const recorded = await client.execute('SELECT name, COUNT(*) AS n FROM schema_migrations GROUP BY name ORDER BY name');
  return { objects: objects.rows.map((r) => `${r.type} ${r.name} ${r.sql}`), recorded: recorded.rows.map((r) => `${r.name} ${r.n}`) };
}

async function referenceSchema() {
  const client = createClient({ url: ':memory:' });
  await applyMigrations(client, loadMigrations());
  const schema = await schemaOf(client);
  client.close();
  return schema;
}

describe('migrations started together', () => {
  it('succeed in every one of several processes on one file, leaving one schema', async () => {
    const file = join(dir, 'together.db');
    const startAt = Date.now() + 4000;
    const tsx = join('node_modules', '.bin', 'tsx');
    const processes = Array.from({ length: 4 }, () =>
      run(tsx, ['test/support/migrate-at.ts'], { env: { ...process.env, LIBSQL_URL: `file:${file}`, START_AT: String(startAt) }, timeout: 60_000 }),
    );
    const outputs = await Promise.all(processes);
    const applied = outputs.map((o) => JSON.parse(o.stdout.trim().split('\n').at(-1)!) as string[]);
    // Every migration was applied by exactly one of them.
    expect(applied.flat().sort()).toEqual(loadMigrations().map((m) => m.name));
    const client = createClient({ url: `file:${file}` });
    expect(await schemaOf(client)).toEqual(await referenceSchema());
    client.close();
  });

  it('succeed in every one of several clients on one sqld, leaving one schema', async () => {
    mkdirSync(sqldDir);
    const server = await startSqld(await freePort(), sqldDir);
    const clients = Array.from({ length: 8 }, () => createClient({ url: server.url }));
    try {
      const applied = await Promise.all(clients.map((client) => applyMigrations(client, loadMigrations())));
      expect(applied.flat().sort()).toEqual(loadMigrations().map((m) => m.name));
      expect(await schemaOf(clients[0])).toEqual(await referenceSchema());
    } finally {
      for (const client of clients) client.close();
    }
  });
});
