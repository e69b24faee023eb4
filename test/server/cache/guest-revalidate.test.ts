import { afterEach, describe, expect, it } from 'vitest';
import { memoryResponseCache } from '../../../server/cache/response-cache';
import { createTestContext, PERSONAS, type TestContext } from '../../support/app';
import { openThread, postComment } from '../../support/api';

let t: TestContext;
afterEach(() => t?.close());

describe('guest reads answered from memory', () => {
  it('serves a guest the same bytes for a second without looking at the database, then revalidates', async () => {
    t = await createTestContext({ deps: { responseCache: memoryResponseCache({ now: () => t.clock.now }), guestRevalidateMs: 1000 } });
    const alice = await t.sign(PERSONAS.alice);
    const thread = (await openThread(t, { token: alice })).thread;
    await postComment(t, thread.id, alice, 'First comment here');
    expect((await openThread(t)).comments).toHaveLength(1);

    await postComment(t, thread.id, alice, 'Second comment here');
    // Within the second: the remembered response, even though the thread changed.
    expect((await openThread(t)).comments).toHaveLength(1);
    // The author, signed in, sees their comment at once.
    expect((await openThread(t, { token: alice })).comments).toHaveLength(2);

    t.clock.now += 1000;
    expect((await openThread(t)).comments).toHaveLength(2);
  });

  it('answers 304 from memory when the guest already holds that version', async () => {
    t = await createTestContext({ deps: { responseCache: memoryResponseCache({ now: () => t.clock.now }), guestRevalidateMs: 1000 } });
    const first = await t.call('GET', `/api/v1/sites/daily/thread?url=${encodeURIComponent('https://news.example/a')}`);
    const etag = first.headers.get('ETag')!;
    const again = await t.call('GET', `/api/v1/sites/daily/thread?url=${encodeURIComponent('https://news.example/a')}`, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get('ETag')).toBe(etag);
  });
});
