// `npm run backup` and `npm run restore`, for real: an embedded file and a sqld server backed up
// while members keep posting, each backup verified and restored, and a backup that cannot be
// completed leaving nothing behind.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createClient, type Client } from '@libsql/client';
import { SignJWT } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app';
import { applyMigrations, createLibsqlStore } from '../../../server/store/libsql';
import { loadMigrations } from '../../../server/runtime/load-migrations';
import { openLibsql } from '../../../server/runtime/libsql-client';
import { sha256Hex } from '../../../server/services/sha256';
import { apiPaths } from '../../../shared/api-paths';
import { backupDatabase } from '../../../scripts/backup/backup-database';
import { restoreToFile, restoreToServer } from '../../../scripts/backup/restore-database';
import { ARTICLE_URL } from '../../support/app';
import { withoutFloodLimit } from '../../support/api';
import { freePort } from '../../support/free-port';
import { buildSite, TEST_API_KEY, TEST_SECRET } from '../../support/site';
import { startSqld, stopSqld } from '../../support/sqld';

const dir = mkdtempSync(join(tmpdir(), 'parley-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A site on the database and a member posting to it as fast as the database takes it, until stopped. */
async function postingMember(client: Client) {
  await applyMigrations(client, loadMigrations());
  const store = createLibsqlStore(client);
  await store.saveSite(buildSite({ apiKeyHash: await sha256Hex(TEST_API_KEY), ...withoutFloodLimit() }), Date.now());
  const app = createApp({ store, log: () => {} });
  const now = Math.floor(Date.now() / 1000);
  const token = await new SignJWT({ name: 'Alice', tier: 'member' }).setProtectedHeader({ alg: 'HS256' }).setSubject('u-alice').setAudience('daily').setIssuedAt(now).setExpirationTime(now + 3600).sign(new TextEncoder().encode(TEST_SECRET));
  const auth = { Authorization: `Bearer ${token}` };
  const view = await (await app.request(`${apiPaths.thread('daily')}?url=${encodeURIComponent(ARTICLE_URL)}`, { headers: auth })).json();
  let acknowledged = 0;
  let running = true;
  const post = (n: number) =>
    app.request(apiPaths.comments('daily', view.thread.id), { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify({ body: `Comment ${n} written during the backup` }) });
  const writer = (async () => {
    for (let n = 0; running; n++) {
      const res = await post(n);
      if (res.status !== 201) throw new Error(`post answered ${res.status}: ${await res.text()}`);
      acknowledged++;
    }
  })();
  return {
    get acknowledged() {
      return acknowledged;
    },
    async stop() {
      running = false;
      await writer;
      return acknowledged;
    },
  };
}

const comments = async (client: Client) => Number((await client.execute('SELECT COUNT(*) AS n FROM comments')).rows[0].n);

describe('backup and restore of an embedded file', () => {
  it('copies a consistent, verified snapshot while a member posts, and restores it whole', { timeout: 60_000 }, async () => {
    const url = `file:${join(dir, 'live.db')}`;
    const live = await openLibsql({ LIBSQL_URL: url });
    const member = await postingMember(live);
    while (member.acknowledged < 50) await new Promise((r) => setTimeout(r, 5));
    const before = member.acknowledged;
    const backup = join(dir, 'live-backup.db');
    const facts = await backupDatabase(await openLibsql({ LIBSQL_URL: url }), url, backup);
    const after = member.acknowledged;
    const total = await member.stop();
    expect(total).toBeGreaterThan(after);

    // Everything acknowledged before the backup began is in it; nothing that was never written.
    expect(facts.counts.comments).toBeGreaterThanOrEqual(before);
    expect(facts.counts.comments).toBeLessThanOrEqual(after + 1);
    expect(readdirSync(dir).filter((f) => f.includes('.partial-'))).toEqual([]);

    const restored = join(dir, 'restored.db');
    await restoreToFile(backup, restored);
    const check = createClient({ url: `file:${restored}` });
    expect((await check.execute('PRAGMA integrity_check')).rows[0]).toEqual(expect.objectContaining({ integrity_check: 'ok' }));
    expect(await comments(check)).toBe(facts.counts.comments);
    check.close();
    live.close();
  });

  it('refuses to overwrite a backup or an existing database, and leaves nothing when it cannot finish', async () => {
    const url = `file:${join(dir, 'small.db')}`;
    const client = await openLibsql({ LIBSQL_URL: url });
    await applyMigrations(client, loadMigrations());
    const out = join(dir, 'small-backup.db');
    await backupDatabase(client, url, out);
    await expect(backupDatabase(client, url, out)).rejects.toThrow(/already exists/);
    await expect(backupDatabase(client, url, join(dir, 'no-such-folder', 'b.db'))).rejects.toThrow();
    expect(existsSync(join(dir, 'no-such-folder'))).toBe(false);
    await expect(restoreToFile(out, join(dir, 'small.db'))).rejects.toThrow(/--force/);
    client.close();
  });

  it('through npm run backup and npm run restore', { timeout: 60_000 }, async () => {
    const run = promisify(execFile);
    const tsx = join('node_modules', '.bin', 'tsx');
    const url = `file:${join(dir, 'cli.db')}`;
    const client = await openLibsql({ LIBSQL_URL: url });
    await applyMigrations(client, loadMigrations());
    client.close();
    const out = join(dir, 'cli-backup.db');
    const backedUp = await run(tsx, ['scripts/backup.ts', out], { env: { ...process.env, LIBSQL_URL: url }, timeout: 30_000 });
    expect(backedUp.stdout).toMatch(/Backed up .* integrity ok/);
    const target = `file:${join(dir, 'cli-restored.db')}`;
    const restored = await run(tsx, ['scripts/restore.ts', out], { env: { ...process.env, LIBSQL_URL: target }, timeout: 30_000 });
    expect(restored.stdout).toMatch(/Restored .* integrity ok/);
    const failed = await run(tsx, ['scripts/backup.ts', out], { env: { ...process.env, LIBSQL_URL: url }, timeout: 30_000 }).catch((e) => e);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/already exists/);
  });
});

describe('backup and restore of a libSQL server', () => {
  it('reads one snapshot of a live sqld, and restores it into an empty one in a single transaction', { timeout: 90_000 }, async () => {
    const primaryDir = mkdtempSync(join(dir, 'sqld-a-'));
    const secondDir = mkdtempSync(join(dir, 'sqld-b-'));
    const a = await startSqld(await freePort(), primaryDir);
    const b = await startSqld(await freePort(), secondDir);
    const live = createClient({ url: a.url, intMode: 'bigint' });
    const target = createClient({ url: b.url, intMode: 'bigint' });
    try {
      const member = await postingMember(createClient({ url: a.url }));
      while (member.acknowledged < 20) await new Promise((r) => setTimeout(r, 5));
      const before = member.acknowledged;
      const backup = join(dir, 'sqld-backup.db');
      const facts = await backupDatabase(live, a.url, backup);
      const after = member.acknowledged;
      await member.stop();
      expect(facts.counts.comments).toBeGreaterThanOrEqual(before);
      expect(facts.counts.comments).toBeLessThanOrEqual(after + 1);

      // A server that already ran its migrations on the empty database is filled as it is.
      await applyMigrations(target, loadMigrations());
      await restoreToServer(backup, target);
      expect(await comments(target)).toBe(facts.counts.comments);
      await expect(restoreToServer(backup, target)).rejects.toThrow(/not empty/);
    } finally {
      live.close();
      target.close();
      await stopSqld(primaryDir);
      await stopSqld(secondDir);
    }
  });
});
