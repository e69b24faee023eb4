// The demo publisher + Parley on a free loopback port with a fresh temp database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemo, type DemoServer } from '../../demo/server';
import { parseServerEnv } from '../../server/runtime/node';
import { freePort } from './free-port';

export interface RunningDemo extends DemoServer {
  stop(): Promise<void>;
}

/** `env`: server variables beside the port, host and database (WEBHOOK_MAX_ATTEMPTS, say). */
export async function startTestDemo(env: Record<string, string> = {}): Promise<RunningDemo> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-demo-'));
  const port = await freePort();
  const serverEnv = parseServerEnv({ ...env, PORT: String(port), HOST: '127.0.0.1', LIBSQL_URL: `file:${join(dir, 'parley.db')}` });
  const demo = await startDemo(serverEnv, dir);
  return {
    ...demo,
    async stop() {
      await demo.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
