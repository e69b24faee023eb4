// Read throughput: the thread-page endpoint (50 top-level comments with their replies, from a
// 1,000-comment thread) next to the hello route, same server process, same run.
import { load, round, type LoadResult } from './load';
import { BENCH_SITE, memberTokens, openTempDb, saveBenchSite, seedComments, seedThread, seedUsers } from './seed';
import { startServerProcess } from './server-process';

export interface ReadResult {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  helloRps: number;
  helloP50Ms: number;
  helloP99Ms: number;
  ratio: number;
  /** The same page for a signed-in member: private, so built for every request whatever the runtime caches. */
  memberRps: number;
  memberP99Ms: number;
  commentsPerPage: number;
  non2xx: number;
}

export const READ_CONNECTIONS = 50;
export const READ_SECONDS = 10;

export async function benchRead(opts: { cpuProfDir?: string; log?: (s: string) => void } = {}): Promise<ReadResult> {
  const log = opts.log ?? (() => {});
  const db = await openTempDb();
  try {
    await saveBenchSite(db.client);
    const users = await seedUsers(db.client, 200);
    const threadId = 'read1k';
    await seedThread(db.client, { id: threadId, url: 'https://news.bench.example/read/1k' });
    // 200 top-level comments with 4 replies each.
    await seedComments(db.client, { threadId, total: 1000, repliesPerRoot: 4, authors: users });
    const server = await startServerProcess({ libsqlUrl: db.url, cpuProfDir: opts.cpuProfDir });
    try {
      const pagePath = `/api/v1/sites/${BENCH_SITE}/threads/${threadId}/comments?sort=newest&limit=50`;
      const page = (await (await fetch(server.url + pagePath)).json()) as { comments: unknown[] };
      if (!Array.isArray(page.comments) || page.comments.length !== 250) {
        throw new Error(`The thread page carried ${page.comments?.length} comments, expected 250`);
      }
      // Short warm-ups so both routes run on optimised code.
      await load({ url: server.url + '/api/v1/health', connections: 10, duration: 2 });
      await load({ url: server.url + pagePath, connections: 10, duration: 2 });
      log(`  read: hello ${READ_CONNECTIONS} connections ${READ_SECONDS} s…`);
      const hello = await load({ url: server.url + '/api/v1/health', connections: READ_CONNECTIONS, duration: READ_SECONDS });
      log(`  read: thread page ${READ_CONNECTIONS} connections ${READ_SECONDS} s…`);
      const thread: LoadResult = await load({ url: server.url + pagePath, connections: READ_CONNECTIONS, duration: READ_SECONDS });
      log(`  read: thread page as a signed-in member ${READ_CONNECTIONS} connections ${READ_SECONDS} s…`);
      const [token] = await memberTokens([users[0]]);
      const member = await load({
        url: server.url + pagePath,
        connections: READ_CONNECTIONS,
        duration: READ_SECONDS,
        headers: { authorization: `Bearer ${token}` },
      });
      return {
        rps: thread.rps,
        p50Ms: thread.p50Ms,
        p99Ms: thread.p99Ms,
        helloRps: hello.rps,
        helloP50Ms: hello.p50Ms,
        helloP99Ms: hello.p99Ms,
        ratio: round(thread.rps / hello.rps, 3),
        memberRps: member.rps,
        memberP99Ms: member.p99Ms,
        commentsPerPage: page.comments.length,
        non2xx: thread.non2xx + thread.errors + hello.non2xx + hello.errors + member.non2xx + member.errors,
      };
    } finally {
      await server.stop();
    }
  } finally {
    db.dispose();
  }
}
