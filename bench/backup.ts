// Backup under load: a database of about 150 MB while members post 100 comments a second to the
// Node runtime; `backupDatabase` (what `npm run backup` runs) takes its verified copy meanwhile.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { backupDatabase } from '../scripts/backup/backup-database';
import { openLibsql } from '../server/runtime/libsql-client';
import { round } from './load';
import { BENCH_SITE, commentBody, memberTokens, openTempDb, saveBenchSite, seedComments, seedThread, seedUsers } from './seed';
import { startServerProcess } from './server-process';

export interface BackupResult {
  databaseMB: number;
  writesPerSecond: number;
  seconds: number;
  backupMB: number;
  rows: number;
  /** Posts answered other than 201 while the backup ran. */
  failedWrites: number;
}

const RATE = 100;
const COMMENTS = 100_000;

export async function benchBackup(opts: { log?: (s: string) => void } = {}): Promise<BackupResult> {
  const log = opts.log ?? (() => {});
  const db = await openTempDb('parley-bench-backup-');
  try {
    await saveBenchSite(db.client, { rules: { flooding: { perUser: 50, perIp: 10_000, windowSeconds: 60 } } });
    const users = await seedUsers(db.client, 500);
    log(`  backup: seeding ${COMMENTS} comments…`);
    for (let t = 0; t < 10; t++) {
      await seedThread(db.client, { id: `big${t}`, url: `https://news.bench.example/big/${t}` });
      await seedComments(db.client, { threadId: `big${t}`, total: COMMENTS / 10, repliesPerRoot: 4, authors: users });
    }
    const long = 'A long and considered comment about the budget, with figures and sources. '.repeat(6);
    await db.client.execute({ sql: 'UPDATE comments SET body_src = ?, body_html = ?', args: [long, `<p>${long}</p>`] });
    await db.client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
    const databaseMB = round(statSync(join(db.dir, 'parley.db')).size / 1e6, 1);
    const tokens = await memberTokens(Array.from({ length: 200 }, (_, i) => ({ externalId: `poster-${i}`, name: `Poster ${i}` })));
    const server = await startServerProcess({ libsqlUrl: db.url });
    let failedWrites = 0;
    let running = true;
    let n = 0;
    // A steady 100 posts a second, each on its own timer tick, for as long as the backup takes.
    const poster = (async () => {
      const started = Date.now();
      const pending: Promise<void>[] = [];
      while (running) {
        const i = n++;
        pending.push(
          fetch(`${server.url}/api/v1/sites/${BENCH_SITE}/threads/big${i % 10}/comments`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[i % tokens.length]}` },
            body: JSON.stringify({ body: commentBody(2_000_000 + i) }),
          }).then(async (r) => {
            await r.arrayBuffer();
            if (r.status !== 201 && r.status !== 200) failedWrites++;
          }),
        );
        const due = started + (n * 1000) / RATE;
        await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now())));
      }
      await Promise.all(pending);
    })();
    try {
      await new Promise((r) => setTimeout(r, 2000));
      log(`  backup: ${databaseMB} MB database, ${RATE} writes/s, backing up…`);
      const source = await openLibsql({ LIBSQL_URL: db.url });
      const out = join(db.dir, 'backup.db');
      const started = Date.now();
      const facts = await backupDatabase(source, db.url, out);
      const seconds = round((Date.now() - started) / 1000, 2);
      source.close();
      running = false;
      await poster;
      return {
        databaseMB,
        writesPerSecond: RATE,
        seconds,
        backupMB: round(statSync(out).size / 1e6, 1),
        rows: Object.values(facts.counts).reduce((a, b) => a + b, 0),
        failedWrites,
      };
    } finally {
      running = false;
      await server.stop();
    }
  } finally {
    db.dispose();
  }
}
