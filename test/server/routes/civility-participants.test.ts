// Whom an insult is aimed at: the thread's other commenters count as members, so an insult that
// names one of them is a personal attack on a member, while the same words about a stranger are not.
import { afterEach, describe, expect, it } from 'vitest';
import { apiPaths } from '../../../shared/api-paths';
import { classifyCivility } from '../../../server/moderation/civility';
import { createTestContext, PERSONAS, type TestContext } from '../../support/app';
import { openThread, postComment, withoutFloodLimit } from '../../support/api';

let t: TestContext;
afterEach(() => t?.close());

const INSULT = 'Bob is clueless and a fool.';

describe('the civility rule and the thread’s commenters', () => {
  it('reads an insult naming another commenter as a personal attack on a member', async () => {
    t = await createTestContext({ site: withoutFloodLimit() });
    const alice = await t.sign(PERSONAS.alice);
    const bob = await t.sign(PERSONAS.bob);
    const thread = (await openThread(t, { token: alice })).thread;
    await postComment(t, thread.id, bob, 'I think the levy is fair.');
    t.clock.now += 1000;
    const res = await t.call('POST', apiPaths.comments(t.site.id, thread.id), { token: alice, body: { body: INSULT } });
    expect(res.status).toBe(200);
    const { nudge } = await res.json();
    expect(nudge.reasons[0]).toMatchObject({ ruleId: 'civility', message: expect.stringMatching(/^This reads as a personal attack on another member: ‘.*(clueless|fool)/) });
  });

  it('names the replied-to author first, then the thread’s other commenters, never the writer', async () => {
    t = await createTestContext({ site: withoutFloodLimit() });
    const alice = await t.sign(PERSONAS.alice);
    const bob = await t.sign(PERSONAS.bob);
    const carol = await t.sign({ sub: 'u-carol', name: 'Carol', tier: 'member' });
    const thread = (await openThread(t, { token: alice })).thread;
    const first = await postComment(t, thread.id, bob, 'An early remark.');
    t.clock.now += 1000;
    await postComment(t, thread.id, carol, 'A later remark.');
    t.clock.now += 1000;
    const own = await postComment(t, thread.id, alice, 'My own remark.');
    const aliceId = (await t.store.findUserByExternalId(t.site.id, 'u-alice'))!.id;
    expect(await t.store.recentCommenters(thread.id, aliceId, first.id)).toEqual(['Bob', 'Carol']);
    expect(await t.store.recentCommenters(thread.id, aliceId, own.id)).toEqual(['Carol', 'Bob']);
  });

  it('takes a commenter’s name for a member, but not the everyday words of a chosen display name', () => {
    const alone = classifyCivility(INSULT);
    const named = classifyCivility(INSULT, { participants: ['Bob Baker'] });
    expect(named.attack).toBeGreaterThan(alone.attack);
    expect(named.attackOther).toBeLessThan(alone.attackOther);
    const senator = 'The senator is clueless and a fool.';
    expect(classifyCivility(senator, { participants: ['The Realist', 'Just Me'] })).toEqual(classifyCivility(senator));
  });
});
