// At least once, nothing lost: a dispatcher process killed while a receiver holds its request
// leaves the delivery claimed under a lease; once the lease runs out the next pass sends it again
// (same webhook-id, so the receiver can tell), and it is recorded delivered once. And the loop a
// Node server runs: one leader per database, deliveries within its interval, old rows swept.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatchOnce } from '../../../../server/services/events/dispatch';
import { startDispatcherLoop } from '../../../../server/services/events/dispatcher-loop';
import type { ServiceDeps } from '../../../../server/services/deps';
import { nodeOutbound } from '../../../../server/runtime/node-outbound';
import { newWebhookSecret } from '../../../../server/services/events/sign-webhook';
import { BACKEND, createTestContext, PERSONAS, type TestContext } from '../../../support/app';
import { openThread, postComment } from '../../../support/api';
import { startWebhookReceiver, type WebhookReceiver } from '../../../support/webhook-receiver';

let t: TestContext | undefined;
let receiver: WebhookReceiver | undefined;
let dir: string | undefined;
afterEach(async () => {
  await receiver?.close();
  t?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  receiver = t = dir = undefined;
});

const until = async (check: () => boolean, ms = 20_000) => {
  for (const end = Date.now() + ms; !check(); ) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
};

async function setUp(url?: string) {
  t = await createTestContext({ url });
  t.clock.now = Date.now();
  const secret = newWebhookSecret();
  receiver = await startWebhookReceiver(() => secret);
  await t.store.saveWebhook({ id: 'hook1', siteId: t.site.id, url: receiver.url, secret, eventTypes: ['comment.published'], enabled: true, description: '', allowPrivateNetwork: true, createdAt: 0, updatedAt: 0 });
  const deps: ServiceDeps = { store: t.store, now: () => t!.clock.now, newId: () => 'x', ipSalt: 'x', outbound: nodeOutbound, privateNetworkAllowed: true };
  const alice = await t.sign(PERSONAS.alice);
  const thread = (await openThread(t, { token: alice })).thread;
  return { deps, alice, thread };
}

describe.skipIf(BACKEND !== 'embedded')('the dispatcher process', () => {
  it('sends again, after its lease runs out, what a killed dispatcher was sending, and records it delivered once', async () => {
    dir = mkdtempSync(join(tmpdir(), 'parley-outbox-'));
    const url = `file:${join(dir, 'db.sqlite')}`;
    const { deps, alice, thread } = await setUp(url);
    await postComment(t!, thread.id, alice, 'Hello.');
    receiver!.answer = (n) => (n === 0 ? 'hang' : 200);

    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/dispatch-child.ts', url], { stdio: 'ignore' });
    await until(() => receiver!.received.length === 1);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));

    // Still claimed by the dead process: nothing is sent before its lease runs out.
    expect(await dispatchOnce(deps)).toMatchObject({ delivered: 0 });
    t!.clock.now += 200_000;
    expect(await dispatchOnce(deps)).toMatchObject({ delivered: 1 });
    const [first, second] = receiver!.received;
    expect(second.id).toBe(first.id);
    const rs = await t!.client.execute("SELECT status, attempts FROM deliveries");
    expect(rs.rows.map((r) => [r.status, Number(r.attempts)])).toEqual([['delivered', 2]]);
  }, 60_000);

  it('runs in a server process: one leader among several, delivering within its interval', async () => {
    const { deps, alice, thread } = await setUp();
    const real = { ...deps, now: Date.now };
    const loops = ['a', 'b', 'c'].map((holder) => startDispatcherLoop(real, { holder, intervalMs: 50 }));
    try {
      const posted = Date.now();
      await postComment(t!, thread.id, alice, 'Hello.');
      await until(() => receiver!.received.length === 1);
      expect(Date.now() - posted).toBeLessThan(5_000);
      const leases = await t!.client.execute('SELECT holder FROM dispatcher_leases');
      expect(leases.rows).toHaveLength(1);
      await postComment(t!, thread.id, alice, 'Again.');
      await until(() => receiver!.received.length === 2);
      await new Promise((r) => setTimeout(r, 200));
      expect(receiver!.received).toHaveLength(2);
    } finally {
      await Promise.all(loops.map((l) => l.stop()));
    }
  });

  it('forgets finished deliveries after a month and events nothing waits on after a week', async () => {
    const { deps, alice, thread } = await setUp();
    await postComment(t!, thread.id, alice, 'Hello.');
    await dispatchOnce(deps);
    const count = async (table: string) => Number((await t!.client.execute(`SELECT COUNT(*) AS n FROM ${table}`)).rows[0].n);
    expect(await t!.store.sweepOutbox(t!.clock.now - 1, t!.clock.now - 1)).toBe(0);
    // Past a week the events without deliveries go; the delivered one's event stays with its delivery.
    expect(await t!.store.sweepOutbox(t!.clock.now + 1, t!.clock.now - 1)).toBe(1);
    expect([await count('outbox_events'), await count('deliveries')]).toEqual([1, 1]);
    expect(await t!.store.sweepOutbox(t!.clock.now + 1, t!.clock.now + 1)).toBe(2);
    expect([await count('outbox_events'), await count('deliveries')]).toEqual([0, 0]);
  });
});
