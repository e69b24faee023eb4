// Parley on Node: reads env once, opens libSQL (embedded file by default), applies migrations,
// and serves the API plus the widget's static files on one port.
//   npx tsx server/runtime/node.ts      (env: PORT, HOST, LIBSQL_URL, LIBSQL_AUTH_TOKEN, LIBSQL_SYNC_URL)
import { serve, type ServerType } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono } from 'hono';
import { fileURLToPath } from 'node:url';
import { join, relative } from 'node:path';
import * as z from 'zod/mini';
import type { Client } from '@libsql/client';
import { createApp, serviceDeps, type AppDeps } from '../app';
import { startDispatcherLoop } from '../services/events/dispatcher-loop';
import { hostname } from 'node:os';
import { memoryResponseCache } from '../cache/response-cache';
import { applyMigrations, createLibsqlStore } from '../store/libsql';
import type { Store } from '../store/port';
import { loadMigrations } from './load-migrations';
import { nodeOutbound } from './node-outbound';
import { smtpMailer } from './smtp-mailer';
import { packageRoot } from './package-root';
import { nodeCompressor } from './node-compress';
import { httpMailer } from '../services/mail/mailer';
import { clientAddressFrom, parseTrustProxy } from './client-address';
import { DatabaseEnv, openLibsql } from './libsql-client';

const ServerEnv = z.extend(DatabaseEnv, {
  PORT: z._default(z.coerce.number().check(z.int(), z.gte(0), z.lte(65535)), 3000),
  HOST: z._default(z.string(), '127.0.0.1'),
  /** Whose word to take for the client's address: see client-address.ts and the README. */
  TRUST_PROXY: z._default(z.string(), 'none'),
  /** Memory for guests' cached pages, in MiB: three quarters for the response cache, a quarter for the hot copies. */
  GUEST_CACHE_MB: z._default(z.coerce.number().check(z.gte(1), z.lte(16384)), 64),
  /** The outbox dispatcher (webhooks): on in every process by default; one of them leads at a time. */
  DISPATCH: z._default(z.enum(['on', 'off']), 'on'),
  /** How often an idle dispatcher looks for work, in ms. */
  DISPATCH_INTERVAL_MS: z._default(z.coerce.number().check(z.int(), z.gte(50), z.lte(60_000)), 500),
  /** Attempts before a webhook delivery is dead-lettered. */
  WEBHOOK_MAX_ATTEMPTS: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(50)), 8),
  /** Mail through SMTP (smtp://user:pass@host:587, smtps://…), or an HTTP mail API (MAIL_HTTP_URL + MAIL_HTTP_KEY); neither: no mail. */
  SMTP_URL: z.optional(z.string().check(z.regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL'))),
  MAIL_HTTP_URL: z.optional(z.string().check(z.regex(/^https?:\/\//, 'must be an http(s) URL'))),
  MAIL_HTTP_KEY: z.optional(z.string()),
  /** The From address when a site sets none. */
  MAIL_FROM: z._default(z.string().check(z.email()), 'comments@localhost'),
  /** Where this server is reached from outside, for the links in mail; default http://HOST:PORT. */
  PUBLIC_URL: z.optional(z.string().check(z.regex(/^https?:\/\//, 'must be an http(s) URL'))),
  /** How often mail is composed and sent, in ms. */
  MAIL_EVERY_MS: z._default(z.coerce.number().check(z.int(), z.gte(100), z.lte(600_000)), 5_000),
  /** How long a first reply notice waits for others of the same conversation, in ms. */
  MAIL_GATHER_MS: z._default(z.coerce.number().check(z.int(), z.gte(0), z.lte(3_600_000)), 60_000),
});
export type ServerEnv = z.infer<typeof ServerEnv>;

export function parseServerEnv(env: Record<string, string | undefined>): ServerEnv {
  const parsed = ServerEnv.safeParse(env);
  if (!parsed.success) {
    throw new Error('Invalid environment: ' + parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  }
  return parsed.data;
}

const WIDGET_DIST = join(packageRoot(), 'widget', 'dist');

export interface NodeServer {
  url: string;
  client: Client;
  store: Store;
  close(): Promise<void>;
}

/** Mounts the widget's built files: /embed.js, /app.js, /count.js, /moderate.js. */
export function widgetAssets() {
  const root = relative(process.cwd(), WIDGET_DIST) || '.';
  return new Hono().use(
    '/*',
    serveStatic({
      root,
      onFound: (_path, c) => {
        c.header('Cache-Control', 'public, max-age=300');
        c.header('Access-Control-Allow-Origin', '*');
      },
    }),
  );
}

export interface StartOptions {
  env: ServerEnv;
  /** Extra routes served beside the API (the demo publisher uses this). */
  mount?: (app: Hono<any, any, any>, store: Store) => void | Promise<void>;
  quiet?: boolean;
}

export async function startNodeServer(options: StartOptions): Promise<NodeServer> {
  const trust = parseTrustProxy(options.env.TRUST_PROXY);
  const guestCacheBytes = options.env.GUEST_CACHE_MB * 1024 * 1024;
  const client = await openLibsql(options.env);
  await applyMigrations(client, loadMigrations());
  const store = createLibsqlStore(client);
  // API first (it only answers /api/…), then the widget's files, then whatever the caller mounts;
  // the API's JSON 404 answers anything left.
  // Guest thread reads are kept in memory by thread version: a popular article costs one cheap
  // version lookup per reader, and readers still get the last copy while the database is down.
  const smtp = options.env.SMTP_URL ? smtpMailer(options.env.SMTP_URL) : null;
  const mailer = smtp ?? (options.env.MAIL_HTTP_URL ? httpMailer(options.env.MAIL_HTTP_URL, options.env.MAIL_HTTP_KEY ?? '') : null);
  const publicUrl = options.env.PUBLIC_URL ?? `http://${options.env.HOST}:${options.env.PORT}`;
  const appDeps: AppDeps = {
    store,
    responseCache: memoryResponseCache({ maxBytes: guestCacheBytes * 0.75 }),
    guestRevalidateMs: 1000,
    guestRecentMaxBytes: guestCacheBytes * 0.25,
    compressor: nodeCompressor,
    clientAddress: (c) => clientAddressFrom(trust, getConnInfo(c).remote.address, (name) => c.req.header(name)),
    outbound: nodeOutbound,
    privateNetworkAllowed: true,
    mail: mailer ? { mailer, from: options.env.MAIL_FROM, publicUrl } : undefined,
  };
  const app = createApp(appDeps);
  app.route('/', widgetAssets());
  await options.mount?.(app, store);
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: options.env.PORT, hostname: options.env.HOST }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.env.PORT;
  const url = `http://${options.env.HOST}:${port}`;
  if (!options.quiet) console.log(`Parley listening on ${url}`);
  const dispatcher =
    options.env.DISPATCH === 'on'
      ? startDispatcherLoop(serviceDeps(appDeps), {
          holder: `${hostname()}:${process.pid}:${port}`,
          intervalMs: options.env.DISPATCH_INTERVAL_MS,
          dispatch: { maxAttempts: options.env.WEBHOOK_MAX_ATTEMPTS },
          mailEveryMs: options.env.MAIL_EVERY_MS,
          mailGatherMs: options.env.MAIL_GATHER_MS,
          onError: (error) => console.error('Outbox dispatcher:', error),
        })
      : null;
  return {
    url,
    client,
    store,
    async close() {
      await dispatcher?.stop();
      smtp?.close();
      await new Promise<void>((resolve) => {
        server.close(() => {
          client.close();
          resolve();
        });
      });
    },
  };
}

/** `npm run serve` and `parley serve`: the server from the environment, stopped cleanly on SIGINT or SIGTERM. */
export async function serveFromEnv(): Promise<void> {
  const server = await startNodeServer({ env: parseServerEnv(process.env) });
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await serveFromEnv();
