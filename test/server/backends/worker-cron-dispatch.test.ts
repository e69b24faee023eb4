// The outbox dispatcher's Workers path: the worker's `scheduled` handler (the Cron Trigger in
// wrangler.toml), run in workerd against sqld, fans a comment's events out and tries the
// delivery. Workers never reach private addresses, so the receiver here (127.0.0.1) is refused,
// and the delivery waits for its retry with that reason: the path ran, and the rule held.
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Miniflare } from 'miniflare';
import { afterEach, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { BACKEND, createTestContext, PERSONAS, type TestContext } from '../../support/app';
import { openThread, postComment } from '../../support/api';
import { apiPaths } from '../../../shared/api-paths';
import { TEST_ORIGIN } from '../../support/site';

let t: TestContext | undefined;
let mf: Miniflare | undefined;
afterEach(async () => {
  t?.close();
  await mf?.dispose();
  t = mf = undefined;
});

describe.skipIf(BACKEND !== 'workerd')('the Cron Trigger', () => {
  it('is in wrangler.toml, and its run delivers the outbox from workerd against sqld', async () => {
    expect(readFileSync('wrangler.toml', 'utf8')).toMatch(/\[triggers\]\s*\ncrons = \["\* \* \* \* \*"\]/);
    t = await createTestContext();
    t.clock.now = Date.now();
    await t.store.saveWebhook({ id: 'hook1', siteId: t.site.id, url: 'https://127.0.0.1/hook', secret: 'whsec_c2VjcmV0', eventTypes: ['comment.published'], enabled: true, description: '', allowPrivateNetwork: true, createdAt: 0, updatedAt: 0 });
    const alice = await t.sign(PERSONAS.alice);
    const thread = (await openThread(t, { token: alice })).thread;
    await postComment(t, thread.id, alice, 'Hello.');

    const bundle = inject('workerBundle');
    mf = new Miniflare({ modules: true, scriptPath: bundle, modulesRoot: dirname(bundle), compatibilityDate: inject('compatibilityDate'), bindings: { LIBSQL_URL: inject('libsqlUrl') } });
    // Miniflare's Fetcher has scheduled(); its published types leave it out.
    const worker = (await mf.getWorker()) as unknown as { scheduled(o: { cron: string }): Promise<unknown> };
    await worker.scheduled({ cron: '* * * * *' });

    const events = await t.client.execute('SELECT type, fanned_out FROM outbox_events ORDER BY rowid');
    expect(events.rows.map((r) => [r.type, Number(r.fanned_out)])).toEqual([['comment.created', 1], ['comment.published', 1]]);
    const deliveries = await t.client.execute('SELECT status, attempts, last_error FROM deliveries');
    expect(deliveries.rows).toHaveLength(1);
    expect(deliveries.rows[0]).toMatchObject({ status: 'pending', attempts: 1 });
    expect(String(deliveries.rows[0].last_error)).toMatch(/must be a public address/);
  }, 60_000);

  it('is woken by a write through the optional Queue, without waiting for the next minute', async () => {
    expect(readFileSync('wrangler.toml', 'utf8')).toMatch(/# binding = "OUTBOX_QUEUE"/);
    t = await createTestContext();
    t.clock.now = Date.now();
    await t.store.saveWebhook({ id: 'hook1', siteId: t.site.id, url: 'https://127.0.0.1/hook', secret: 'whsec_c2VjcmV0', eventTypes: ['comment.published'], enabled: true, description: '', allowPrivateNetwork: true, createdAt: 0, updatedAt: 0 });
    const alice = await t.sign(PERSONAS.alice);
    const thread = (await openThread(t, { token: alice })).thread;

    const bundle = inject('workerBundle');
    mf = new Miniflare({
      modules: true,
      scriptPath: bundle,
      modulesRoot: dirname(bundle),
      compatibilityDate: inject('compatibilityDate'),
      bindings: { LIBSQL_URL: inject('libsqlUrl') },
      queueProducers: { OUTBOX_QUEUE: 'parley-outbox' },
      queueConsumers: { 'parley-outbox': { maxBatchTimeout: 0 } },
    });
    const res = await mf.dispatchFetch(`https://comments.example${apiPaths.comments(t.site.id, thread.id)}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${alice}`, 'Content-Type': 'application/json', Origin: TEST_ORIGIN, 'CF-Connecting-IP': '203.0.113.9' },
      body: JSON.stringify({ body: 'Woken by the queue.' }),
    });
    expect(res.status).toBe(201);
    // No cron run here: only the queue's consumer can have tried the delivery.
    let rows: Record<string, unknown>[] = [];
    for (let i = 0; i < 100 && !rows.length; i++) {
      rows = (await t.client.execute('SELECT status, attempts, last_error FROM deliveries WHERE attempts > 0')).rows as never;
      if (!rows.length) await new Promise((r) => setTimeout(r, 100));
    }
    expect(rows).toHaveLength(1);
    expect(String(rows[0].last_error)).toMatch(/must be a public address/);
  }, 60_000);
});
