// The Stats tab's numbers: commenters per day, the busiest articles, how long comments wait for a
// moderator, and what moderators made of each rule's holds.
import { afterEach, describe, expect, it } from 'vitest';
import { apiPaths } from '../../../shared/api-paths';
import { StatsResponse } from '../../../shared/schemas/moderation-api';
import { SiteSettings } from '../../../shared/schemas/site';
import { percentile } from '../../../server/services/moderation/stats';
import { createTestContext, PERSONAS, type TestContext } from '../../support/app';
import { openThread, postComment, withoutFloodLimit } from '../../support/api';

const m = apiPaths.moderation;
const MIN = 60_000;
let t: TestContext;
afterEach(() => t?.close());

describe('moderation statistics', () => {
  it('count commenters and articles, time decisions, and say how often moderators upheld each rule', async () => {
    t = await createTestContext({ site: { ...withoutFloodLimit(), settings: SiteSettings.parse({ moderation: { premoderation: 'all', rules: { flooding: { enabled: false } } } }) } });
    const alice = await t.sign(PERSONAS.alice);
    const bob = await t.sign(PERSONAS.bob);
    const mod = await t.sign(PERSONAS.mod);
    const a = (await openThread(t, { token: alice, url: 'https://news.example/a', title: 'Article A' })).thread;
    const b = (await openThread(t, { token: alice, url: 'https://news.example/b', title: 'Article B' })).thread;
    const first = await postComment(t, a.id, alice, 'One');
    const second = await postComment(t, a.id, alice, 'Two');
    await postComment(t, a.id, alice, 'Three');
    await postComment(t, a.id, bob, 'Four');
    await postComment(t, b.id, bob, 'Five');
    const posted = t.clock.now;

    t.clock.now += 10 * MIN;
    await t.call('POST', m.comment(t.site.id, first.id), { token: mod, body: { action: 'approve' } });
    t.clock.now += 20 * MIN;
    await t.call('POST', m.comment(t.site.id, second.id), { token: mod, body: { action: 'reject', reason: 'spam' } });

    const res = await t.call('GET', m.stats(t.site.id), { token: mod });
    const stats = await res.json();
    expect(StatsResponse.safeParse(stats).success).toBe(true);
    expect(stats.days).toEqual([expect.objectContaining({ total: 5, commenters: 2 })]);
    expect(stats.articles.map((x: { title: string; comments: number; commenters: number }) => [x.title, x.comments, x.commenters])).toEqual([
      ['Article A', 4, 2],
      ['Article B', 1, 1],
    ]);
    expect(stats.moderation).toEqual({ decided: 2, p50Ms: 10 * MIN, p90Ms: 30 * MIN, pending: 3, oldestPendingMs: t.clock.now - posted });
    expect(stats.rules.premoderation).toEqual({ stopped: 5, approved: 1, rejected: 1, autoRejected: 0, waiting: 3 });
  });

  it('take the nearest-rank percentile', () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([5], 0.9)).toBe(5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.5)).toBe(5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
  });
});
