// A site's own civility model: GET /moderation/model says which one its rules run, PUT switches
// (admins and the site key only, audited, undoable), and every runtime loads it from the database.
import { afterEach, describe, expect, it } from 'vitest';
import { apiPaths } from '../../../shared/api-paths';
import { DEFAULT_MODEL } from '../../../server/moderation/civility';
import { sha256Hex } from '../../../server/services/sha256';
import { createTestContext, PERSONAS, TEST_API_KEY, type TestContext } from '../../support/app';
import { openThread, refusal, withoutFloodLimit } from '../../support/api';
import { buildSite } from '../../support/site';

const m = apiPaths.moderation;
const asKey = { 'X-Api-Key': TEST_API_KEY };
let t: TestContext;
afterEach(() => t?.close());

/** The shipped model with its attack and fear heads silenced: a site model whose effect shows. */
function silencedModel(name: string): string {
  const file = structuredClone(DEFAULT_MODEL.file);
  file.name = name;
  file.heads.attack.bias = -60;
  file.heads.fearAnger.bias = -60;
  return JSON.stringify(file);
}

async function saveSiteModel(siteId: string, id: string, name: string) {
  await t.store.saveCivilityModel({ id, siteId, name, createdAt: t.clock.now, figures: { thresholds: { attack: 0.6, fearAnger: 0.5 } }, model: silencedModel(name) });
}

const ATTACK = 'You are an idiot and a liar, Bob.';

describe('the civility model a site runs', () => {
  it('is the shipped one until the site switches, and then its own, on the next post', async () => {
    t = await createTestContext({ site: withoutFloodLimit() });
    const alice = await t.sign(PERSONAS.alice);
    const thread = (await openThread(t, { token: alice })).thread;
    const post = async (body: string) => (await t.call('POST', apiPaths.comments(t.site.id, thread.id), { token: alice, body: { body } })).json();

    const before = await (await t.call('GET', m.model(t.site.id), { headers: asKey })).json();
    expect(before).toMatchObject({ active: { id: null, source: 'shipped', name: DEFAULT_MODEL.file.name }, models: [] });
    expect(before.active.thresholds.attack).toBe(DEFAULT_MODEL.file.attackThreshold);
    t.clock.now += 1000;
    expect((await post(ATTACK)).nudge.reasons[0].ruleId).toBe('civility'); // the shipped model nudges the author first

    await saveSiteModel(t.site.id, 'model-quiet', 'daily-quiet');
    const switched = await t.call('PUT', m.model(t.site.id), { headers: asKey, body: { id: 'model-quiet' } });
    expect(switched.status).toBe(200);
    const body = await switched.json();
    expect(body.active).toMatchObject({ id: 'model-quiet', source: 'site', name: 'daily-quiet', thresholds: { attack: 0.6, fearAnger: 0.5 } });
    expect(body.action.summary).toBe('Switched the civility model to daily-quiet');

    t.clock.now += 1000;
    const published = await post(`${ATTACK} Again.`);
    expect(published.comment?.status).toBe('published');
    const tried = await (await t.call('POST', m.tryComment(t.site.id), { headers: asKey, body: { body: ATTACK } })).json();
    expect(tried.civility.attack).toBeLessThan(0.01);

    // Undone from the audit log like any action: back to the shipped model.
    const audit = await (await t.call('GET', `${m.audit(t.site.id)}?action=activate_model`, { headers: asKey })).json();
    expect(audit.entries).toHaveLength(1);
    expect((await t.call('POST', m.undo(t.site.id, audit.entries[0].id), { headers: asKey })).status).toBe(200);
    expect((await (await t.call('GET', m.model(t.site.id), { headers: asKey })).json()).active.id).toBeNull();
    t.clock.now += 1000;
    expect((await post(`${ATTACK} Once more.`)).nudge.reasons[0].ruleId).toBe('civility');
  });

  it('is switched by admins and the site key only, and only to a model of the site’s own', async () => {
    t = await createTestContext();
    await t.store.saveSite(buildSite({ id: 'other', apiKeyHash: await sha256Hex(TEST_API_KEY) }), t.clock.now);
    await saveSiteModel('other', 'model-other', 'other-quiet');
    const mod = await t.sign(PERSONAS.mod);
    expect(await refusal(await t.call('PUT', m.model(t.site.id), { token: mod, body: { id: null } }))).toMatchObject({ status: 403, code: 'forbidden' });
    expect(await refusal(await t.call('PUT', m.model(t.site.id), { headers: asKey, body: { id: 'model-other' } }))).toMatchObject({ status: 404, code: 'not_found' });
    expect(await refusal(await t.call('PUT', m.model(t.site.id), { headers: asKey, body: { id: 'no such model!' } }))).toMatchObject({ status: 400, code: 'invalid_input' });
    expect((await (await t.call('GET', m.model(t.site.id), { headers: asKey })).json()).models).toEqual([]);
    // A moderator may look.
    expect((await t.call('GET', m.model(t.site.id), { token: mod })).status).toBe(200);
  });
});
