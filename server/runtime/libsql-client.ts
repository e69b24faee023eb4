// Opens the libSQL database a Node process runs on, from env:
//   (default)                      embedded file ./data/parley.db
//   LIBSQL_URL=file:PATH           embedded file
//   LIBSQL_URL=http(s)://, libsql://  a libSQL server (sqld / Turso), with LIBSQL_AUTH_TOKEN
//   LIBSQL_URL=file:PATH + LIBSQL_SYNC_URL=…  embedded replica: local reads, writes go to the primary
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createClient, type Client } from '@libsql/client';
import * as z from 'zod/mini';

export const DatabaseEnv = z.object({
  LIBSQL_URL: z._default(z.string().check(z.minLength(1)), 'file:data/parley.db'),
  LIBSQL_AUTH_TOKEN: z.optional(z.string()),
  LIBSQL_SYNC_URL: z.optional(z.string()),
  LIBSQL_SYNC_INTERVAL_SECONDS: z.optional(z.coerce.number().check(z.int(), z.gte(1))),
});
export type DatabaseEnv = z.infer<typeof DatabaseEnv>;

/** `intMode: 'bigint'` for tools that copy rows whole (backups): no integer loses precision. */
export async function openLibsql(env: DatabaseEnv, options: { intMode?: 'number' | 'bigint' } = {}): Promise<Client> {
  const url = env.LIBSQL_URL;
  if (url.startsWith('file:') && !url.includes(':memory:')) {
    mkdirSync(dirname(url.slice('file:'.length)) || '.', { recursive: true });
  }
  // The busy timeout matters: without it a second writer gets SQLITE_BUSY and the client then
  // acknowledges writes it never commits.
  const client = createClient({
    url,
    authToken: env.LIBSQL_AUTH_TOKEN,
    syncUrl: env.LIBSQL_SYNC_URL,
    syncInterval: env.LIBSQL_SYNC_INTERVAL_SECONDS,
    timeout: 5000,
    intMode: options.intMode,
  });
  if (url.startsWith('file:') && !env.LIBSQL_SYNC_URL && !url.includes(':memory:')) {
    await useWal(client);
  }
  if (env.LIBSQL_SYNC_URL) await client.sync();
  return client;
}

/**
 * WAL is a property of the file: once one process set it, the others find it set. Setting it needs
 * the file to itself, and SQLite answers SQLITE_BUSY at once (no busy wait) while another process
 * is inside a transaction, such as its migrations: so ask again, briefly, before giving up.
 */
async function useWal(client: Client): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const mode = await client.execute('PRAGMA journal_mode');
    if (String(mode.rows[0]?.[0] ?? '').toLowerCase() === 'wal') return;
    try {
      await client.execute('PRAGMA journal_mode=WAL');
      return;
    } catch (error) {
      if (attempt >= 50 || !String((error as { code?: string }).code ?? '').startsWith('SQLITE_BUSY')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 80));
    }
  }
}
