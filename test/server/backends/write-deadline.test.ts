// A write stuck behind another writer's lock on the libSQL server: the client is answered 503 with
// Retry-After once the write deadline passes, and the write either never lands or, once the lock
// is released, lands once; a retry with the same Idempotency-Key finds it. Needs a server that
// another client can lock, so it runs on the sqld and workerd backends.
import { afterAll, describe, expect, it } from 'vitest';
import type { Transaction } from '@libsql/client';
import { apiPaths } from '../../../shared/api-paths';
import { REMOTE_READ_TIMEOUT_MS } from '../../../server/store/libsql/db';
import { BACKEND, createTestContext, PERSONAS, type TestContext } from '../../support/app';
import { openThread, postComment, refusal, withoutFloodLimit } from '../../support/api';

let t: TestContext | undefined;
let lock: Transaction | undefined;

afterAll(async () => {
  await lock?.rollback().catch(() => {});
  t?.close();
});

describe.skipIf(BACKEND === 'embedded')('a write past its deadline', () => {
  it('answers 503 with Retry-After, and a retry with the same key finds the one write that landed', async () => {
    t = await createTestContext({ site: withoutFloodLimit() });
    const alice = await t.sign(PERSONAS.alice);
    const threadId = (await openThread(t)).thread.id;
    await postComment(t, threadId, alice, 'Before the lock'); // Alice's member row exists: the post is one write
    const post = () =>
      t!.call('POST', apiPaths.comments(t!.site.id, threadId), { token: alice, body: { body: 'Behind the lock' }, headers: { 'Idempotency-Key': 'stuck-1' } });

    // Another client takes the write lock and keeps it.
    lock = await t.client.transaction('write');
    await lock.execute("UPDATE sites SET name = name WHERE id = 'daily'");
    const started = Date.now();
    const stuck = await post();
    const waited = Date.now() - started;
    expect(await refusal(stuck.clone())).toMatchObject({ status: 503, code: 'unavailable' });
    expect(Number(stuck.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(waited).toBeGreaterThanOrEqual(REMOTE_READ_TIMEOUT_MS - 100);
    expect(waited).toBeLessThan(REMOTE_READ_TIMEOUT_MS + 2000);

    await lock.commit();
    lock = undefined;
    // The client retries as Retry-After says, with the same key, until it has an answer.
    let answer: Response;
    for (let attempt = 0; ; attempt++) {
      answer = await post();
      if ((answer.status !== 409 && answer.status !== 503) || attempt === 20) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(answer.status, await answer.clone().text()).toBe(201);
    const rows = await t.client.execute({ sql: "SELECT id FROM comments WHERE body_src = 'Behind the lock'", args: [] });
    expect(rows.rows.map((r) => r.id)).toEqual([(await answer.json()).comment.id]);
  });
});
