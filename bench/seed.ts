// Fast bulk seeding for the benchmarks: a temp libSQL file, the bench site, members, threads and
// comments written with multi-row INSERTs in write batches. Seeding only prepares data; every
// measured request goes through the real HTTP server.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type Client, type InStatement, type InValue } from '@libsql/client';
import { SignJWT } from 'jose';
import { applyMigrations, createLibsqlStore } from '../server/store/libsql';
import { loadMigrations } from '../server/runtime/load-migrations';
import { SiteSettings } from '../shared/schemas/site';
import type { SiteRecord } from '../server/store/port';
import { normaliseUrl, pageKeyFor } from '../server/services/threads/page-key';

export const BENCH_SITE = 'bench';
export const BENCH_ORIGIN = 'https://news.bench.example';
export const BENCH_SECRET = 'bench-hs256-secret-0123456789abcdef0123456789abcdef';

export interface TempDb {
  dir: string;
  url: string;
  client: Client;
  /** Closes the client and deletes the folder. */
  dispose(): void;
}

export async function openTempDb(prefix = 'parley-bench-'): Promise<TempDb> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const url = `file:${join(dir, 'parley.db')}`;
  const client = createClient({ url, timeout: 5000 });
  await client.execute('PRAGMA journal_mode=WAL');
  await applyMigrations(client, loadMigrations());
  return {
    dir,
    url,
    client,
    dispose() {
      client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface BenchSiteOptions {
  /** Overrides of the moderation rules (deep-merged into the defaults by the schema). */
  rules?: Record<string, Record<string, unknown>>;
}

/** The bench site: HS256 members, every tier everywhere, default moderation unless overridden. */
export async function saveBenchSite(client: Client, options: BenchSiteOptions = {}): Promise<SiteRecord> {
  const site: SiteRecord = {
    id: BENCH_SITE,
    name: 'Bench Daily',
    allowedOrigins: [BENCH_ORIGIN],
    sso: { hs256Secret: BENCH_SECRET },
    policy: { defaultSection: 'news', sectionRules: [], tiers: { member: ['*'] } },
    guidelines: 'Be kind.',
    callsToAction: {
      guest: { text: 'Subscribe to comment.', linkText: 'Subscribe', url: `${BENCH_ORIGIN}/subscribe` },
      upgrade: { text: 'Upgrade to comment.', linkText: 'Upgrade', url: `${BENCH_ORIGIN}/subscribe` },
    },
    // Every bench request comes from one loopback address: its per-address limit goes to the maximum.
    settings: SiteSettings.parse({ moderation: { rules: options.rules ?? {} }, rateLimits: { addressWritesPerMinute: 100_000, addressNewThreadsPerHour: 100_000 } }),
    apiKeyHash: null,
  };
  await createLibsqlStore(client).saveSite(site, Date.now());
  return site;
}

/** Runs rows through `INSERT INTO table (cols) VALUES (…),(…)` in chunks, several chunks per write batch. */
export async function insertRows(client: Client, table: string, columns: string[], rows: InValue[][]): Promise<void> {
  const perStatement = Math.max(1, Math.floor(30000 / columns.length / 4)); // well under SQLite's 32,766 variables
  const placeholder = `(${columns.map(() => '?').join(',')})`;
  let batch: InStatement[] = [];
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    batch.push({ sql: `INSERT INTO ${table} (${columns.join(',')}) VALUES ${chunk.map(() => placeholder).join(',')}`, args: chunk.flat() });
    if (batch.length === 8) {
      await client.batch(batch, 'write');
      batch = [];
    }
  }
  if (batch.length) await client.batch(batch, 'write');
}

export interface SeededUser {
  id: string;
  externalId: string;
  name: string;
}

export async function seedUsers(client: Client, count: number, siteId = BENCH_SITE, now = Date.now()): Promise<SeededUser[]> {
  const users = Array.from({ length: count }, (_, i) => ({ id: `u${i.toString(36).padStart(6, '0')}`, externalId: `member-${i}`, name: `Member ${i}` }));
  const rows = users.map((u) => [u.id, siteId, u.externalId, u.name, 'member', 'member', '[]', now - 86_400_000, now - 86_400_000]);
  await insertRows(client, 'users', ['id', 'site_id', 'external_id', 'display_name', 'tier', 'role', 'badges', 'created_at', 'updated_at'], rows);
  return users;
}

export interface ThreadSpec {
  id: string;
  /** What openThread stores for a URL without a page id: the normalised URL itself. */
  url: string;
  title?: string;
  siteId?: string;
  section?: string;
}

export async function seedThread(client: Client, t: ThreadSpec, now = Date.now()): Promise<void> {
  await client.execute({
    sql: `INSERT INTO threads (id, site_id, page_key, url, title, section, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    args: [t.id, t.siteId ?? BENCH_SITE, pageKeyFor(t.url), normaliseUrl(t.url), t.title ?? t.id, t.section ?? 'news', now - 86_400_000],
  });
}

export interface CommentShape {
  siteId?: string;
  threadId: string;
  /** Total comments, split into top-level comments each followed by `repliesPerRoot` direct replies. */
  total: number;
  repliesPerRoot: number;
  authors: SeededUser[];
  /** Share of comments left pending or rejected (they must not show), spread evenly. */
  hiddenShare?: number;
  now?: number;
}

const WORDS = (
  'council budget library branch fare ridership transit school homework parents reporter article figures ' +
  'housing rent zoning park bridge repair weekend market vote election turnout neighbours street bus line ' +
  'evening shift nurses hospital clinic waiting list energy bills heating winter summer festival museum ' +
  'archive history policy debate question answer source document meeting minutes agenda proposal plan'
).split(' ');

/** A readable, varied comment body; deterministic for a given seed number. */
export function commentBody(n: number, words = 14 + (n % 23)): string {
  let x = (n * 2654435761) >>> 0;
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out.push(WORDS[x % WORDS.length]);
  }
  out[0] = out[0][0].toUpperCase() + out[0].slice(1);
  return `${out.join(' ')} (${n.toString(36)}).`;
}

const COMMENT_COLUMNS = [
  'id', 'site_id', 'thread_id', 'parent_id', 'root_id', 'depth', 'author_id', 'body_src', 'body_html',
  'status', 'featured', 'like_count', 'created_at', 'reasons',
];

/**
 * Writes a thread's comments (roots a second apart, replies minutes after their root) and sets
 * the thread's published count. Returns the top-level ids, oldest first.
 */
export async function seedComments(client: Client, shape: CommentShape): Promise<string[]> {
  const now = shape.now ?? Date.now();
  const perRoot = 1 + shape.repliesPerRoot;
  const roots = Math.ceil(shape.total / perRoot);
  const hiddenEvery = shape.hiddenShare ? Math.round(1 / shape.hiddenShare) : 0;
  const start = now - (roots + 600) * 1000;
  const rows: InValue[][] = [];
  const rootIds: string[] = [];
  let published = 0;
  for (let r = 0; r < roots && rows.length < shape.total; r++) {
    const rootId = `${shape.threadId}-${r.toString(36)}`;
    rootIds.push(rootId);
    for (let k = 0; k < perRoot && rows.length < shape.total; k++) {
      const n = rows.length;
      const id = k === 0 ? rootId : `${rootId}_${k.toString(36)}`;
      const hidden = hiddenEvery > 0 && n % hiddenEvery === hiddenEvery - 1 && k > 0;
      const status = hidden ? (n % 2 ? 'pending' : 'rejected') : 'published';
      if (status === 'published') published++;
      const body = commentBody(n + shape.threadId.length * 7919);
      rows.push([
        id, shape.siteId ?? BENCH_SITE, shape.threadId, k === 0 ? null : rootId, rootId, k === 0 ? 0 : 1,
        shape.authors[n % shape.authors.length].id, body, `<p>${body}</p>`,
        status, 0, (n * 7) % 13, start + r * 1000 + k * 60_000, '[]',
      ]);
    }
  }
  await insertRows(client, 'comments', COMMENT_COLUMNS, rows);
  await client.execute({ sql: 'UPDATE threads SET comment_count = comment_count + ? WHERE id = ?', args: [published, shape.threadId] });
  return rootIds;
}

/** HS256 member tokens for the bench site, valid for an hour. */
export async function memberTokens(users: { externalId: string; name: string }[]): Promise<string[]> {
  const key = new TextEncoder().encode(BENCH_SECRET);
  const now = Math.floor(Date.now() / 1000);
  return Promise.all(
    users.map((u) =>
      new SignJWT({ name: u.name, tier: 'member', role: 'member', badges: [] })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(u.externalId)
        .setAudience(BENCH_SITE)
        .setIssuedAt(now)
        .setExpirationTime(now + 3600)
        .sign(key),
    ),
  );
}
