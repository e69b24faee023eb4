// Read throughput: the thread-page endpoint (50 top-level comments with their replies, from a
// 1,000-comment thread) next to the hello route, same server process, same run: guests, guests
// asking for brotli and gzip, and signed-in members (a pool of tokens taken in turn).
import { request } from 'node:http';
import type { RawRequest } from 'autocannon';
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
  /** Distinct members whose tokens the member load takes in turn. */
  memberTokens: number;
  memberRatio: number;
  /** Guests sending `Accept-Encoding: br` / `gzip`: what comes back, and how fast. */
  encodings: Record<'identity' | 'br' | 'gzip', EncodedRead>;
  commentsPerPage: number;
  non2xx: number;
}

export interface EncodedRead {
  /** The Content-Encoding the server answered with (null: none, the body is sent as it is). */
  contentEncoding: string | null;
  bytesPerResponse: number;
  rps: number;
  p99Ms: number;
  ratio: number;
}

export const READ_CONNECTIONS = 50;
export const MEMBER_TOKENS = 50;
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
      log(`  read: thread page as ${MEMBER_TOKENS} signed-in members in turn, ${READ_CONNECTIONS} connections ${READ_SECONDS} s…`);
      const tokens = await memberTokens(users.slice(0, MEMBER_TOKENS));
      // A refused token would still be answered 200, as a guest told why: make sure these are members' pages.
      const signedIn = await fetch(server.url + pagePath, { headers: { authorization: `Bearer ${tokens[1]}` } });
      const signedInPage = (await signedIn.json()) as { session?: unknown };
      if (!signedIn.ok || signedInPage.session !== undefined || !/private/.test(signedIn.headers.get('cache-control') ?? '')) {
        throw new Error(`A member's read was not answered as a member's page (${signedIn.status}, ${signedIn.headers.get('cache-control')})`);
      }
      let next = 0;
      const member = await load({
        url: server.url,
        connections: READ_CONNECTIONS,
        duration: READ_SECONDS,
        requests: [
          {
            method: 'GET',
            setupRequest: (req: RawRequest) => ({ ...req, path: pagePath, headers: { authorization: `Bearer ${tokens[next++ % tokens.length]}` } }),
          },
        ],
      });
      const encodings: Partial<Record<keyof ReadResult['encodings'], EncodedRead & { run: LoadResult }>> = {
        identity: await encodedRead(server.url + pagePath, 'identity', thread, hello),
      };
      for (const encoding of ['br', 'gzip'] as const) {
        log(`  read: thread page, guests sending Accept-Encoding: ${encoding}, ${READ_CONNECTIONS} connections ${READ_SECONDS} s…`);
        const run = await load({ url: server.url + pagePath, connections: READ_CONNECTIONS, duration: READ_SECONDS, headers: { 'accept-encoding': encoding } });
        encodings[encoding] = await encodedRead(server.url + pagePath, encoding, run, hello);
      }
      const runs = [thread, hello, member, encodings.br!.run, encodings.gzip!.run];
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
        memberTokens: tokens.length,
        memberRatio: round(member.rps / hello.rps, 3),
        encodings: Object.fromEntries(Object.entries(encodings).map(([k, { run: _, ...e }]) => [k, e])) as ReadResult['encodings'],
        commentsPerPage: page.comments.length,
        non2xx: runs.reduce((sum, r) => sum + r.non2xx + r.errors, 0),
      };
    } finally {
      await server.stop();
    }
  } finally {
    db.dispose();
  }
}

/** One response's bytes on the wire as the server sends them (fetch would decode them), beside a load's figures. */
async function encodedRead(url: string, encoding: string, run: LoadResult, hello: LoadResult): Promise<EncodedRead & { run: LoadResult }> {
  const { contentEncoding, bytes } = await new Promise<{ contentEncoding: string | null; bytes: number }>((resolve, reject) => {
    const req = request(url, { headers: { 'accept-encoding': encoding } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => void (bytes += chunk.length));
      res.on('end', () => resolve({ contentEncoding: (res.headers['content-encoding'] as string | undefined) ?? null, bytes }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
  return { contentEncoding, bytesPerResponse: bytes, rps: run.rps, p99Ms: run.p99Ms, ratio: round(run.rps / hello.rps, 3), run };
}
