// `npm run member -- data|erase`: the site API's data rights from the command line, on a database file.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createClient } from '@libsql/client';
import { afterAll, describe, expect, it } from 'vitest';
import { applyMigrations, createLibsqlStore } from '../../server/store/libsql';
import { loadMigrations } from '../../server/runtime/load-migrations';
import { serviceDeps } from '../../server/app';
import { openThread } from '../../server/services/threads/open-thread';
import { createComment } from '../../server/services/comments/create-comment';
import { buildSite } from '../support/site';

const dir = mkdtempSync(join(tmpdir(), 'parley-member-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const database = `file:${join(dir, 'parley.db')}`;

const member = async (...args: string[]) => {
  try {
    const { stdout } = await promisify(execFile)('node_modules/.bin/tsx', ['scripts/member.ts', ...args], { env: { ...process.env, LIBSQL_URL: database } });
    return { code: 0, out: stdout };
  } catch (error) {
    const failed = error as { code: number; stderr: string };
    return { code: failed.code, out: failed.stderr };
  }
};

describe('npm run member', () => {
  it('prints a member’s data, erases them, and then knows them no more', async () => {
    const client = createClient({ url: database });
    try {
      await applyMigrations(client, loadMigrations());
      const store = createLibsqlStore(client);
      const site = buildSite();
      await store.saveSite(site, Date.now());
      const deps = serviceDeps({ store });
      const thread = await openThread(deps, { site, url: 'https://news.example/a', title: 'A' });
      const claims = { sub: 'reader-7', name: 'Rita', tier: 'member', role: 'member' as const, badges: [], avatar: null, email: null, importedAs: [], exp: 0 };
      await createComment(deps, { site, threadId: thread.id, claims, input: { body: 'My words.' } });
    } finally {
      client.close();
    }
    const data = await member('data', '--site', 'daily', '--sub', 'reader-7');
    expect(data.code).toBe(0);
    expect(JSON.parse(data.out)).toMatchObject({ member: { displayName: 'Rita' }, comments: [{ body: 'My words.' }] });
    const erased = await member('erase', '--site', 'daily', '--sub', 'reader-7');
    expect(JSON.parse(erased.out)).toMatchObject({ mode: 'remove', erased: { comments: 1 } });
    const again = await member('data', '--site', 'daily', '--sub', 'reader-7');
    expect(again.code).toBe(1);
    expect(again.out).toContain('No member with that id');
  }, 60_000);
});
