import { afterEach, describe, expect, it } from 'vitest';
import { apiPaths } from '../../../shared/api-paths';
import { SiteSettings } from '../../../shared/schemas/site';
import { createTestContext, PERSONAS, TEST_API_KEY, type TestContext } from '../../support/app';
import { openThread } from '../../support/api';

let t: TestContext;
afterEach(() => t?.close());

const ATTACK = 'You are an idiot and everyone can see it.';

async function setup(civilityAction: 'nudge' | 'hold' | 'reject' = 'hold', nudge = true) {
  t = await createTestContext({ site: { settings: SiteSettings.parse({ moderation: { nudge, rules: { civility: { action: civilityAction } } } }) } });
  const token = await t.sign(PERSONAS.alice);
  const thread = (await openThread(t, { token })).thread;
  const post = (body: string, afterNudge?: 'post_anyway' | 'revised') =>
    t.call('POST', apiPaths.comments('daily', thread.id), { token, body: afterNudge ? { body, afterNudge } : { body } });
  return { token, thread, post };
}

describe('civility in the pipeline', () => {
  it('shows an attack on a person to its author before posting, with the spans that read as one', async () => {
    const { post } = await setup();
    const res = await post(ATTACK);
    expect(res.status).toBe(200);
    const { nudge } = await res.json();
    expect(nudge.message).toMatch(/^This reads as a personal attack on another member: ‘idiot’\. You can edit it/);
    const civility = nudge.reasons.find((r: { ruleId: string }) => r.ruleId === 'civility');
    expect(civility.score).toBeGreaterThan(0.5);
    expect(civility.spans.map((s: { start: number; end: number }) => ATTACK.slice(s.start, s.end)).join(' ')).toMatch(/idiot/i);
    expect((await openThread(t)).thread.commentCount).toBe(0); // nothing stored
  });

  it('lets criticism of an argument through untouched', async () => {
    const { post } = await setup();
    const res = await post('This argument is absurd: the numbers in the report contradict it.');
    expect(res.status).toBe(201);
    expect((await res.json()).comment.status).toBe('published');
  });

  it('holds the comment for review when the author posts anyway, and counts the nudges', async () => {
    const { post } = await setup();
    await post(ATTACK);
    const anyway = await post(ATTACK, 'post_anyway');
    expect(anyway.status).toBe(201);
    expect((await anyway.json()).comment.status).toBe('pending');
    const second = await post('You are a clueless moron, honestly.');
    expect(second.status).toBe(200);
    const revised = await post('I think you have misread the budget figures.', 'revised');
    expect((await revised.json()).comment.status).toBe('published');
    const stats = await (await t.call('GET', apiPaths.moderation.stats('daily'), { headers: { 'X-Api-Key': TEST_API_KEY } })).json();
    expect(stats.nudges).toEqual({ shown: 2, postedAnyway: 1, revised: 1 });
    const queue = await (await t.call('GET', apiPaths.moderation.queue('daily'), { headers: { 'X-Api-Key': TEST_API_KEY } })).json();
    expect(queue.items[0].reasons[0]).toMatchObject({ ruleId: 'civility' });
  });

  it('holds without a nudge when the site turns nudges off, and rejects when told to', async () => {
    const held = await setup('hold', false);
    expect((await (await held.post(ATTACK)).json()).comment.status).toBe('pending');
    t.close();
    const rejecting = await setup('reject');
    const res = await rejecting.post(ATTACK);
    expect((await res.json()).comment.status).toBe('rejected');
  });
});
