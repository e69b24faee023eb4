// The outbox dispatcher against a real HTTP receiver on 127.0.0.1: signed requests (checked with
// node:crypto), only the events an endpoint asked for, retries with backoff, dead letters and a
// retry from the API, the per-endpoint cap, and test events.
import { afterEach, describe, expect, it } from 'vitest';
import { apiPaths } from '../../../../shared/api-paths';
import { CommentEventData } from '../../../../shared/schemas/events';
import { SiteSettings } from '../../../../shared/schemas/site';
import { dispatchOnce, type DispatchOptions } from '../../../../server/services/events/dispatch';
import type { ServiceDeps } from '../../../../server/services/deps';
import type { WebhookEndpointRecord } from '../../../../server/store/events-port';
import { nodeOutbound } from '../../../../server/runtime/node-outbound';
import { newWebhookSecret } from '../../../../server/services/events/sign-webhook';
import { createTestContext, PERSONAS, type TestContext } from '../../../support/app';
import { openThread, postComment } from '../../../support/api';
import { buildSite } from '../../../support/site';
import { startWebhookReceiver, type WebhookReceiver } from '../../../support/webhook-receiver';

const m = apiPaths.moderation;
const ADMIN = { sub: 'u-ada', name: 'Ada', tier: 'member', role: 'admin' as const };
let t: TestContext;
let receiver: WebhookReceiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
  t?.close();
});

let secret = '';
async function setUp(endpoint: Partial<WebhookEndpointRecord> = {}) {
  t = await createTestContext({ site: { settings: SiteSettings.parse({ moderation: { nudge: false, rules: { flooding: { enabled: false }, suspectWords: { words: ['idiot'] } } } }) } });
  secret = newWebhookSecret();
  receiver = await startWebhookReceiver(() => secret);
  // Saved through the store: on workerd the API refuses a private address, as it should.
  const hook: WebhookEndpointRecord = {
    id: 'hook1', siteId: t.site.id, url: receiver.url, secret, eventTypes: ['*'], enabled: true, description: '',
    allowPrivateNetwork: true, createdAt: t.clock.now, updatedAt: t.clock.now, ...endpoint,
  };
  await t.store.saveWebhook(hook);
  const deps: ServiceDeps = { store: t.store, now: () => t.clock.now, newId: () => `id${Math.random().toString(36).slice(2)}`, ipSalt: 'salt', outbound: nodeOutbound, privateNetworkAllowed: true };
  const dispatch = (o: Partial<DispatchOptions> = {}) => dispatchOnce(deps, { random: () => 1, baseDelayMs: 1000, ...o });
  return { hook, deps, dispatch, alice: await t.sign(PERSONAS.alice), admin: await t.sign(ADMIN), mod: await t.sign(PERSONAS.mod) };
}

describe('webhook delivery', () => {
  it('sends each event an endpoint wants once, signed, with the event id as webhook-id', async () => {
    const { dispatch, alice } = await setUp({ eventTypes: ['comment.published', 'comment.reply'] });
    // Another site's endpoint hears nothing of this one.
    await t.store.saveSite(buildSite({ id: 'other' }), t.clock.now);
    await t.store.saveWebhook({ id: 'hook-other', siteId: 'other', url: receiver!.url, secret, eventTypes: ['*'], enabled: true, description: '', allowPrivateNetwork: true, createdAt: 0, updatedAt: 0 });
    const thread = (await openThread(t, { token: alice })).thread;
    const top = await postComment(t, thread.id, alice, 'A fair question.');
    await postComment(t, thread.id, alice, 'What an idiot.');
    await postComment(t, thread.id, alice, 'Me again.', top.id);

    const report = await dispatch();
    expect(report).toMatchObject({ delivered: 3, retried: 0, dead: 0 });
    const got = receiver!.received;
    expect(got.map((h) => [h.body.type, h.body.data.comment.id]).sort()).toEqual(
      [['comment.published', top.id], ['comment.published', expect.any(String)], ['comment.reply', expect.any(String)]].sort(),
    );
    for (const h of got) {
      expect(h.verified).toBe(true);
      expect(h.id).toMatch(/\.comment\.(published|reply)$/);
      expect(Math.abs(h.timestamp - t.clock.now / 1000)).toBeLessThan(2);
      expect(CommentEventData.safeParse(h.body.data).success).toBe(true);
    }
    expect(new Set(got.map((h) => h.id)).size).toBe(3);
    // Nothing is sent twice.
    expect(await dispatch()).toMatchObject({ delivered: 0 });
    expect(receiver!.received).toHaveLength(3);
  });

  it('sends nothing to a disabled endpoint', async () => {
    const { dispatch, alice } = await setUp({ enabled: false });
    const thread = (await openThread(t, { token: alice })).thread;
    await postComment(t, thread.id, alice, 'Hello.');
    expect(await dispatch()).toMatchObject({ delivered: 0 });
    expect(receiver!.received).toHaveLength(0);
  });

  it('retries a failing receiver with growing delays, dead-letters it, and sends it again when an admin retries', async () => {
    const { dispatch, alice, admin, mod } = await setUp({ eventTypes: ['comment.published'] });
    receiver!.answer = () => 500;
    const thread = (await openThread(t, { token: alice })).thread;
    await postComment(t, thread.id, alice, 'Hello.');
    const start = t.clock.now;

    expect(await dispatch({ maxAttempts: 3 })).toMatchObject({ retried: 1 });
    t.clock.now = start + 999;
    expect(await dispatch({ maxAttempts: 3 })).toMatchObject({ retried: 0, dead: 0 });
    t.clock.now = start + 1000;
    expect(await dispatch({ maxAttempts: 3 })).toMatchObject({ retried: 1 });
    // The second retry waits twice as long.
    t.clock.now = start + 1000 + 1999;
    expect(await dispatch({ maxAttempts: 3 })).toMatchObject({ retried: 0 });
    t.clock.now = start + 3000;
    expect(await dispatch({ maxAttempts: 3 })).toMatchObject({ dead: 1 });
    expect(receiver!.received).toHaveLength(3);
    expect(new Set(receiver!.received.map((h) => h.id)).size).toBe(1);

    const listed = await (await t.call('GET', `${m.deliveries(t.site.id)}?status=dead`, { token: admin })).json();
    expect(listed.deliveries).toHaveLength(1);
    expect(listed.deliveries[0]).toMatchObject({ status: 'dead', attempts: 3, lastStatus: 500, lastError: 'answered 500', eventType: 'comment.published' });
    expect((await t.call('GET', m.deliveries(t.site.id), { token: mod })).status).toBe(403);

    receiver!.answer = () => 204;
    const retried = await t.call('POST', m.deliveryRetry(t.site.id, listed.deliveries[0].id), { token: admin });
    expect(retried.status).toBe(200);
    expect((await retried.json()).delivery).toMatchObject({ status: 'pending', attempts: 0 });
    expect(await dispatch()).toMatchObject({ delivered: 1 });
    const after = await (await t.call('GET', m.deliveries(t.site.id), { token: admin })).json();
    expect(after.deliveries[0]).toMatchObject({ status: 'delivered', lastStatus: 204 });
    // A delivered one is not sent again.
    expect((await t.call('POST', m.deliveryRetry(t.site.id, listed.deliveries[0].id), { token: admin })).status).toBe(409);
  });

  it('keeps at most the cap of deliveries in flight to one endpoint', async () => {
    const { deps, alice } = await setUp({ eventTypes: ['comment.created'] });
    await receiver!.close();
    receiver = await startWebhookReceiver(() => secret, { delayMs: 80 });
    await t.store.saveWebhook({ ...(await t.store.getWebhook(t.site.id, 'hook1'))!, url: receiver.url });
    const thread = (await openThread(t, { token: alice })).thread;
    for (let i = 0; i < 6; i++) await postComment(t, thread.id, alice, `Comment ${i}.`);
    let delivered = 0;
    for (let pass = 0; pass < 5 && delivered < 6; pass++) delivered += (await dispatchOnce(deps, { perEndpoint: 2 })).delivered;
    expect(delivered).toBe(6);
    expect(receiver.maxInFlight).toBeLessThanOrEqual(2);
  });

  it('sends a test event to the one endpoint asked, and treats the endpoint’s settings as the admins’', async () => {
    const { dispatch, admin, mod } = await setUp();
    const res = await t.call('POST', m.webhookTest(t.site.id, 'hook1'), { token: admin });
    expect(res.status).toBe(202);
    expect(await dispatch()).toMatchObject({ delivered: 1 });
    expect(receiver!.received[0].body).toMatchObject({ type: 'webhook.test', data: { version: 1 } });
    expect(receiver!.received[0].verified).toBe(true);
    expect((await t.call('POST', m.webhookTest(t.site.id, 'hook1'), { token: mod })).status).toBe(403);
    expect((await t.call('POST', m.webhookTest(t.site.id, 'nope'), { token: admin })).status).toBe(404);
  });
});
