// Managing webhook endpoints through the moderation API: admins and the site's key only, the
// secret shown once, URLs vetted as every outbound address is, one site never sees another's.
import { afterEach, describe, expect, it } from 'vitest';
import { apiPaths } from '../../../shared/api-paths';
import { WebhookView } from '../../../shared/schemas/webhooks';
import { BACKEND, createTestContext, PERSONAS, TEST_API_KEY, type TestContext } from '../../support/app';
import { refusal } from '../../support/api';
import { buildSite } from '../../support/site';

const m = apiPaths.moderation;
const ADMIN = { sub: 'u-ada', name: 'Ada', tier: 'member', role: 'admin' as const };
const asKey = { 'X-Api-Key': TEST_API_KEY };
let t: TestContext;
afterEach(() => t?.close());

describe('webhook endpoints', () => {
  it('are created with a secret shown once, listed without it, changed, rotated and removed', async () => {
    t = await createTestContext();
    const admin = await t.sign(ADMIN);
    const created = await t.call('POST', m.webhooks(t.site.id), { token: admin, body: { url: 'https://hooks.example.com/parley', eventTypes: ['comment.published'], description: 'CRM' } });
    expect(created.status).toBe(201);
    const { webhook } = await created.json();
    expect(WebhookView.safeParse(webhook).success).toBe(true);
    expect(webhook).toMatchObject({ url: 'https://hooks.example.com/parley', eventTypes: ['comment.published'], enabled: true, description: 'CRM' });
    expect(webhook.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);

    const listed = await (await t.call('GET', m.webhooks(t.site.id), { headers: asKey })).json();
    expect(listed.webhooks).toHaveLength(1);
    expect(listed.webhooks[0].secret).toBeUndefined();

    const changed = await (await t.call('PATCH', m.webhook(t.site.id, webhook.id), { token: admin, body: { enabled: false, eventTypes: ['*'] } })).json();
    expect(changed.webhook).toMatchObject({ enabled: false, eventTypes: ['*'] });
    expect(changed.webhook.secret).toBeUndefined();
    const rotated = await (await t.call('PATCH', m.webhook(t.site.id, webhook.id), { token: admin, body: { rotateSecret: true } })).json();
    expect(rotated.webhook.secret).toMatch(/^whsec_/);
    expect(rotated.webhook.secret).not.toBe(webhook.secret);

    expect((await t.call('DELETE', m.webhook(t.site.id, webhook.id), { token: admin })).status).toBe(200);
    expect((await (await t.call('GET', m.webhooks(t.site.id), { token: admin })).json()).webhooks).toEqual([]);
    expect((await refusal(await t.call('DELETE', m.webhook(t.site.id, webhook.id), { token: admin }))).code).toBe('not_found');
  });

  it('refuse moderators who are not admins, members, and another site’s endpoints', async () => {
    t = await createTestContext();
    const admin = await t.sign(ADMIN);
    const { webhook } = await (await t.call('POST', m.webhooks(t.site.id), { token: admin, body: { url: 'https://hooks.example.com/a' } })).json();
    expect((await refusal(await t.call('GET', m.webhooks(t.site.id), { token: await t.sign(PERSONAS.mod) }))).code).toBe('forbidden');
    expect((await refusal(await t.call('POST', m.webhooks(t.site.id), { token: await t.sign(PERSONAS.alice), body: { url: 'https://hooks.example.com/b' } }))).code).toBe('forbidden');
    // Moderators keep every other moderation route.
    expect((await t.call('GET', m.queue(t.site.id), { token: await t.sign(PERSONAS.mod) })).status).toBe(200);

    await t.store.saveSite(buildSite({ id: 'other' }), t.clock.now);
    const otherAdmin = await t.sign(ADMIN, { audience: 'other' });
    expect((await (await t.call('GET', m.webhooks('other'), { token: otherAdmin })).json()).webhooks).toEqual([]);
    expect((await refusal(await t.call('PATCH', m.webhook('other', webhook.id), { token: otherAdmin, body: { enabled: false } }))).code).toBe('not_found');
    expect((await refusal(await t.call('POST', m.webhookTest('other', webhook.id), { token: otherAdmin }))).code).toBe('not_found');
  });

  it('answer bad input 400 naming the field: private or non-https URLs, unknown events, unknown fields', async () => {
    t = await createTestContext();
    const admin = await t.sign(ADMIN);
    const bad = async (body: unknown) => refusal(await t.call('POST', m.webhooks(t.site.id), { token: admin, body }));
    expect(await bad({ url: 'https://127.0.0.1/hook' })).toMatchObject({ status: 400, code: 'invalid_input', fields: { url: expect.any(String) } });
    expect(await bad({ url: 'https://metadata.google.internal/x' })).toMatchObject({ status: 400, fields: { url: expect.any(String) } });
    expect(await bad({ url: 'http://hooks.example.com/x' })).toMatchObject({ status: 400, fields: { url: expect.any(String) } });
    expect(await bad({ url: 'https://hooks.example.com/x', eventTypes: ['comment.nope'] })).toMatchObject({ status: 400 });
    expect(await bad({ url: 'https://hooks.example.com/x', eventTypes: [] })).toMatchObject({ status: 400 });
    expect(await bad({ url: 'https://hooks.example.com/x', secret: 'mine' })).toMatchObject({ status: 400 });
    expect(await bad('{not json')).toMatchObject({ status: 400 });
    expect((await refusal(await t.call('GET', `${m.deliveries(t.site.id)}?status=lost`, { token: admin }))).status).toBe(400);
    expect((await refusal(await t.call('GET', `${m.deliveries(t.site.id)}?before=x`, { token: admin }))).status).toBe(400);
  });

  it('let a receiver on a private network in only where the runtime allows it (Node, not Workers)', async () => {
    t = await createTestContext();
    const admin = await t.sign(ADMIN);
    const res = await t.call('POST', m.webhooks(t.site.id), { token: admin, body: { url: 'http://10.0.0.5/hook', allowPrivateNetwork: true } });
    if (BACKEND === 'workerd') expect(await refusal(res)).toMatchObject({ status: 400, fields: { allowPrivateNetwork: expect.any(String) } });
    else expect(res.status).toBe(201);
  });
});
