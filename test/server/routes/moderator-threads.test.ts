// The moderators' thread list and a thread's whole record: every thread of the site newest first
// with what waits in it, and one thread's comments in every state, to act on it with them in view.
import { afterEach, describe, expect, it } from 'vitest';
import { apiPaths } from '../../../shared/api-paths';
import { ModeratedThread, ThreadReviewResponse, ThreadsResponse } from '../../../shared/schemas/moderation-api';
import { SiteSettings } from '../../../shared/schemas/site';
import { sha256Hex } from '../../../server/services/sha256';
import { createTestContext, PERSONAS, TEST_API_KEY, type TestContext } from '../../support/app';
import { openThread, postComment, refusal } from '../../support/api';
import { buildSite } from '../../support/site';

const m = apiPaths.moderation;
let t: TestContext;
afterEach(() => t?.close());

async function site() {
  t = await createTestContext({ site: { settings: SiteSettings.parse({ moderation: { nudge: false, rules: { flooding: { enabled: false }, suspectWords: { words: ['idiot'] } } } }) } });
  const alice = await t.sign(PERSONAS.alice);
  const mod = await t.sign(PERSONAS.mod);
  return { alice, mod };
}

describe('threads for moderators', () => {
  it('lists the site’s threads newest first, with their pending and rejected counts, a page at a time', async () => {
    const { alice, mod } = await site();
    const older = (await openThread(t, { token: alice, url: 'https://news.example/older', title: 'Older' })).thread;
    t.clock.now += 60_000;
    const newer = (await openThread(t, { token: alice, url: 'https://news.example/newer', title: 'Newer' })).thread;
    await postComment(t, newer.id, alice, 'You idiot.');
    await postComment(t, newer.id, alice, 'A civil one.');

    const first = await (await t.call('GET', `${m.threads(t.site.id)}?limit=1`, { token: mod })).json();
    expect(ThreadsResponse.safeParse(first).success).toBe(true);
    expect(first.threads.map((x: ModeratedThread) => [x.title, x.pending, x.rejected, x.commentCount, x.premoderate])).toEqual([['Newer', 1, 0, 1, false]]);
    const second = await (await t.call('GET', `${m.threads(t.site.id)}?limit=1&cursor=${first.nextCursor}`, { token: mod })).json();
    expect(second.threads.map((x: ModeratedThread) => x.id)).toEqual([older.id]);
    expect(second.nextCursor).toBeNull();
    // Members cannot read it.
    expect((await refusal(await t.call('GET', m.threads(t.site.id), { token: alice }))).code).toBe('forbidden');
  });

  it('shows one thread’s comments in every state, and its state after an action', async () => {
    const { alice, mod } = await site();
    const thread = (await openThread(t, { token: alice, title: 'City budget' })).thread;
    const held = await postComment(t, thread.id, alice, 'What an idiot.');
    t.clock.now += 1000;
    const shown = await postComment(t, thread.id, alice, 'A fair question.');
    t.clock.now += 1000;
    const gone = await postComment(t, thread.id, alice, 'Deleted by its author.');
    await t.call('DELETE', apiPaths.comment(t.site.id, gone.id), { token: alice });
    await t.call('POST', m.thread(t.site.id, thread.id), { token: mod, body: { action: 'premoderate' } });

    const res = await t.call('GET', m.thread(t.site.id, thread.id), { token: mod });
    const review = await res.json();
    expect(ThreadReviewResponse.safeParse(review).success).toBe(true);
    expect(review.thread).toMatchObject({ id: thread.id, title: 'City budget', premoderate: true, closed: false, pending: 1, rejected: 0 });
    expect(review.items.map((i: { id: string; state: string }) => [i.id, i.state])).toEqual([
      [gone.id, 'deleted'],
      [shown.id, 'published'],
      [held.id, 'pending'],
    ]);
    expect((await refusal(await t.call('GET', m.thread(t.site.id, 'no-such-thread'), { token: mod }))).code).toBe('thread_not_found');
  });

  it('never shows another site’s thread', async () => {
    const { alice } = await site();
    const thread = (await openThread(t, { token: alice })).thread;
    await t.store.saveSite(buildSite({ id: 'rival', apiKeyHash: await sha256Hex(TEST_API_KEY) }), t.clock.now);
    const asRival = { headers: { 'X-Api-Key': TEST_API_KEY } };
    expect((await refusal(await t.call('GET', m.thread('rival', thread.id), asRival))).code).toBe('thread_not_found');
    expect((await (await t.call('GET', m.threads('rival'), asRival)).json()).threads).toEqual([]);
  });
});
