// Scale: thread-page latency as a thread grows (100, 10,000 and 100,000 comments; same server,
// three threads), median of sequential requests, plus the query plans of the page's queries.
import type { Client, InStatement, ResultSet } from '@libsql/client';
import type { Db } from '../server/store/libsql/db';
import { listReplies, listTopLevel } from '../server/store/libsql/comments';
import { median, round } from './load';
import { BENCH_SITE, openTempDb, saveBenchSite, seedComments, seedThread, seedUsers } from './seed';
import { startServerProcess } from './server-process';

export const SCALE_SIZES = [100, 10_000, 100_000] as const;
export const SCALE_REQUESTS = 200;
const REPLIES_PER_ROOT = 4;
const pageSizes = new Map<string, number>();

export interface ScaleResult {
  p100Ms: number;
  p10kMs: number;
  p100kMs: number;
  ratio100kTo100: number;
  /** Same page size (50 top-level comments with their replies): how much thread size alone costs. */
  ratio100kTo10k: number;
  commentsPerPage: Record<string, number>;
  queryPlan: { topLevel: { sql: string; plan: string[] }; replies: { sql: string; plan: string[] } };
}

/** The exact SQL a store function sends, caught by a Db that records instead of running. */
async function captureSql(run: (db: Db) => Promise<unknown>): Promise<InStatement & { sql: string; args: unknown[] }> {
  let caught: InStatement | undefined;
  const recorder: Db = {
    read: async (stmt) => {
      caught = stmt;
      return { rows: [], columns: [], columnTypes: [], rowsAffected: 0, lastInsertRowid: undefined, toJSON: () => ({}) } as ResultSet;
    },
    write: async () => [],
  };
  await run(recorder);
  if (!caught || typeof caught === 'string') throw new Error('No statement was captured');
  return caught as InStatement & { sql: string; args: unknown[] };
}

async function explain(client: Client, stmt: InStatement & { sql: string }) {
  const rs = await client.execute({ sql: `EXPLAIN QUERY PLAN ${stmt.sql}`, args: (stmt as unknown as { args: never[] }).args });
  return { sql: stmt.sql.replace(/\s+/g, ' ').trim(), plan: rs.rows.map((r) => String(r.detail)) };
}

async function sequentialMedian(url: string, count: number): Promise<number> {
  const first = (await (await fetch(url)).json()) as { comments: unknown[] };
  pageSizes.set(url, first.comments.length);
  for (let i = 0; i < 20; i++) await (await fetch(url)).arrayBuffer();
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    const res = await fetch(url);
    await res.arrayBuffer();
    times.push(performance.now() - start);
    if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  }
  return round(median(times), 2);
}

export async function benchScale(opts: { log?: (s: string) => void } = {}): Promise<ScaleResult> {
  const log = opts.log ?? (() => {});
  const db = await openTempDb();
  try {
    await saveBenchSite(db.client);
    const users = await seedUsers(db.client, 2000);
    const roots: Record<number, string[]> = {};
    for (const size of SCALE_SIZES) {
      const threadId = `scale${size}`;
      log(`  scale: seeding ${size.toLocaleString('en')} comments…`);
      await seedThread(db.client, { id: threadId, url: `https://news.bench.example/scale/${size}` });
      roots[size] = await seedComments(db.client, { threadId, total: size, repliesPerRoot: REPLIES_PER_ROOT, authors: users, hiddenShare: 0.03 });
    }
    const biggest = SCALE_SIZES[SCALE_SIZES.length - 1];
    const pageRoots = roots[biggest].slice(-50).reverse();
    const queryPlan = {
      topLevel: await explain(db.client, await captureSql((d) => listTopLevel(d, { threadId: `scale${biggest}`, sort: 'newest', after: null, limit: 51 }))),
      replies: await explain(db.client, await captureSql((d) => listReplies(d, `scale${biggest}`, pageRoots))),
    };
    const server = await startServerProcess({ libsqlUrl: db.url });
    try {
      const medians: number[] = [];
      const commentsPerPage: Record<string, number> = {};
      for (const size of SCALE_SIZES) {
        log(`  scale: ${SCALE_REQUESTS} sequential pages of the ${size.toLocaleString('en')}-comment thread…`);
        const url = `${server.url}/api/v1/sites/${BENCH_SITE}/threads/scale${size}/comments?sort=newest&limit=50`;
        medians.push(await sequentialMedian(url, SCALE_REQUESTS));
        commentsPerPage[size] = pageSizes.get(url) ?? 0;
      }
      const [p100Ms, p10kMs, p100kMs] = medians;
      return {
        p100Ms,
        p10kMs,
        p100kMs,
        ratio100kTo100: round(p100kMs / p100Ms, 2),
        ratio100kTo10k: round(p100kMs / p10kMs, 2),
        commentsPerPage,
        queryPlan,
      };
    } finally {
      await server.stop();
    }
  } finally {
    db.dispose();
  }
}
