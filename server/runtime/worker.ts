// Parley on Cloudflare Workers: the API and /moderate from createApp, against a libSQL server
// (Turso or sqld) over HTTP. The widget's files (/embed.js, /app.js, /count.js, /moderate.js) are
// served by Workers static assets before this code runs (see wrangler.toml).
//   secrets: LIBSQL_URL, LIBSQL_AUTH_TOKEN, PARLEY_IP_SALT (keeps address hashes comparable across isolates),
//   MAIL_HTTP_URL + MAIL_HTTP_KEY + MAIL_FROM + PUBLIC_URL to send mail (Workers cannot speak SMTP)
// Migrations are applied from Node: LIBSQL_URL=… LIBSQL_AUTH_TOKEN=… npm run migrate
import * as z from 'zod/mini';
import type { ExecutionContext } from 'hono';
import { createApp, serviceDeps, type ParleyApp } from '../app';
import { dispatchOnce, sentIn, sweepOutbox } from '../services/events/dispatch';
import { createLibsqlStore } from '../store/libsql';
import type { Store } from '../store/port';
import type { ResponseCache } from '../cache/response-cache';
import { withLastKnownSites } from '../cache/last-known-sites';
import { createTokenVerifier, type TokenVerifier } from '../services/identity/verify-token';
import { newId } from '../services/ids';
import { clientPerCall } from './worker-libsql';
import { incidentLog } from '../middleware/errors';
import { httpMailer, type MailConfig } from '../services/mail/mailer';
import { mailPass } from '../services/mail/mail-pass';

const WorkerEnv = z.object({
  LIBSQL_URL: z.string().check(z.minLength(1)),
  LIBSQL_AUTH_TOKEN: z.optional(z.string()),
  PARLEY_IP_SALT: z.optional(z.string().check(z.minLength(16))),
  // Test hook: with PARLEY_TEST_CLOCK = "1" the worker takes "now" from each request's
  // X-Parley-Test-Now header (milliseconds since the epoch), so tests can move time. wrangler.toml
  // never sets it; without it the header is ignored and the clock is the real one.
  PARLEY_TEST_CLOCK: z.optional(z.string()),
  /** Attempts before a webhook delivery is dead-lettered. */
  WEBHOOK_MAX_ATTEMPTS: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(50)), 8),
  /** An HTTP mail API (see services/mail/mailer.ts) and its key; without them no mail is sent. */
  MAIL_HTTP_URL: z.optional(z.string().check(z.regex(/^https:\/\//, 'must be an https URL'))),
  MAIL_HTTP_KEY: z.optional(z.string()),
  MAIL_FROM: z.optional(z.string().check(z.email())),
  /** This worker's public address, for the links in mail. */
  PUBLIC_URL: z.optional(z.string().check(z.regex(/^https?:\/\//, 'must be an http(s) URL'))),
});
type WorkerEnv = z.infer<typeof WorkerEnv>;

const TEST_NOW_HEADER = 'X-Parley-Test-Now';

/** What one isolate builds once: parsing env, the client, the store and caches outlive requests. */
interface Isolate {
  env: WorkerEnv;
  store: Store;
  verifier: TokenVerifier;
  responseCache: ResponseCache;
  ipSalt: string;
  /** One incident log for the isolate, also across the per-request apps of the test clock. */
  reportIncident: (kind: string, error: unknown) => void;
  mail?: MailConfig;
  app: ParleyApp;
}

let isolate: Isolate | undefined;

function setUp(rawEnv: Record<string, unknown>): Isolate {
  const parsed = WorkerEnv.safeParse(rawEnv);
  if (!parsed.success) {
    throw new Error('Invalid worker environment: ' + parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  }
  const env = parsed.data;
  // Only plain data (env, parsed sites, kept responses) is shared between requests; every query
  // and write is made by, and awaited in, the request it belongs to (see worker-libsql.ts, db.ts).
  const client = clientPerCall({ url: env.LIBSQL_URL, authToken: env.LIBSQL_AUTH_TOKEN });
  const store = withLastKnownSites(createLibsqlStore(client, { groupCommit: false }));
  const verifier = createTokenVerifier();
  const responseCache = cacheApiResponseCache();
  const ipSalt = env.PARLEY_IP_SALT ?? newId() + newId();
  const reportIncident = incidentLog({ log: (message, error) => console.error(message, error), now: Date.now });
  const mail = mailConfig(env);
  const built = { env, store, verifier, responseCache, ipSalt, reportIncident, mail };
  return { ...built, app: appFor(built, Date.now) };
}

/** Mail goes out only when all of its settings are there: a half-configured mailer fails loudly at start. */
function mailConfig(env: WorkerEnv): MailConfig | undefined {
  const { MAIL_HTTP_URL: url, MAIL_HTTP_KEY: key, MAIL_FROM: from, PUBLIC_URL: publicUrl } = env;
  if (!url) return undefined;
  if (!key || !from || !publicUrl) throw new Error('Invalid worker environment: MAIL_HTTP_URL needs MAIL_HTTP_KEY, MAIL_FROM and PUBLIC_URL');
  return { mailer: httpMailer(url, key), from, publicUrl };
}

function appFor(i: Omit<Isolate, 'app'>, now: () => number): ParleyApp {
  return createApp({
    store: i.store,
    verifier: i.verifier,
    responseCache: i.responseCache,
    // Guests' repeat reads within a second are answered from the isolate's memory.
    guestRevalidateMs: 1000,
    ipSalt: i.ipSalt,
    reportIncident: i.reportIncident,
    now,
    clientAddress: (c) => c.req.header('CF-Connecting-IP') ?? null,
    mail: i.mail,
  });
}

/** Guest thread reads in the colo's cache. Keys are strings; the Cache API wants URLs. */
function cacheApiResponseCache(): ResponseCache {
  const cache = (caches as unknown as { default: Cache }).default;
  const url = (key: string) => `https://parley-cache.invalid/${encodeURIComponent(key)}`;
  return {
    async match(key) {
      return (await cache.match(url(key))) ?? null;
    },
    async put(key, response, ttlSeconds) {
      const stored = new Response(response.body, response);
      stored.headers.set('Cache-Control', `public, max-age=${ttlSeconds}`);
      await cache.put(url(key), stored);
    },
  };
}

/**
 * A Cron Trigger's run (or a Queue batch's): passes of the outbox dispatcher until nothing is due
 * or its time is up. The cron run also sweeps, once an hour, and mails.
 */
async function dispatchScheduled(i: Omit<Isolate, 'app'>, from: 'cron' | 'queue' = 'cron'): Promise<void> {
  const deps = serviceDeps({ store: i.store, ipSalt: i.ipSalt, mail: i.mail });
  const until = Date.now() + DISPATCH_BUDGET_MS;
  // Once an hour, the first run of the hour.
  if (from === 'cron' && new Date().getUTCMinutes() === 0) await sweepOutbox(deps);
  while (Date.now() < until && (await deps.store.hasDispatchWork(Date.now()))) {
    const report = await dispatchOnce(deps, { maxAttempts: i.env.WEBHOOK_MAX_ATTEMPTS });
    if (sentIn(report) === 0 && report.fannedOut === 0) break;
  }
  // Mail once a minute, after the events of the minute were fanned out (which makes the notices).
  if (from === 'cron' && deps.mail) await mailPass(deps, { dispatch: { maxAttempts: i.env.WEBHOOK_MAX_ATTEMPTS } });
}

/** The optional Queue binding (wrangler.toml): a write wakes the dispatcher at once instead of at the next minute. */
interface WakeQueue {
  send(body: unknown): Promise<void>;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** After an acknowledged write, one message on the queue: its consumer runs a dispatcher pass. */
function wakeDispatcher(request: Request, response: Response, rawEnv: Record<string, unknown>, ctx: ExecutionContext): Response {
  const queue = rawEnv.OUTBOX_QUEUE as WakeQueue | undefined;
  if (queue && WRITES.has(request.method) && response.status < 300)
    ctx.waitUntil(queue.send({ wake: true }).catch((error) => console.error('Outbox queue:', error)));
  return response;
}

// Well inside a Cron Trigger's limits, and less than the minute until the next one.
const DISPATCH_BUDGET_MS = 25_000;

export default {
  scheduled(_controller: unknown, rawEnv: Record<string, unknown>, ctx: ExecutionContext): void {
    isolate ??= setUp(rawEnv);
    ctx.waitUntil(dispatchScheduled(isolate).catch((error) => console.error('Outbox dispatcher:', error)));
  },
  // Messages say only "there is work": however many arrive in a batch, one run handles them all.
  queue(batch: { ackAll(): void }, rawEnv: Record<string, unknown>, ctx: ExecutionContext): void {
    isolate ??= setUp(rawEnv);
    ctx.waitUntil(
      dispatchScheduled(isolate, 'queue').then(
        () => batch.ackAll(),
        (error) => console.error('Outbox dispatcher (queue):', error),
      ),
    );
  },
  async fetch(request: Request, rawEnv: Record<string, unknown>, ctx: ExecutionContext): Promise<Response> {
    isolate ??= setUp(rawEnv);
    const testNow = isolate.env.PARLEY_TEST_CLOCK === '1' ? Number(request.headers.get(TEST_NOW_HEADER)) : NaN;
    // A test request carries its own clock, so it gets an app of its own (sharing the isolate's store).
    const app = Number.isFinite(testNow) && testNow > 0 ? appFor(isolate, () => testNow) : isolate.app;
    return wakeDispatcher(request, await app.fetch(request, rawEnv, ctx), rawEnv, ctx);
  },
};
