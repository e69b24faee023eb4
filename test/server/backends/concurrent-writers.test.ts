// Twenty members post at once, each a run of comments one after another, on every backend (on
// workerd: the worker in workerd on sqld, where writes must never wait on another request's I/O).
// Every 201 is stored; nothing is stored that was not answered 201, except what an answer of 503
// (or no answer) may have left; nothing is a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths } from '../../../shared/api-paths';
import { BACKEND, createTestContext, type TestContext } from '../../support/app';
import { openThread, withoutFloodLimit } from '../../support/api';

export const WRITERS = 20;
export const POSTS_PER_WRITER = 10;

describe(`${WRITERS} concurrent writers (${BACKEND})`, () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext({ site: withoutFloodLimit() });
  });
  afterAll(() => t?.close());

  it('stores every acknowledged comment, and nothing that was refused', async () => {
    const threadId = (await openThread(t)).thread.id;
    const tokens = await Promise.all(Array.from({ length: WRITERS }, (_, i) => t.sign({ sub: `writer-${i}`, name: `Writer ${i}`, tier: 'member' })));
    const outcomes: { body: string; status: number | 'no answer' }[] = [];
    await Promise.all(
      tokens.map(async (token, writer) => {
        for (let n = 0; n < POSTS_PER_WRITER; n++) {
          const body = `writer ${writer} comment ${n}`;
          const status = await t
            .call('POST', apiPaths.comments(t.site.id, threadId), { token, body: { body }, headers: { 'Idempotency-Key': `w${writer}-c${n}` } })
            .then((r) => r.status, () => 'no answer' as const);
          outcomes.push({ body, status });
        }
      }),
    );
    const stored = new Set(
      (await t.client.execute({ sql: 'SELECT body_src FROM comments WHERE thread_id = ?', args: [threadId] })).rows.map((r) => String(r.body_src)),
    );
    const byStatus = new Map<string, number>();
    for (const o of outcomes) byStatus.set(String(o.status), (byStatus.get(String(o.status)) ?? 0) + 1);
    const figures = { writers: WRITERS, sent: outcomes.length, stored: stored.size, statuses: Object.fromEntries(byStatus) };
    console.log(`concurrent writers on ${BACKEND}: ${JSON.stringify(figures)}`);

    const acknowledged = outcomes.filter((o) => o.status === 201).map((o) => o.body);
    const mayHaveLanded = new Set(outcomes.filter((o) => o.status === 503 || o.status === 'no answer').map((o) => o.body));
    expect(outcomes.filter((o) => o.status !== 201 && o.status !== 503 && o.status !== 'no answer'), JSON.stringify(figures)).toEqual([]);
    expect(acknowledged.filter((body) => !stored.has(body))).toEqual([]);
    expect([...stored].filter((body) => !acknowledged.includes(body) && !mayHaveLanded.has(body))).toEqual([]);
    // Overlapping writes are the normal case: most of them must go through, not merely fail cleanly.
    expect(acknowledged.length).toBeGreaterThanOrEqual(outcomes.length * 0.9);
    const count = await t.client.execute({ sql: 'SELECT comment_count FROM threads WHERE id = ?', args: [threadId] });
    expect(Number(count.rows[0].comment_count)).toBe(stored.size);
  });
});
