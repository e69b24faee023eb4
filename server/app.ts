// Parley's HTTP API, built the same way for Node, Workers and tests. Runtime-neutral: no
// node:*, no cloudflare:*, no database client here; everything outside comes in through deps.
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from './env';
import type { Store } from './store/port';
import type { ServiceDeps } from './services/deps';
import type { MailConfig } from './services/mail/mailer';
import type { Compressor } from './cache/encodings';
import { sharedPages } from './cache/shared-pages';
import { newId } from './services/ids';
import { createTokenVerifier, type TokenVerifier } from './services/identity/verify-token';
import { AppError } from './services/errors';
import { errorHandler, errorJson } from './middleware/errors';
import { siteResolver } from './middleware/site';
import { siteCors } from './middleware/site/cors';
import { memberAuth, refuseRefusedTokens } from './middleware/auth';
import { writeLimits } from './middleware/rate-limit';
import { baseHeaders, privateWhenAuthenticated } from './middleware/headers';
import { publicRoutes, threadReadRoutes } from './routes/public';
import { memberRoutes } from './routes/member';
import { siteApiRoutes } from './routes/site-api';
import { moderatorRoutes } from './routes/moderator';
import { dashboardPage } from './routes/dashboard-page';
import { mailRoutes } from './routes/mail';
import { ctaEventRoutes } from './routes/cta-events';
import { openApiRoutes } from './routes/openapi';
import { noResponseCache, type ResponseCache } from './cache/response-cache';
import { withLastKnownSites } from './cache/last-known-sites';
import { guardedFetch, type OutboundFetch } from './services/outbound/guarded-fetch';
import { idempotentWrite, replayAnswered, writeDeadline } from './middleware/idempotency';
import { memberSender, type WriteOnce } from './routes/write-deps';
import { REMOTE_READ_TIMEOUT_MS } from './store/libsql/db';

export interface AppDeps {
  store: Store;
  now?: () => number;
  newId?: () => string;
  verifier?: TokenVerifier;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
  siteCacheTtlMs?: number;
  /** How this runtime learns the client's address (Node: the socket; Workers: CF-Connecting-IP). */
  clientAddress?: (c: Context) => string | null;
  /** Salt for hashing client addresses; random per process when not given. */
  ipSalt?: string;
  /** The runtime's fetch, for outbound requests on a site's behalf (vetted: see services/outbound). */
  fetch?: (url: string, init?: RequestInit) => Promise<Response>;
  /** A runtime's own vetted outbound requests, checking addresses at connect time (Node). */
  outbound?: OutboundFetch;
  /** Lets sites opt into private addresses for their scorer (Node only; never on Workers). */
  privateNetworkAllowed?: boolean;
  /** How mail goes out (SMTP on Node, an HTTP mail API on Workers); none by default. */
  mail?: MailConfig;
  log?: (message: string, error: unknown) => void;
  /** Where finished guest thread reads are kept (Workers: the Cache API; Node: memory). None by default. */
  responseCache?: ResponseCache;
  /** How long a guest thread read is answered from memory without a database lookup (default 0). */
  guestRevalidateMs?: number;
  /** Most bytes those in-memory guest responses may hold (see ThreadReadsOptions). */
  guestRecentMaxBytes?: number;
  /** Compresses guest thread pages for readers who accept brotli or gzip (Node: zlib; Workers: none, the edge compresses). */
  compressor?: Compressor;
  /** Memory for thread pages' shared rows, which members' pages are made from (default 16 MiB; 0: none). */
  sharedPagesMaxBytes?: number;
  /** Shared by apps that should log database incidents as one (default: this app's own log). */
  reportIncident?: (kind: string, error: unknown) => void;
  /** How long a write may take before the client is answered 503 (default: the bounded wait of reads). */
  writeDeadlineMs?: number;
}

/** What services get from the app's deps, defaults filled in; also what the outbox dispatcher runs on. */
export function serviceDeps(deps: AppDeps): ServiceDeps {
  return {
    store: deps.store,
    now: deps.now ?? Date.now,
    newId: deps.newId ?? newId,
    ipSalt: deps.ipSalt ?? newId() + newId(),
    outbound: deps.outbound ?? guardedFetch(deps.fetch ?? ((url, init) => fetch(url, init))),
    privateNetworkAllowed: deps.privateNetworkAllowed ?? false,
    mail: deps.mail,
    sharedPages: deps.sharedPagesMaxBytes === 0 ? undefined : sharedPages(deps.sharedPagesMaxBytes),
  };
}

export function createApp(deps: AppDeps) {
  const store = withLastKnownSites(deps.store);
  const services: ServiceDeps = { ...serviceDeps(deps), store };
  const clientAddress = deps.clientAddress ?? (() => null);
  const verifier = deps.verifier ?? createTokenVerifier();
  const readerAuth = { verifier, now: services.now, deps: services };
  const writeOnce: WriteOnce = (sender) => idempotentWrite({ store, now: services.now, sender });
  // A retry of a member write that already has its answer gets it before the write limits count it.
  const replayMemberWrites = replayAnswered({ store, now: services.now, sender: memberSender });

  const site = new Hono<AppEnv>()
    .use(writeDeadline(deps.writeDeadlineMs ?? REMOTE_READ_TIMEOUT_MS))
    .use(async function rememberClientAddress(c, next) {
      c.set('clientAddress', clientAddress(c));
      await next();
    })
    .use(siteResolver({ store, now: services.now, ttlMs: deps.siteCacheTtlMs }))
    .use(siteCors())
    .use(
      bodyLimit({
        maxSize: deps.maxBodyBytes ?? 64 * 1024,
        onError: () => {
          throw new AppError('payload_too_large', 'The request body is too large');
        },
      }),
    )
    .route('/admin', siteApiRoutes(services, writeOnce))
    // The widget's beacons carry the reader's token in their body, and verify it themselves.
    .route('/', ctaEventRoutes(services, readerAuth))
    .use(memberAuth(readerAuth))
    // Reading a thread with a refused token answers the guest view saying so (viewer.session);
    // every route below answers such a token 401 with its code.
    .route('/', threadReadRoutes(services, {
        cache: deps.responseCache ?? noResponseCache,
        guestRevalidateMs: deps.guestRevalidateMs,
        recentMaxBytes: deps.guestRecentMaxBytes,
        compressor: deps.compressor,
      }))
    .use(refuseRefusedTokens())
    .use('/threads/*', replayMemberWrites, writeLimits(services))
    .use('/comments/*', replayMemberWrites, writeLimits(services))
    // A preview costs a render like a post: it counts against the same write limits.
    .use('/preview', writeLimits(services))
    .use('/me/*', writeLimits(services))
    .use('/mail/*', writeLimits(services))
    .route('/moderation', moderatorRoutes(services, writeOnce))
    .route('/', publicRoutes(services))
    .route('/', memberRoutes(services, writeOnce))
    .route('/', mailRoutes(services));

  return new Hono<AppEnv>()
    .use(baseHeaders())
    .use('/api/*', privateWhenAuthenticated())
    .get('/api/v1/health', (c) => c.json({ ok: true }))
    .get('/moderate', dashboardPage)
    // Outside /api/v1/sites/:siteId, so no site is looked for.
    .route('/', openApiRoutes())
    .route('/api/v1/sites/:siteId', site)
    .notFound((c) => errorJson(c, 'not_found', `No route for ${c.req.method} ${new URL(c.req.url).pathname}`))
    .onError(errorHandler({ log: deps.log, now: services.now, reportIncident: deps.reportIncident }));
}

export type ParleyApp = ReturnType<typeof createApp>;
