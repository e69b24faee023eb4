// Starts one sqld for a backend project: a free 127.0.0.1 port, a temp data folder, migrations
// applied. Returns a stop function that also removes the folder; it is safe to call on failure.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { applyMigrations } from '../../../server/store/libsql';
import { loadMigrations } from '../../../server/runtime/load-migrations';
import { freePort } from '../free-port';
import { startSqld, stopSqld, type SqldServer } from '../sqld';

export async function startSharedSqld(): Promise<{ server: SqldServer; stop: () => Promise<void> }> {
  // tmpfs when there is one: the suite's speed is then not the disk's fsync.
  const dir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'parley-sqld-'));
  const stop = async () => {
    await stopSqld(dir);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const server = await startSqld(await freePort(), dir);
    const client = createClient({ url: server.url });
    try {
      await applyMigrations(client, loadMigrations());
    } finally {
      client.close();
    }
    return { server, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
