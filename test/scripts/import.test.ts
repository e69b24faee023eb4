// `npm run import` and `npm run export` as run from a shell: the summary on stdout, exit 0 even
// with problems in single records, 1 for a file that is not the format, 2 for a wrong command
// line; the export's first line is its versioned header.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createClient } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, createLibsqlStore } from '../../server/store/libsql';
import { loadMigrations } from '../../server/runtime/load-migrations';
import { buildSite } from '../support/site';
import { IMPORT_FIXTURES } from '../support/import';

const dir = mkdtempSync(join(tmpdir(), 'parley-import-cli-'));
const database = `file:${join(dir, 'parley.db')}`;
beforeAll(async () => {
  const client = createClient({ url: database });
  await applyMigrations(client, loadMigrations());
  await createLibsqlStore(client).saveSite(buildSite(), Date.now());
  client.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(script: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)('node_modules/.bin/tsx', [script, ...args], { env: { ...process.env, LIBSQL_URL: database } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run import and npm run export', () => {
  it('imports a file with problems in it, exits 0 and prints the summary with the lines', async () => {
    const res = await run('scripts/import.ts', ['disqus', join(IMPORT_FIXTURES, 'disqus-broken.xml'), '--site', 'daily']);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain('Imported from disqus:\n  comments  2');
    expect(res.stdout).toContain('line 16: post 2002 has no usable createdAt');
    const json = await run('scripts/import.ts', ['wordpress', join(IMPORT_FIXTURES, 'wordpress.xml'), '--site', 'daily', '--map-domain', 'blog.example=news.example', '--dry-run', '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ dryRun: true, imported: { comments: 6 }, skipped: { notice: 1 } });
  }, 60_000);

  it('exits 1 for a file that is not the format, and 2 for a wrong command line', async () => {
    const html = join(dir, 'page.xml');
    writeFileSync(html, '<html><body>not an export</body></html>');
    const wrong = await run('scripts/import.ts', ['disqus', html, '--site', 'daily']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('not a Disqus export: the root element is <html>');
    expect((await run('scripts/import.ts', ['disqus', html])).code).toBe(2);
    expect((await run('scripts/import.ts', ['blogger', html, '--site', 'daily'])).code).toBe(2);
    expect((await run('scripts/import.ts', ['disqus', join(dir, 'missing.xml'), '--site', 'daily'])).code).toBe(1);
  }, 60_000);

  it('exports the site as NDJSON whose first line is the versioned header', async () => {
    const res = await run('scripts/export.ts', ['--site', 'daily']);
    expect(res.code, res.stderr).toBe(0);
    const lines = res.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ type: 'parley-export', version: 1, site: 'daily' });
    expect(lines.filter((l) => l.type === 'comment')).toHaveLength(2);
    expect(lines.at(-1)).toEqual({ type: 'end', records: lines.length - 2 });
  }, 60_000);
});
