// `wrangler dev` with the repository's wrangler.toml serves the widget files as static assets, the
// dashboard page and the API from one local address (workerd backend only: it shares its sqld).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { ARTICLE_URL, BACKEND, createTestContext, type TestContext } from '../../support/app';
import { threadPath } from '../../support/api';
import { wranglerEnv } from '../../support/backends/workerd.global';
import { freePort } from '../../support/free-port';

describe.skipIf(BACKEND !== 'workerd')('wrangler dev', () => {
  let t: TestContext;
  let child: ChildProcess | undefined;
  let base: string;
  let home: string | undefined;

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'parley-wrangler-dev-'));
    t = await createTestContext();
    const [port, inspector] = [await freePort(), await freePort()];
    base = `http://127.0.0.1:${port}`;
    const args = ['dev', '--ip', '127.0.0.1', '--port', String(port), '--inspector-port', String(inspector), '--var', `LIBSQL_URL:${inject('libsqlUrl')}`];
    child = spawn(join('node_modules', '.bin', 'wrangler'), args, { env: wranglerEnv(home), detached: true, stdio: 'ignore' });
    const deadline = Date.now() + 60_000;
    while (!(await fetch(`${base}/api/v1/health`).then((r) => r.ok).catch(() => false))) {
      if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}`);
      if (Date.now() > deadline) throw new Error('wrangler dev did not answer within 60 s');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  });

  afterAll(async () => {
    t?.close();
    if (child?.pid && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
    if (home) rmSync(home, { recursive: true, force: true });
  });

  it('serves every widget bundle as JavaScript, never sniffed', async () => {
    for (const file of ['embed.js', 'app.js', 'count.js', 'moderate.js']) {
      const res = await fetch(`${base}/${file}`);
      expect(res.status, file).toBe(200);
      expect(res.headers.get('Content-Type'), file).toMatch(/javascript/);
      expect(res.headers.get('X-Content-Type-Options'), file).toBe('nosniff');
      expect((await res.text()).length, file).toBeGreaterThan(100);
    }
  });

  it('serves the dashboard page, which loads its bundle', async () => {
    const res = await fetch(`${base}/moderate`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('src="/moderate.js"');
  });

  it('serves the API on the libSQL server', async () => {
    const res = await fetch(base + threadPath('daily', { url: ARTICLE_URL }));
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await res.json()).thread.url).toBe(ARTICLE_URL);
  });
});
