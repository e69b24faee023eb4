// `npm run build` makes plain JavaScript that node runs with nothing compiled at start: the server
// (migrating a fresh database, serving the API and the widget's files) and the `parley` bin's tools.
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../scripts/build-server';
import { freePort } from '../support/free-port';
import { buildSite } from '../support/site';

// Inside the project (.tmp/ is ignored), as an installed package's dist/ sits beside its node_modules.
mkdirSync('.tmp', { recursive: true });
const dir = mkdtempSync(join('.tmp', 'build-'));
const out = join(dir, 'dist');
const env = { ...process.env, LIBSQL_URL: `file:${join(dir, 'parley.db')}`, DISPATCH: 'off' };
beforeAll(() => buildServer(out), 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const parley = async (...args: string[]) => {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [join(out, 'parley.js'), ...args], { env });
    return { code: 0, out: stdout };
  } catch (error) {
    const failed = error as { code: number; stderr: string; stdout: string };
    return { code: failed.code, out: failed.stderr + failed.stdout };
  }
};

describe('the production build', () => {
  it('is JavaScript that needs neither tsx nor esbuild, with the bin named in package.json', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(manifest.bin).toEqual({ parley: 'dist/parley.js' });
    expect(manifest.scripts.serve).toBe('node dist/server.js');
    expect(Object.keys(manifest.dependencies)).not.toContain('tsx');
    const server = readFileSync(join(out, 'server.js'), 'utf8');
    expect(server).not.toMatch(/from ["'](tsx|esbuild|terser)/);
    expect(readFileSync(join(out, 'parley.js'), 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
  });

  it('saves a site with `parley site put`, then serves it with `parley serve` under plain node', async () => {
    const { apiKeyHash: _, ...site } = buildSite();
    const file = join(dir, 'site.json');
    writeFileSync(file, JSON.stringify(site));
    const put = await parley('site', 'put', file);
    expect(put.code, put.out).toBe(0);
    expect(put.out).toContain('Saved site daily.');

    const port = await freePort();
    const server = spawn(process.execPath, [join(out, 'parley.js'), 'serve'], { env: { ...env, PORT: String(port) }, stdio: 'pipe' });
    try {
      const base = `http://127.0.0.1:${port}`;
      let up = false;
      for (let i = 0; i < 100 && !up; i++) {
        up = await fetch(`${base}/embed.js`).then((r) => r.ok, () => false);
        if (!up) await new Promise((r) => setTimeout(r, 100));
      }
      expect(up).toBe(true);
      const thread = await fetch(`${base}/api/v1/sites/daily/thread?url=${encodeURIComponent('https://news.example/a')}`, { headers: { Origin: 'https://news.example' } });
      expect(thread.status).toBe(200);
      expect((await thread.json()).site.name).toBe('The Daily Example');
    } finally {
      server.kill('SIGTERM');
    }
    const member = await parley('member', 'data', '--site', 'daily', '--sub', 'nobody');
    expect(member.code).toBe(1);
    expect(member.out).toContain('No member with that id');
    const exported = await parley('export', '--site', 'daily');
    expect(exported.code, exported.out).toBe(0);
    expect(JSON.parse(exported.out.split('\n')[0])).toMatchObject({ type: 'parley-export', version: 1 });
    expect((await parley('nonsense')).code).toBe(2);
  }, 60_000);
});
