// The API's answers against its published OpenAPI document: a broad scenario (reading, writing,
// moderating, webhooks, the site's own settings, members' data, mail preferences, call-to-action
// beacons, and refusals) in which every answer's body is validated with ajv against the schema the
// document gives for its path, method and status. An answer the document does not list fails too.
import { afterEach, describe, expect, it } from 'vitest';
import { apiPaths, ctaEventsPath } from '../../../shared/api-paths';
import { ARTICLE_URL, createTestContext, PERSONAS, TEST_API_KEY, TEST_ORIGIN, type TestContext } from '../../support/app';
import { threadPath } from '../../support/api';
import { contractChecker, type ContractChecker } from '../../support/openapi-contract';

const m = apiPaths.moderation;
const ADMIN = { sub: 'u-ada', name: 'Ada', tier: 'member', role: 'admin' as const };
const asKey = { 'X-Api-Key': TEST_API_KEY };
const ATTACK = 'You are an idiot and everyone can see it.';

let t: TestContext;
let api: ContractChecker;
afterEach(() => t?.close());

async function start() {
  t = await createTestContext();
  api = await contractChecker(t);
  const tokens = { alice: await t.sign(PERSONAS.alice), bob: await t.sign(PERSONAS.bob), mod: await t.sign(PERSONAS.mod), admin: await t.sign(ADMIN) };
  const { body: view } = await api.call('GET', threadPath('daily', { url: ARTICLE_URL, title: 'City budget' }));
  return { tokens, threadId: view.thread.id as string };
}

/** The answer's status, after the checker has validated its body. */
async function status(method: string, path: string, options?: Parameters<TestContext['call']>[2]) {
  return (await api.call(method, path, options)).status;
}

describe('answers match the OpenAPI document', () => {
  it('for readers and members: read, post, reply, nudge, edit, like, report, preview, delete', async () => {
    const { tokens, threadId } = await start();
    const { alice, bob } = tokens;
    const posted = await api.call('POST', apiPaths.comments('daily', threadId), { token: alice, body: { body: 'The *budget* adds up.' } });
    expect(posted.status).toBe(201);
    const id = posted.body.comment.id;
    expect(await status('POST', apiPaths.comments('daily', threadId), { token: bob, body: { body: 'It does not.', parentId: id } })).toBe(201);
    expect(await status('POST', apiPaths.comments('daily', threadId), { token: bob, body: { body: ATTACK } })).toBe(200);

    expect(await status('GET', threadPath('daily', { url: ARTICLE_URL }), { token: alice })).toBe(200);
    expect(await status('GET', `${apiPaths.comments('daily', threadId)}?sort=oldest&limit=1`)).toBe(200);
    expect(await status('GET', apiPaths.conversation('daily', id))).toBe(200);
    expect(await status('GET', `${apiPaths.counts('daily')}?url=${encodeURIComponent(ARTICLE_URL)}&pageId=none`)).toBe(200);

    expect(await status('PATCH', apiPaths.comment('daily', id), { token: alice, body: { body: 'The budget adds up, mostly.' } })).toBe(200);
    expect(await status('PUT', apiPaths.like('daily', id), { token: bob })).toBe(200);
    expect(await status('DELETE', apiPaths.like('daily', id), { token: bob })).toBe(200);
    expect(await status('POST', apiPaths.report('daily', id), { token: bob, body: { reason: 'spam', note: 'Looks copied' } })).toBe(200);
    expect(await status('POST', apiPaths.preview('daily'), { token: alice, body: { body: 'A *draft*' } })).toBe(200);
    expect(await status('DELETE', apiPaths.comment('daily', id), { token: alice })).toBe(200);

    expect(await status('GET', apiPaths.mailPreferences('daily'), { token: alice })).toBe(200);
    // This server sends no mail: the refusal says so, in the documented shape.
    expect(await status('PUT', apiPaths.mailPreferences('daily'), { token: alice, body: { replies: true } })).toBe(409);
    expect(await status('PUT', apiPaths.follow('daily', threadId), { token: alice })).toBe(409);

    const beacon = { 'Content-Type': 'text/plain;charset=UTF-8', Origin: TEST_ORIGIN, 'CF-Connecting-IP': '198.51.100.7' };
    expect(await status('POST', ctaEventsPath('daily'), { body: JSON.stringify({ threadId, kind: 'guest', event: 'impression' }), headers: beacon })).toBe(204);
    expect(await status('POST', ctaEventsPath('daily'), { body: JSON.stringify({ threadId, kind: 'upgrade', event: 'click', token: alice }), headers: beacon })).toBe(204);
  });

  it('for moderators: session, queue, counts, decisions, bulk, members, threads, undo, audit, rules, statistics, model', async () => {
    const { tokens, threadId } = await start();
    const { alice, mod, admin } = tokens;
    const first = (await api.call('POST', apiPaths.comments('daily', threadId), { token: alice, body: { body: 'First, published.' } })).body.comment;
    const authorId = first.author.id;
    expect(await status('POST', m.user('daily', authorId), { token: mod, body: { action: 'premoderate', note: 'New here' } })).toBe(200);
    const held = [];
    for (const body of ['Held one.', 'Held two.', 'Held three.']) held.push((await api.call('POST', apiPaths.comments('daily', threadId), { token: alice, body: { body } })).body.comment.id);
    await api.call('POST', apiPaths.report('daily', first.id), { token: tokens.bob, body: { reason: 'off_topic' } });

    expect(await status('GET', m.session('daily'), { token: mod })).toBe(200);
    expect(await status('GET', m.counts('daily'), { headers: asKey })).toBe(200);
    expect(await status('GET', `${m.counts('daily')}?threadId=${threadId}`, { token: mod })).toBe(200);
    for (const queue of ['pending', 'reported', 'rejected', 'recent']) expect(await status('GET', `${m.queue('daily')}?queue=${queue}&sort=oldest`, { token: mod })).toBe(200);
    expect(await status('GET', `${m.queueNewer('daily')}?since=0`, { token: mod })).toBe(200);
    expect(await status('GET', m.conversation('daily', held[0]), { token: mod })).toBe(200);

    const approved = await api.call('POST', m.comment('daily', held[0]), { token: mod, body: { action: 'approve' } });
    expect(approved.status).toBe(200);
    const featured = await api.call('POST', m.comment('daily', held[0]), { token: mod, body: { action: 'feature' } });
    expect(featured.status).toBe(200);
    expect(await status('POST', m.bulk('daily'), { token: mod, body: { ids: [held[1]], action: 'reject', reason: 'spam' } })).toBe(200);
    // The approval was followed by another decision: only the latest can be undone.
    expect(await status('POST', m.undo('daily', approved.body.action.id), { token: mod })).toBe(409);
    expect(await status('POST', m.undo('daily', featured.body.action.id), { token: mod })).toBe(200);

    const op = await api.call('POST', m.bulkOperations('daily'), { token: mod, body: { filter: { queue: 'pending' }, action: 'approve' } });
    expect(op.status).toBe(201);
    expect(await status('GET', m.bulkOperations('daily'), { token: mod })).toBe(200);
    expect(await status('GET', `${m.bulkOperations('daily')}?status=done`, { token: mod })).toBe(200);
    expect(await status('GET', m.bulkOperation('daily', op.body.operation.id), { token: mod })).toBe(200);
    expect(await status('POST', m.bulkRun('daily', op.body.operation.id), { token: mod })).toBe(200);
    expect(await status('POST', m.bulkUndo('daily', op.body.operation.id), { token: mod })).toBe(200);
    expect(await status('POST', m.bulkOperations('daily'), { token: mod, body: { filter: { queue: 'pending', q: 'nothing like this' }, action: 'approve' } })).toBe(409);

    expect(await status('GET', m.user('daily', authorId), { token: mod })).toBe(200);
    expect(await status('GET', m.threads('daily'), { token: mod })).toBe(200);
    expect(await status('GET', m.thread('daily', threadId), { token: mod })).toBe(200);
    expect(await status('POST', m.thread('daily', threadId), { token: mod, body: { action: 'close' } })).toBe(200);
    expect(await status('POST', m.thread('daily', threadId), { token: mod, body: { action: 'reopen' } })).toBe(200);
    expect(await status('GET', `${m.audit('daily')}?limit=5`, { token: mod })).toBe(200);
    expect(await status('GET', `${m.audit('daily')}?targetType=comment&actor=API-KEY`, { token: mod })).toBe(200);

    const { body: shown } = await api.call('GET', m.settings('daily'), { token: mod });
    const { secretSet: _set, ...scorer } = shown.settings.externalScorer;
    expect(await status('PUT', m.settings('daily'), { token: admin, body: { settings: { ...shown.settings, externalScorer: scorer } } })).toBe(200);
    expect(await status('PUT', m.settings('daily'), { token: mod, body: { settings: { ...shown.settings, externalScorer: scorer } } })).toBe(403);
    expect(await status('POST', m.tryComment('daily'), { token: mod, body: { body: ATTACK } })).toBe(200);
    expect(await status('GET', m.stats('daily'), { token: mod })).toBe(200);
    expect(await status('GET', m.model('daily'), { token: mod })).toBe(200);
    expect(await status('PUT', m.model('daily'), { headers: asKey, body: { id: null } })).toBe(200);
  });

  it('for webhooks, the site settings, the site API and members’ data', async () => {
    const { tokens, threadId } = await start();
    const { alice, mod, admin } = tokens;
    await api.call('POST', apiPaths.comments('daily', threadId), { token: alice, body: { body: 'Something to erase.' } });

    const created = await api.call('POST', m.webhooks('daily'), { token: admin, body: { url: 'https://hooks.example.com/parley', eventTypes: ['comment.published'] } });
    expect(created.status).toBe(201);
    const endpoint = created.body.webhook.id;
    expect(await status('GET', m.webhooks('daily'), { headers: asKey })).toBe(200);
    expect(await status('PATCH', m.webhook('daily', endpoint), { token: admin, body: { description: 'CRM', rotateSecret: true } })).toBe(200);
    expect(await status('POST', m.webhookTest('daily', endpoint), { token: admin })).toBe(202);
    const deliveries = await api.call('GET', `${m.deliveries('daily')}?limit=10`, { token: admin });
    expect(deliveries.status).toBe(200);
    expect(deliveries.body.deliveries.length).toBeGreaterThan(0);
    expect(await status('POST', m.deliveryRetry('daily', 'no-such-delivery'), { token: admin })).toBe(404);
    expect(await status('GET', m.webhooks('daily'), { token: mod })).toBe(403);
    expect(await status('DELETE', m.webhook('daily', endpoint), { token: admin })).toBe(200);

    const { body: site } = await api.call('GET', m.site('daily'), { token: mod });
    expect(await status('PUT', m.site('daily'), { token: admin, body: { ...site.site, guidelines: 'Be kind.' } })).toBe(200);
    expect(await status('PUT', m.site('daily'), { token: mod, body: site.site })).toBe(403);

    expect(await status('PUT', apiPaths.adminThreads('daily'), { headers: asKey, body: { url: `${TEST_ORIGIN}/newsletter/today`, title: 'Today', section: 'newsletter', publishedAt: t.clock.now } })).toBe(200);
    expect(await status('PUT', apiPaths.adminThreads('daily'), { token: admin, body: { url: `${TEST_ORIGIN}/x` } })).toBe(401);
    expect(await status('GET', apiPaths.memberData('daily', PERSONAS.alice.sub), { headers: asKey })).toBe(200);
    expect(await status('DELETE', apiPaths.member('daily', PERSONAS.alice.sub), { headers: asKey })).toBe(200);
    expect(await status('GET', apiPaths.memberData('daily', 'nobody'), { headers: asKey })).toBe(404);
    // Last: the key it answers with replaces the one the calls above used.
    expect(await status('POST', m.siteApiKey('daily'), { headers: asKey })).toBe(200);
  });

  it('for refusals, the service routes and the pages', async () => {
    const { tokens, threadId } = await start();
    const { alice, bob } = tokens;
    const { body } = await api.call('POST', apiPaths.comments('daily', threadId), { token: alice, body: { body: 'Mine.' } });

    expect(await status('GET', `${apiPaths.thread('daily')}?url=not-a-url`)).toBe(400);
    expect(await status('GET', threadPath('nowhere', { url: ARTICLE_URL }))).toBe(404);
    expect(await status('POST', apiPaths.comments('daily', threadId), { body: { body: 'A guest' } })).toBe(401);
    expect(await status('POST', apiPaths.comments('daily', threadId), { token: alice, body: '{"body":' })).toBe(400);
    expect(await status('POST', apiPaths.comments('daily', threadId), { token: alice, body: { body: 'x' }, headers: { 'Content-Type': 'text/plain' } })).toBe(415);
    expect(await status('PATCH', apiPaths.comment('daily', body.comment.id), { token: bob, body: { body: 'Not mine' } })).toBe(403);
    expect(await status('PUT', apiPaths.like('daily', 'missing'), { token: bob })).toBe(404);
    expect(await status('GET', apiPaths.conversation('daily', 'missing'), { token: 'not.a.token' })).toBe(401);
    expect(await status('GET', m.queue('daily'), { token: alice })).toBe(403);
    expect(await status('GET', `${m.queue('daily')}?limit=1000`, { token: tokens.mod })).toBe(400);
    expect(await status('GET', `${apiPaths.unsubscribe('daily')}?u=u-alice&l=replies&s=${'x'.repeat(43)}`)).toBe(403);
    const key = { 'Idempotency-Key': 'same-key' };
    expect(await status('POST', apiPaths.report('daily', body.comment.id), { token: bob, body: { reason: 'spam' }, headers: key })).toBe(200);
    expect(await status('POST', apiPaths.report('daily', body.comment.id), { token: bob, body: { reason: 'other' }, headers: key })).toBe(422);

    expect(await status('GET', '/api/v1/health')).toBe(200);
    expect(await status('GET', '/api/v1/openapi.json')).toBe(200);
    expect(await status('GET', '/api/docs')).toBe(200);
    expect(await status('GET', '/moderate')).toBe(200);
  });
});
