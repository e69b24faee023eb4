// Export and restore: a site with imported and native comments, likes, reports and moderation
// exported, restored into a fresh database and exported again reads the same, line for line,
// but the header's time. Secrets never leave; a restore goes only into an empty site.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiPaths } from '../../../../shared/api-paths';
import { SiteSettings } from '../../../../shared/schemas/site';
import { exportSite } from '../../../../server/services/export/export-site';
import { restoreSite } from '../../../../server/services/export/restore-site';
import { newId } from '../../../../server/services/ids';
import { parseDomainMap } from '../../../../server/services/import/thread-url';
import { createTestContext, PERSONAS, TEST_API_KEY, type TestContext } from '../../../support/app';
import { openThread, postComment } from '../../../support/api';
import { importExport } from '../../../support/import';
import { TEST_SECRET } from '../../../support/site';

const SCORER_SECRET = 'scorer-secret-never-exported';
let t: TestContext;
beforeEach(async () => {
  const settings = SiteSettings.parse({ moderation: { externalScorer: { secret: SCORER_SECRET } } });
  t = await createTestContext({ site: { settings } });
});
afterEach(() => t.close());

async function collect(lines: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const line of lines) out.push(line);
  return out;
}

async function* each(lines: string[]) {
  yield* lines;
}

const exportOf = async (ctx: TestContext, pageSize?: number) => collect(exportSite(ctx.store, (await ctx.store.getSite(ctx.site.id))!, ctx.clock.now, pageSize));
const deps = { now: () => Date.UTC(2026, 0, 20), newId };

/** Imported threads and comments, and a member's comment, like and report, and a moderator's decision. */
async function populate(ctx: TestContext): Promise<void> {
  await importExport(ctx, 'disqus', 'disqus.xml', { domains: parseDomainMap(['old.example=news.example']) });
  await importExport(ctx, 'wordpress', 'wordpress.xml', { domains: parseDomainMap(['blog.example=news.example']) });
  const view = await openThread(ctx, { url: 'https://news.example/2013/05/city-budget' });
  const alice = await ctx.sign(PERSONAS.alice);
  const mine = await postComment(ctx, view.thread.id, alice, 'A new comment after the move.');
  const reply = await postComment(ctx, view.thread.id, await ctx.sign(PERSONAS.bob), 'And a reply to it.', mine.id);
  expect((await ctx.call('PUT', apiPaths.like(ctx.site.id, view.comments[0].id), { token: alice })).status).toBe(200);
  expect((await ctx.call('POST', apiPaths.report(ctx.site.id, reply.id), { token: alice, body: { reason: 'off_topic' } })).status).toBeLessThan(300);
  const mod = await ctx.sign(PERSONAS.mod);
  expect((await ctx.call('POST', apiPaths.moderation.comment(ctx.site.id, mine.id), { token: mod, body: { action: 'feature' } })).status).toBe(200);
}

describe('npm run export and import ndjson', () => {
  it('restores a site into a fresh database so that exporting it again gives the same lines', async () => {
    await populate(t);
    // Small pages, so paging is exercised on every table.
    const first = await exportOf(t, 3);
    const types = first.map((l) => JSON.parse(l).type);
    expect(types[0]).toBe('parley-export');
    expect(new Set(types)).toEqual(new Set(['parley-export', 'site', 'thread', 'user', 'comment', 'reaction', 'report', 'moderation_action', 'end']));
    expect(JSON.parse(first[first.length - 1])).toEqual({ type: 'end', records: first.length - 2 });

    const fresh = await createTestContext();
    try {
      const summary = await restoreSite(deps, fresh.store, fresh.site, each(first));
      expect(summary.errors).toEqual([]);
      expect(summary.restored).toMatchObject({ site: 1, comment: types.filter((x) => x === 'comment').length });
      const second = await exportOf(fresh);
      // The header's exportedAt is the only field made anew.
      expect(second.slice(1)).toEqual(first.slice(1));
      expect(JSON.parse(second[0])).toEqual({ ...JSON.parse(first[0]), exportedAt: expect.any(String) });
      // The restored site keeps the secrets it had, and reads as the original for readers.
      const restoredSite = (await fresh.store.getSite(fresh.site.id))!;
      expect(restoredSite.sso.hs256Secret).toBe(TEST_SECRET);
      const view = await openThread(fresh, { url: 'https://news.example/2013/05/city-budget' });
      expect(view.comments.length).toBeGreaterThan(3);
    } finally {
      fresh.close();
    }
  });

  it('leaves every secret out: the token secret, the API key hash and the scorer secret', async () => {
    const text = (await exportOf(t)).join('\n');
    expect(text).not.toContain(TEST_SECRET);
    expect(text).not.toContain(SCORER_SECRET);
    expect(text).not.toContain(t.site.apiKeyHash!);
    expect(text).not.toContain(TEST_API_KEY);
    expect(text).not.toMatch(/hs256Secret|apiKeyHash|"secret"/);
  });

  it('refuses to restore into a site that has comments, and says when a file was cut off', async () => {
    await populate(t);
    const lines = await exportOf(t);
    await expect(restoreSite(deps, t.store, t.site, each(lines))).rejects.toThrow('already has threads, users or comments');
    const [fresh, other] = [await createTestContext(), await createTestContext()];
    try {
      const cut = await restoreSite(deps, fresh.store, fresh.site, each(lines.slice(0, -5)));
      expect(cut.errors.at(-1)?.message).toContain('no end line');
      await expect(restoreSite(deps, other.store, other.site, each(['{"type":"something"}']))).rejects.toThrow('not a Parley export');
    } finally {
      fresh.close();
      other.close();
    }
  });
});
