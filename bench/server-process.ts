// Starts the Node runtime (server/runtime/node.ts) as a child process on a free loopback port,
// so load generation and the server never share one event loop. The child leads its own
// process group; stop() ends that group and waits for it, also when a benchmark failed.
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface ServerProcess {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export interface ServerProcessOptions {
  libsqlUrl: string;
  /** Folder for a V8 CPU profile (node --cpu-prof), written when the server exits. */
  cpuProfDir?: string;
}

export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const nodeArgs = ['--import', 'tsx'];
  if (options.cpuProfDir) nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`);
  const child = spawn(process.execPath, [...nodeArgs, join(ROOT, 'server/runtime/node.ts')], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LIBSQL_URL: options.libsqlUrl, NODE_ENV: 'production' },
  });
  const stop = () => stopGroup(child);
  try {
    const url = await new Promise<string>((resolveUrl, reject) => {
      let out = '';
      let err = '';
      const timer = setTimeout(() => reject(new Error(`The server did not start in 30 s: ${err || out}`)), 30_000);
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolveUrl(m[1]);
        }
      });
      child.stderr!.on('data', (chunk: Buffer) => void (err += chunk.toString()));
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`The server exited with ${code}: ${err || out}`));
      });
    });
    return { url, pid: child.pid!, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** SIGTERM to the group (the server closes and, with --cpu-prof, writes its profile), SIGKILL after 10 s. */
function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return Promise.resolve();
  const pid = child.pid;
  return new Promise((done) => {
    const kill = setTimeout(() => signal(-pid, 'SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(kill);
      done();
    });
    signal(-pid, 'SIGTERM');
  });
}

function signal(target: number, sig: NodeJS.Signals) {
  try {
    process.kill(target, sig);
  } catch {
    // already gone
  }
}
