// Global setup of the `workerd` project: the worker exactly as `wrangler deploy --dry-run`
// bundles it, run by Miniflare in workerd against a local sqld, with the test clock binding set.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Miniflare } from 'miniflare';
import type { TestProject } from 'vitest/node';
import { startSharedSqld } from './shared-sqld';
import './provided';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The env every wrangler run gets here: no prompts, no telemetry, no calls out. */
export function wranglerEnv(home: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    WRANGLER_SEND_METRICS: 'false',
    WRANGLER_SEND_ERROR_REPORTS: 'false',
    CLOUDFLARE_CF_FETCH_ENABLED: 'false',
    WRANGLER_HIDE_BANNER: 'true',
    CI: 'true',
    XDG_CONFIG_HOME: join(home, 'xdg'),
  };
}

/** Runs wrangler to completion in its own process group, killing the group if it overruns. */
export function runWrangler(args: string[], home: string, timeoutMs = 120_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(ROOT, 'node_modules', '.bin', 'wrangler'), args, { cwd: ROOT, env: wranglerEnv(home), detached: true });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else reject(new Error(`wrangler ${args.join(' ')} failed (${code}):\n${output}`));
    });
  });
}

export function compatibilityDate(): string {
  const toml = readFileSync(join(ROOT, 'wrangler.toml'), 'utf8');
  const date = /^compatibility_date\s*=\s*"([\d-]+)"/m.exec(toml)?.[1];
  if (!date) throw new Error('wrangler.toml has no compatibility_date');
  return date;
}

export default async function setup(project: TestProject) {
  const home = mkdtempSync(join(tmpdir(), 'parley-workerd-'));
  let sqld: Awaited<ReturnType<typeof startSharedSqld>> | undefined;
  let mf: Miniflare | undefined;
  const stop = async () => {
    await mf?.dispose().catch(() => {});
    await sqld?.stop();
    rmSync(home, { recursive: true, force: true });
  };
  try {
    const [started] = await Promise.all([startSharedSqld(), runWrangler(['deploy', '--dry-run', '--outdir', join(home, 'dist')], home)]);
    sqld = started;
    const workerBundle = join(home, 'dist', 'worker.js');
    mf = new Miniflare({
      modules: true,
      scriptPath: workerBundle,
      modulesRoot: dirname(workerBundle),
      compatibilityDate: compatibilityDate(),
      bindings: { LIBSQL_URL: sqld.server.url, PARLEY_TEST_CLOCK: '1' },
      host: '127.0.0.1',
      port: 0,
    });
    const url = await mf.ready;
    project.provide('libsqlUrl', sqld.server.url);
    project.provide('sqldDir', sqld.server.dir);
    project.provide('workerUrl', url.origin);
    project.provide('workerBundle', workerBundle);
    project.provide('compatibilityDate', compatibilityDate());
    return stop;
  } catch (error) {
    await stop();
    throw error;
  }
}
