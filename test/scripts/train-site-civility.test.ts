// `npm run civility:train -- --site ID`: a site's moderator decisions join the training data, the
// candidate is stored beside the active model with both judged on the site's recent decisions,
// and it is activated (audited, undoable, loaded by the rules) only when it is no worse.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { apiPaths } from '../../shared/api-paths';
import { SiteSettings } from '../../shared/schemas/site';
import { worseOn, type ModelFigures } from '../../scripts/civility/compare-models';
import { siteData } from '../../scripts/civility/site-decisions';
import { activeCivilityModel } from '../../server/services/moderation/civility-model';
import { createTestContext, PERSONAS, TEST_API_KEY, type TestContext } from '../support/app';
import { openThread, postComment } from '../support/api';
import { BACKEND } from '../support/backends/provided';

const dir = mkdtempSync(join(tmpdir(), 'parley-train-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const asKey = { 'X-Api-Key': TEST_API_KEY };

const ATTACKS = ['You are a clueless fool, Bob', 'Nobody asked you, moron', 'What an idiot you are', 'Go back to school, dimwit', 'You clearly cannot read, genius'];
const FEAR = ['They are coming for your children next, be afraid', 'Wake up before they take everything from you'];
const FINE = ['The budget misses the bus lanes', 'I disagree: the levy is regressive', 'Good reporting on the council vote', 'The figures in paragraph two look off', 'This editorial gets the history wrong', 'Thanks for the explainer on zoning', 'The library hours matter more than this', 'Fares should stay where they are'];

async function siteWithDecisions(url = `file:${join(dir, `site-${Math.random()}.db`)}`): Promise<TestContext> {
  const settings = SiteSettings.parse({ moderation: { premoderation: 'all', nudge: false, rules: { flooding: { enabled: false } } } });
  const t = await createTestContext({ url, site: { settings } });
  const alice = await t.sign(PERSONAS.alice);
  const thread = (await openThread(t, { token: alice })).thread;
  const act = async (body: string, action: Record<string, string>) => {
    t.clock.now += 60_000;
    const c = await postComment(t, thread.id, alice, body);
    expect((await t.call('POST', apiPaths.moderation.comment(t.site.id, c.id), { headers: asKey, body: action })).status).toBe(200);
  };
  for (const body of ATTACKS) await act(body, { action: 'reject', reason: 'personal_attack' });
  for (const body of FEAR) await act(body, { action: 'reject', reason: 'fear_anger' });
  for (const body of FINE) await act(body, { action: 'approve' });
  await act('Buy cheap watches here', { action: 'reject', reason: 'spam' });
  return t;
}

describe('a site’s own moderator decisions as training data', () => {
  it('labels rejections by their reason and approvals as fine, and keeps the newest fifth apart', async () => {
    const t = await siteWithDecisions();
    const { training, recent } = siteData(await t.store.listModeratorDecisions(t.site.id, 1000));
    // Spam says nothing about civility; the other 15 decisions count.
    expect(training.length + recent.length).toBe(15);
    expect(recent).toHaveLength(3);
    // Newest first: the last approvals are the recent ones.
    expect(recent.map((r) => r.text)).toEqual(FINE.slice(-3).reverse());
    expect(training.filter((r) => r.label === 'attack').map((r) => r.text).sort()).toEqual([...ATTACKS].sort());
    expect(training.filter((r) => r.label === 'fear')).toHaveLength(2);
    t.close();
  });

  it('a decision that was undone, or replaced by a later one, is not learned from', async () => {
    const t = await siteWithDecisions();
    const before = await t.store.listModeratorDecisions(t.site.id, 1000);
    const audit = await (await t.call('GET', `${apiPaths.moderation.audit(t.site.id)}?action=approve`, { headers: asKey })).json();
    await t.call('POST', apiPaths.moderation.undo(t.site.id, audit.entries[0].id), { headers: asKey });
    const rejectedLater = before.find((d) => d.decision === 'approve' && d.body === FINE[0])!;
    await t.call('POST', apiPaths.moderation.comment(t.site.id, rejectedLater.commentId), { headers: asKey, body: { action: 'reject', reason: 'personal_attack' } });
    const after = await t.store.listModeratorDecisions(t.site.id, 1000);
    expect(after).toHaveLength(before.length - 1);
    expect(after.find((d) => d.commentId === rejectedLater.commentId)).toMatchObject({ decision: 'reject', reason: 'personal_attack' });
    t.close();
  });
});

describe('activating only a model that is no worse', () => {
  const f = (o: Partial<ModelFigures>): ModelFigures => ({ sharedAttackAuc: 0.93, sharedCivilFpr: 0.02, siteRecall: 0.8, siteFalseHolds: 0.1, siteDecisions: 50, ...o });
  it('names every figure the candidate is worse on, and allows a retrain’s noise on the shared ones', () => {
    expect(worseOn(f({}), f({}))).toEqual([]);
    expect(worseOn(f({ sharedAttackAuc: 0.927 }), f({}))).toEqual([]);
    expect(worseOn(f({ sharedAttackAuc: 0.92, siteRecall: 0.7 }), f({}))).toEqual(['shared attack AUC 0.92 < 0.93', 'recent rejections caught 0.7 < 0.8']);
    expect(worseOn(f({ sharedCivilFpr: 0.04, siteFalseHolds: 0.2 }), f({}))).toHaveLength(2);
    expect(worseOn(f({ siteRecall: null }), f({}))).toEqual([]);
  });
});

describe.runIf(BACKEND === 'embedded')('npm run civility:train', () => {
  it('stores a candidate with both models’ figures, and activates it only when no worse, as an audited action', { timeout: 240_000 }, async () => {
    const url = `file:${join(dir, 'cli.db')}`;
    const ctx = await siteWithDecisions(url);
    const run = promisify(execFile);
    const result = await run(join('node_modules', '.bin', 'tsx'), ['scripts/train-site-civility.ts', '--site', ctx.site.id, '--sample', '0.04', '--activate'], {
      env: { ...process.env, LIBSQL_URL: url },
      timeout: 200_000,
    }).catch((e: { code: number; stdout: string; stderr: string }) => e);
    expect(result.stdout).toMatch(/moderator decisions to learn from/);
    expect(result.stdout).toMatch(/Stored candidate/);
    const models = await ctx.store.listCivilityModels(ctx.site.id, 10);
    expect(models).toHaveLength(1);
    expect(models[0].figures).toMatchObject({ candidate: expect.any(Object), activeWhenTrained: expect.any(Object) });
    const site = (await ctx.store.getSite(ctx.site.id))!;
    const info = await (await ctx.call('GET', apiPaths.moderation.model(ctx.site.id), { headers: asKey })).json();
    expect(info.models.map((m: { id: string }) => m.id)).toEqual([models[0].id]);
    if ((models[0].figures.worseOn as string[]).length) {
      expect(result.stdout).toMatch(/Not activated/);
      expect(site.civilityModelId).toBeNull();
      expect(info.active).toMatchObject({ id: null, source: 'shipped' });
    } else {
      expect(result.stdout).toMatch(/Activated/);
      expect(site.civilityModelId).toBe(models[0].id);
      expect(info.active).toMatchObject({ id: models[0].id, source: 'site' });
      expect((await activeCivilityModel(ctx, site)).file.name).toBe(models[0].name);
    }
    ctx.close();
  });
});
