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

export async function startTestDemo(): Promise<RunningDemo> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-demo-'));
  const port = await freePort();
  const env = parseServerEnv({ PORT: String(port), HOST: '127.0.0.1', LIBSQL_URL: `file:${join(dir, 'parley.db')}` });
  const demo = await startDemo(env, dir);
  return {
    ...demo,
    async stop() {
      await demo.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
