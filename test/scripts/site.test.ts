// `npm run site -- put FILE.json`: a valid site file is saved (parsed by the shared site schema),
// and a file with wording the widget cannot use is refused, saying which key and what to use.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createClient } from '@libsql/client';
import { afterAll, describe, expect, it } from 'vitest';
import { createLibsqlStore } from '../../server/store/libsql';
import { buildSite } from '../support/site';

const dir = mkdtempSync(join(tmpdir(), 'parley-site-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const database = `file:${join(dir, 'parley.db')}`;

async function put(contents: unknown): Promise<{ code: number; stdout: string; stderr: string }> {
  const file = join(dir, `site-${Math.random()}.json`);
  writeFileSync(file, typeof contents === 'string' ? contents : JSON.stringify(contents));
  try {
    const { stdout, stderr } = await promisify(execFile)('node_modules/.bin/tsx', ['scripts/site.ts', 'put', file], { env: { ...process.env, LIBSQL_URL: database } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const { apiKeyHash: _, ...site } = buildSite();
const withStrings = (strings: Record<string, unknown>) => ({ ...site, settings: { strings } });

describe('npm run site -- put', () => {
  it('saves a site whose wording uses catalogue keys and error codes', async () => {
    const strings = { comments: 'Reader comments', 'sort.newest': 'Latest first', 'error.token_expired': 'Please sign in again.' };
    const res = await put({ ...withStrings(strings), settings: { strings, signInUrl: '/login', guidelinesDisplay: 'collapsed' } });
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain('Saved site daily.');
    const client = createClient({ url: database });
    try {
      const saved = await createLibsqlStore(client).getSite('daily');
      expect(saved?.settings).toMatchObject({ strings, signInUrl: '/login', guidelinesDisplay: 'collapsed' });
    } finally {
      client.close();
    }
  }, 60_000);

  it('refuses ill-formed and unknown string keys, naming each and saying what a key may be', async () => {
    const res = await put(withStrings({ 'Sort By': 'x', 'comment.title': 'y', 'error.no_such_code': 'z', comments: 'fine' }));
    expect(res.code).toBe(1);
    const lines = res.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/^The site file .* is not valid:$/);
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(/^ {2}settings\.strings\["Sort By"\]: is not a string key: use a key of the widget's catalogue .*"error\.token_expired"/),
      expect.stringMatching(/^ {2}settings\.strings\["comment\.title"\]: is not a string the widget shows: use /),
      expect.stringMatching(/^ {2}settings\.strings\["error\.no_such_code"\]: is not a string the widget shows: use /),
    ]);
  }, 60_000);

  it('says which field is wrong elsewhere too, and what a file that is not JSON is', async () => {
    const wrong = await put({ ...withStrings({ comments: 7 }), settings: { strings: { comments: 7 }, guidelinesDisplay: 'sometimes' } });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('settings.strings["comments"]: must be string');
    expect(wrong.stderr).toMatch(/settings\.guidelinesDisplay: must be one of open, collapsed, before-first-comment/);
    const contradictory = await put({ ...site, settings: { moderation: { rules: { bodyLength: { min: 100, max: 50 } } } } });
    expect(contradictory.code).toBe(1);
    expect(contradictory.stderr).toContain('settings.moderation.rules.bodyLength.min: must be at most the longest length, 50');
    const notJson = await put('{ "id": ');
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toMatch(/could not be read as JSON/);
  }, 60_000);
});
