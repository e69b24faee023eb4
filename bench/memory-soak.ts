// Memory under junk query strings: one large thread page (about 1.4 MB) asked for under 400
// distinct junk query strings, three times over, against the Node runtime. Its resident memory
// should stay flat: the cache keys on what changes the page and is bounded in bytes.
import { readFileSync } from 'node:fs';
import { round } from './load';
import { BENCH_SITE, openTempDb, saveBenchSite, seedComments, seedThread, seedUsers } from './seed';
import { startServerProcess } from './server-process';

export interface MemoryResult {
  pageBytes: number;
  requests: number;
  rssBeforeMiB: number;
  /** After each round of 400 junk query strings. */
  rssAfterRoundsMiB: number[];
  non2xx: number;
}

const JUNK_QUERIES = 400;
const ROUNDS = 3;
const PARALLEL = 8;

const rssMiB = (pid: number) => {
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);
  return round(kb / 1024, 1);
};

export async function benchMemory(opts: { log?: (s: string) => void } = {}): Promise<MemoryResult> {
  const log = opts.log ?? (() => {});
  const db = await openTempDb();
  try {
    await saveBenchSite(db.client);
    const users = await seedUsers(db.client, 50);
    const threadId = 'mem1k';
    await seedThread(db.client, { id: threadId, url: 'https://news.bench.example/memory/1k' });
    await seedComments(db.client, { threadId, total: 1000, repliesPerRoot: 4, authors: users });
    // Long comments, so one page of 250 is about 1.4 MB, as on the page that exposed the problem.
    const long = 'A long and considered comment about the budget, with figures and sources. '.repeat(70);
    await db.client.execute({ sql: 'UPDATE comments SET body_src = ?, body_html = ?', args: [long, `<p>${long}</p>`] });
    const server = await startServerProcess({ libsqlUrl: db.url });
    try {
      const path = `${server.url}/api/v1/sites/${BENCH_SITE}/threads/${threadId}/comments?sort=newest&limit=50`;
      const first = await fetch(path);
      const pageBytes = (await first.arrayBuffer()).byteLength;
      const rssBeforeMiB = rssMiB(server.pid);
      const rssAfterRoundsMiB: number[] = [];
      let non2xx = 0;
      let requests = 0;
      for (let round = 0; round < ROUNDS; round++) {
        log(`  memory: round ${round + 1}, ${JUNK_QUERIES} junk query strings…`);
        for (let i = 0; i < JUNK_QUERIES; i += PARALLEL) {
          const batch = Array.from({ length: PARALLEL }, (_, k) => fetch(`${path}&utm_junk=${round}-${i + k}-${'z'.repeat(40)}`).then(async (r) => {
            await r.arrayBuffer();
            if (!r.ok) non2xx++;
          }));
          await Promise.all(batch);
          requests += PARALLEL;
        }
        rssAfterRoundsMiB.push(rssMiB(server.pid));
      }
      return { pageBytes, requests, rssBeforeMiB, rssAfterRoundsMiB, non2xx };
    } finally {
      await server.stop();
    }
  } finally {
    db.dispose();
  }
}
