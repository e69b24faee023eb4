// A real app on a real libSQL database, with a controllable clock and a token signer. Which app and
// which database depend on the backend project running (PARLEY_TEST_BACKEND, see vitest.config.ts):
//   embedded  the app in this process on an in-memory database (or the file `url` names);
//   sqld      the app in this process on the project's sqld over HTTP;
//   workerd   the worker in workerd on that sqld; `app.request` goes to it over loopback and carries
//             the test clock in X-Parley-Test-Now.
// On the shared sqld every context starts from empty tables, so test files there run one at a time.
import { createClient, type Client } from '@libsql/client';
import { SignJWT } from 'jose';
import { inject } from 'vitest';
import { createApp, type AppDeps } from '../../server/app';
import { applyMigrations, createLibsqlStore } from '../../server/store/libsql';
import { loadMigrations } from '../../server/runtime/load-migrations';
import { sha256Hex } from '../../server/services/sha256';
import type { SiteRecord, Store } from '../../server/store/port';
import { buildSite, TEST_API_KEY, TEST_ORIGIN, TEST_SECRET } from './site';
import { BACKEND } from './backends/provided';
import { TEST_NOW_HEADER, remoteApp, wipeTables } from './backends/remote';
import { nodeOutbound } from '../../server/runtime/node-outbound';

export { BACKEND };

export interface Persona {
  sub: string;
  name: string;
  tier?: string;
  role?: 'member' | 'moderator' | 'admin';
  badges?: string[];
  /** The avatar claim as sent, bad values included; absent when undefined. */
  avatar?: unknown;
  /** The email claim as sent; absent when undefined. */
  email?: unknown;
  /** The importedAs claim as sent (imported authors to claim); absent when undefined. */
  importedAs?: unknown;
}

export const PERSONAS = {
  alice: { sub: 'u-alice', name: 'Alice', tier: 'member' },
  bob: { sub: 'u-bob', name: 'Bob', tier: 'member' },
  nell: { sub: 'u-nell', name: 'Nell', tier: 'newsletter' },
  mod: { sub: 'u-mod', name: 'Morgan', tier: 'member', role: 'moderator' },
} satisfies Record<string, Persona>;

/** What tests use of the app: Hono's `request`, in process or forwarded to the worker. */
export type TestApp = Pick<ReturnType<typeof createApp>, 'request'>;

/** Deps the worker has its own of; every other override cannot reach workerd and is refused there. */
const WORKER_HAS_ITS_OWN: (keyof AppDeps)[] = ['fetch', 'outbound', 'privateNetworkAllowed', 'log', 'responseCache'];

export interface TestContext {
  app: TestApp;
  client: Client;
  store: Store;
  site: SiteRecord;
  clock: { now: number };
  sign(persona: Persona, options?: { expiresInSeconds?: number; audience?: string; secret?: string }): Promise<string>;
  /** app.request with JSON body and an optional bearer token. */
  call(method: string, path: string, options?: { token?: string; body?: unknown; headers?: Record<string, string> }): Promise<Response>;
  close(): void;
}

/**
 * A fresh site on an empty database. `url` picks the embedded database file, `busyTimeoutMs` its
 * busy timeout and `connections` the client's pool of connections to it; these apply only to the
 * embedded backend, the others always use the project's sqld.
 */
export async function createTestContext(
  options: { site?: Partial<SiteRecord>; url?: string; deps?: Partial<AppDeps>; busyTimeoutMs?: number; connections?: number } = {},
): Promise<TestContext> {
  let client: Client;
  if (BACKEND === 'embedded') {
    client = createClient({ url: options.url ?? ':memory:', timeout: options.busyTimeoutMs ?? 5000, concurrency: options.connections });
    await applyMigrations(client, loadMigrations());
  } else {
    client = createClient({ url: inject('libsqlUrl') });
    await wipeTables(client);
  }
  const store = createLibsqlStore(client);
  const clock = { now: Date.UTC(2026, 0, 15, 12) };
  const site = buildSite({ apiKeyHash: await sha256Hex(TEST_API_KEY), ...options.site });
  await store.saveSite(site, clock.now);
  let app: TestApp;
  if (BACKEND === 'workerd') {
    const refused = Object.keys(options.deps ?? {}).filter((k) => !WORKER_HAS_ITS_OWN.includes(k as keyof AppDeps));
    if (refused.length) throw new Error(`deps ${refused.join(', ')} cannot reach the worker: skip this test on workerd (it.skipIf(BACKEND === 'workerd'))`);
    app = remoteApp(inject('workerUrl'), () => ({ [TEST_NOW_HEADER]: String(clock.now) }));
  } else {
    // Outbound requests as the Node runtime makes them: vetted at connect time, private networks allowed on request.
    // The client's address as the worker reads it, so tests send CF-Connecting-IP on every backend.
    app = createApp({
      store,
      now: () => clock.now,
      siteCacheTtlMs: 0,
      log: () => {},
      outbound: nodeOutbound,
      privateNetworkAllowed: true,
      clientAddress: (c) => c.req.header('CF-Connecting-IP') ?? null,
      ...options.deps,
    });
  }

  return {
    app,
    client,
    store,
    site,
    clock,
    async sign(persona, o = {}) {
      const iat = Math.floor(clock.now / 1000);
      const avatar = persona.avatar === undefined ? {} : { avatar: persona.avatar };
      const email = persona.email === undefined ? {} : { email: persona.email };
      const importedAs = persona.importedAs === undefined ? {} : { importedAs: persona.importedAs };
      return new SignJWT({ name: persona.name, tier: persona.tier ?? '', role: persona.role ?? 'member', badges: persona.badges ?? [], ...avatar, ...email, ...importedAs })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(persona.sub)
        .setAudience(o.audience ?? site.id)
        .setIssuedAt(iat)
        .setExpirationTime(iat + (o.expiresInSeconds ?? 3600))
        .sign(new TextEncoder().encode(o.secret ?? TEST_SECRET));
    },
    call(method, path, o = {}) {
      const headers: Record<string, string> = { ...o.headers };
      if (o.token) headers.Authorization = `Bearer ${o.token}`;
      if (o.body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/json';
      return Promise.resolve(
        app.request(path, { method, headers, body: o.body === undefined ? undefined : typeof o.body === 'string' ? o.body : JSON.stringify(o.body) }),
      );
    },
    close: () => client.close(),
  };
}

export const ARTICLE_URL = `${TEST_ORIGIN}/2026/01/15/city-budget`;
export const NEWSLETTER_URL = `${TEST_ORIGIN}/newsletter/morning-briefing`;
export { TEST_API_KEY, TEST_ORIGIN };
