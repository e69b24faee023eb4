// Writes: comment creation through the full moderation pipeline (token check, facts, rules,
// civility classifier, markdown, insert) by thousands of distinct members, then a count of
// what the database really holds: every acknowledged (201) comment must be stored.
import type { RawRequest } from 'autocannon';
import { load, round, type LoadResult } from './load';
import { measureWritePhases, PHASE_WRITES, type WritePhases } from './write-phases';
import { READ_CONNECTIONS, READ_SECONDS } from './read-throughput';
import { commentBody, memberTokens, BENCH_SITE, openTempDb, saveBenchSite, seedComments, seedThread, seedUsers } from './seed';
import { startServerProcess } from './server-process';

export const WRITE_CONNECTIONS = 20;
export const WRITE_SECONDS = 10;
const MEMBERS = 6000;
const THREADS = 10;

/** Every request comes from one loopback address, so the per-address limit goes to its maximum. */
export const WRITE_FLOODING = { perUser: 5, perIp: 10_000, windowSeconds: 60 };

export interface WriteResult {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  acknowledged: number;
  stored: number;
  lost: number;
  /** New rows no 201 was counted for: requests still in flight when the run stopped. */
  inFlightAtStop: number;
  nudged: number;
  statusCodes: Record<string, number>;
  members: number;
  flooding: typeof WRITE_FLOODING;
  /** The hello route on the same server just before the writes, and comments/s over it. */
  helloRps: number;
  ratio: number;
  /** Where one comment write's time goes, posted one at a time (see write-phases.ts). */
  phases: WritePhases;
}

export async function benchWrites(opts: { cpuProfDir?: string; log?: (s: string) => void } = {}): Promise<WriteResult> {
  const log = opts.log ?? (() => {});
  const db = await openTempDb();
  try {
    await saveBenchSite(db.client, { rules: { flooding: WRITE_FLOODING } });
    // Earlier commenters own the existing comments; the writers are members the server meets first here.
    const authors = await seedUsers(db.client, 50);
    const parents: { threadId: string; rootIds: string[] }[] = [];
    for (let t = 0; t < THREADS; t++) {
      const threadId = `write${t}`;
      await seedThread(db.client, { id: threadId, url: `https://news.bench.example/write/${t}` });
      parents.push({ threadId, rootIds: await seedComments(db.client, { threadId, total: 100, repliesPerRoot: 4, authors }) });
    }
    const seeded = Number((await db.client.execute('SELECT COUNT(*) AS n FROM comments')).rows[0].n);
    const members = Array.from({ length: MEMBERS }, (_, i) => ({ externalId: `writer-${i}`, name: `Writer ${i}` }));
    const tokens = await memberTokens(members);

    const post = (server: { url: string }, seconds: number, first: number, ids: string[], statusCodes: Record<string, number>) => {
      let n = first;
      return load({
        url: server.url,
        connections: WRITE_CONNECTIONS,
        duration: seconds,
        requests: [
          {
            method: 'POST',
            setupRequest(req: RawRequest) {
              const i = n++;
              const target = parents[i % THREADS];
              // One in four is a reply to an existing comment.
              const parentId = i % 4 === 3 ? target.rootIds[(i >> 2) % target.rootIds.length] : undefined;
              return {
                ...req,
                path: `/api/v1/sites/${BENCH_SITE}/threads/${target.threadId}/comments`,
                headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[i % MEMBERS]}`, 'idempotency-key': `bench-${i}` },
                body: JSON.stringify({ body: commentBody(1_000_000 + i), parentId }),
              };
            },
            onResponse(status: number, body: string) {
              statusCodes[status] = (statusCodes[status] ?? 0) + 1;
              if (status === 201) ids.push((JSON.parse(body) as { comment: { id: string } }).comment.id);
              else if (status === 200) nudged++;
            },
          },
        ],
      });
    };

    const server = await startServerProcess({ libsqlUrl: db.url, cpuProfDir: opts.cpuProfDir });
    const ids: string[] = [];
    const statusCodes: Record<string, number> = {};
    let nudged = 0;
    let result: LoadResult;
    let hello: LoadResult;
    try {
      // The hello route on the same server first, for the ratio (as in the read part).
      await load({ url: server.url + '/api/v1/health', connections: 10, duration: 2 });
      log(`  writes: hello ${READ_CONNECTIONS} connections ${READ_SECONDS} s…`);
      hello = await load({ url: server.url + '/api/v1/health', connections: READ_CONNECTIONS, duration: READ_SECONDS });
      log(`  writes: ${WRITE_CONNECTIONS} connections ${WRITE_SECONDS} s, ${MEMBERS} members…`);
      result = await post(server, WRITE_SECONDS, 0, ids, statusCodes);
    } finally {
      await server.stop();
    }
    let stored = 0;
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const rs = await db.client.execute({ sql: `SELECT COUNT(*) AS n FROM comments WHERE id IN (${chunk.map(() => '?').join(',')})`, args: chunk });
      stored += Number(rs.rows[0].n);
    }
    const total = Number((await db.client.execute('SELECT COUNT(*) AS n FROM comments')).rows[0].n);

    // One write at a time, timed phase by phase, by members the measured run did not reach
    // (the flooding limit is per member), once that server has stopped.
    log(`  writes: ${PHASE_WRITES} more one at a time, in process, timed by phase…`);
    const phases = await measureWritePhases(
      db.client,
      Array.from({ length: PHASE_WRITES }, (_, k) => {
        const i = MEMBERS / 2 + k;
        const target = parents[i % THREADS];
        const parentId = i % 4 === 3 ? target.rootIds[(i >> 2) % target.rootIds.length] : undefined;
        return {
          path: `/api/v1/sites/${BENCH_SITE}/threads/${target.threadId}/comments`,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[i]}`, 'idempotency-key': `bench-phase-${i}` },
          body: JSON.stringify({ body: commentBody(1_000_000 + i), parentId }),
        };
      }),
    );
    const rps = Math.round((ids.length / result.requests) * result.rps);
    return {
      rps,
      helloRps: hello.rps,
      ratio: round(rps / hello.rps, 3),
      p50Ms: result.p50Ms,
      p99Ms: result.p99Ms,
      acknowledged: ids.length,
      stored,
      lost: ids.length - stored,
      inFlightAtStop: total - seeded - stored,
      nudged,
      statusCodes,
      members: MEMBERS,
      flooding: WRITE_FLOODING,
      phases,
    };
  } finally {
    db.dispose();
  }
}
