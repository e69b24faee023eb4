// One judge for every write: decisions stick, validity comes from the pipeline for every kind of
// write, roles bound who acts on whom, rules apply to the next post, and the audit log pages.
import { afterEach, describe, expect, it } from 'vitest';
import { apiPaths } from '../../../shared/api-paths';
import { SiteSettings } from '../../../shared/schemas/site';
import { ModerationSettings } from '../../../shared/schemas/moderation-settings';
import { createTestContext, PERSONAS, TEST_API_KEY, type TestContext } from '../../support/app';
import { openThread, postComment, refusal, setUserFlags } from '../../support/api';

const m = apiPaths.moderation;
const asKey = { 'X-Api-Key': TEST_API_KEY };
const ADMIN = { sub: 'u-ada', name: 'Ada', tier: 'member', role: 'admin' as const };
const MOD2 = { sub: 'u-dana', name: 'Dana', tier: 'member', role: 'moderator' as const };
let t: TestContext;
afterEach(() => t?.close());

async function site(settings: Record<string, unknown> = {}) {
  t = await createTestContext({ site: { settings: SiteSettings.parse(settings) } });
  const alice = await t.sign(PERSONAS.alice);
  const bob = await t.sign(PERSONAS.bob);
  const mod = await t.sign(PERSONAS.mod);
  const thread = (await openThread(t, { token: alice })).thread;
  return { alice, bob, mod, thread };
}

const act = (id: string, token: string, body: Record<string, unknown>) => t.call('POST', m.comment(t.site.id, id), { token, body });
const edit = (id: string, token: string, body: string) => t.call('PATCH', apiPaths.comment(t.site.id, id), { token, body: { body } });

describe('decisions stick', () => {
  it('refuses an author’s edit of a comment a moderator rejected, and it stays rejected', async () => {
    const { alice, mod, thread } = await site();
    const c = await postComment(t, thread.id, alice, 'A perfectly civil remark');
    expect((await act(c.id, mod, { action: 'reject', reason: 'off_topic' })).status).toBe(200);
    const res = await edit(c.id, alice, 'A perfectly civil remark.');
    expect(await refusal(res)).toMatchObject({ status: 403, code: 'rejected_not_editable' });
    const rejected = await (await t.call('GET', `${m.queue(t.site.id)}?queue=rejected`, { token: mod })).json();
    expect(rejected.items.map((i: { id: string }) => i.id)).toEqual([c.id]);
    expect((await openThread(t)).comments).toHaveLength(0);
  });

  it('keeps a comment hidden by reader reports hidden when its author edits it', async () => {
    const { alice, bob, thread } = await site({ moderation: { reports: { toHide: 1 } } });
    const c = await postComment(t, thread.id, alice, 'Something readers disliked');
    await t.call('POST', apiPaths.report(t.site.id, c.id), { token: bob, body: { reason: 'spam' } });
    expect((await openThread(t)).comments).toHaveLength(0);
    const res = await edit(c.id, alice, 'Something readers disliked, reworded');
    expect(res.status).toBe(200);
    expect((await res.json()).comment.status).toBe('pending');
    expect((await openThread(t)).comments).toHaveLength(0);
    const queue = await (await t.call('GET', `${m.queue(t.site.id)}?queue=reported`, { headers: asKey })).json();
    expect(queue.items[0]).toMatchObject({ id: c.id, state: 'hidden' });
  });

  it('sends an edit through the external scorer, so a held comment cannot be edited back out', async () => {
    const { alice, thread } = await site({ moderation: { premoderation: 'all' } });
    const c = await postComment(t, thread.id, alice, 'Held for review');
    const res = await edit(c.id, alice, 'Held for review, edited');
    expect((await res.json()).comment.status).toBe('pending');
    expect((await openThread(t)).comments).toHaveLength(0);
  });

  it('refuses rejected text in an edit and keeps the published comment as it was', async () => {
    const { alice, thread } = await site({ moderation: { rules: { bannedWords: { words: ['moron'] } } } });
    const c = await postComment(t, thread.id, alice, 'A fair point about rents');
    expect(await refusal(await edit(c.id, alice, 'A fair point, moron'))).toMatchObject({ code: 'rejected' });
    expect((await openThread(t)).comments.map((x) => x.html)).toEqual([expect.stringContaining('A fair point about rents')]);
  });
});

describe('validity for every kind of write', () => {
  it('refuses a suspended member’s like and a banned member’s report', async () => {
    const { alice, bob, thread } = await site();
    const c = await postComment(t, thread.id, alice, 'Worth a like');
    expect((await t.call('PUT', apiPaths.like(t.site.id, c.id), { token: bob })).status).toBe(200);
    await setUserFlags(t, PERSONAS.bob.sub, { suspendedUntil: t.clock.now + 3_600_000 });
    expect((await refusal(await t.call('PUT', apiPaths.like(t.site.id, c.id), { token: bob }))).code).toBe('suspended');
    await setUserFlags(t, PERSONAS.bob.sub, { suspendedUntil: null, banned: true });
    expect((await refusal(await t.call('POST', apiPaths.report(t.site.id, c.id), { token: bob, body: { reason: 'spam' } }))).code).toBe('banned');
  });

  it('offers the composer exactly when a post would be accepted', async () => {
    const { thread } = await site();
    const nell = await t.sign(PERSONAS.nell);
    const view = await openThread(t, { token: nell });
    expect(view.viewer).toMatchObject({ canComment: false, reason: 'tier_not_allowed_here' });
    expect((await refusal(await t.call('POST', apiPaths.comments(t.site.id, thread.id), { token: nell, body: { body: 'Hello all' } }))).code).toBe(
      'tier_not_allowed_here',
    );
    expect((await refusal(await t.call('POST', apiPaths.comments(t.site.id, thread.id), { body: { body: 'Hello all' } }))).code).toBe('not_signed_in');
  });
});

describe('roles', () => {
  it('lets moderators act on members only, admins on moderators, and nobody on themselves', async () => {
    await site();
    const mod = await t.sign(PERSONAS.mod);
    const admin = await t.sign(ADMIN);
    const dana = await t.sign(MOD2);
    // Each appears once so the site knows them.
    for (const token of [mod, admin, dana]) await t.call('GET', m.session(t.site.id), { token });
    const users = await t.client.execute('SELECT id, external_id FROM users');
    const id = (sub: string) => String(users.rows.find((r) => r.external_id === sub)!.id);
    const ban = (token: string, sub: string) => t.call('POST', m.user(t.site.id, id(sub)), { token, body: { action: 'ban', note: 'test' } });
    expect((await refusal(await ban(mod, ADMIN.sub))).code).toBe('role_not_allowed');
    expect((await refusal(await ban(mod, MOD2.sub))).code).toBe('role_not_allowed');
    expect((await refusal(await ban(mod, PERSONAS.mod.sub))).code).toBe('cannot_act_on_self');
    const banned = await ban(admin, MOD2.sub);
    expect((await banned.json()).action).toMatchObject({ summary: 'Banned Dana', actorName: 'Ada' });
    // A banned moderator has no staff powers, and cannot unban themselves.
    expect((await refusal(await t.call('GET', m.queue(t.site.id), { token: dana }))).code).toBe('banned');
    expect((await refusal(await t.call('POST', m.user(t.site.id, id(MOD2.sub)), { token: dana, body: { action: 'unban' } }))).code).toBe('banned');
  });
});

describe('rules apply to the next post', () => {
  it('rejects a word banned in the same millisecond as the post', async () => {
    const { alice, thread } = await site();
    const settings = SiteSettings.parse({ moderation: { rules: { bannedWords: { words: ['flibbertigibbet'] } } } }).moderation;
    expect((await t.call('PUT', m.settings(t.site.id), { headers: asKey, body: { settings } })).status).toBe(200);
    const c = await postComment(t, thread.id, alice, 'What a flibbertigibbet');
    expect(c.status).toBe('rejected');
  });
});

describe('everything is audited', () => {
  it('audits a moderator’s delete through the reader API and lets it be undone', async () => {
    const { alice, mod, thread } = await site();
    const c = await postComment(t, thread.id, alice, 'Delete me, moderator');
    expect((await t.call('DELETE', apiPaths.comment(t.site.id, c.id), { token: mod })).status).toBe(200);
    expect((await openThread(t)).comments[0]).toMatchObject({ id: c.id, deleted: true });
    const audit = await (await t.call('GET', `${m.audit(t.site.id)}?action=delete`, { token: mod })).json();
    expect(audit.entries).toHaveLength(1);
    expect(audit.entries[0]).toMatchObject({ targetId: c.id, summary: 'Deleted ‘Delete me, moderator’', actorName: 'Morgan' });
    expect((await t.call('POST', m.undo(t.site.id, audit.entries[0].id), { token: mod })).status).toBe(200);
    expect((await openThread(t)).comments[0]).toMatchObject({ id: c.id, deleted: false });
  });

  it('audits rule changes with what changed, and pages the log with a cursor and filters', async () => {
    const { alice, mod, thread } = await site();
    const settings = SiteSettings.parse({ moderation: { rules: { civility: { attackThreshold: 0.7 } } } }).moderation;
    await t.call('PUT', m.settings(t.site.id), { headers: asKey, body: { settings } });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const c = await postComment(t, thread.id, alice, `Comment number ${i} here`);
      ids.push((await (await act(c.id, mod, { action: 'feature' })).json()).action.id);
    }
    const first = await (await t.call('GET', `${m.audit(t.site.id)}?limit=2`, { token: mod })).json();
    expect(first.entries.map((e: { id: string }) => e.id)).toEqual([ids[4], ids[3]]);
    const second = await (await t.call('GET', `${m.audit(t.site.id)}?limit=2&cursor=${first.nextCursor}`, { token: mod })).json();
    expect(second.entries.map((e: { id: string }) => e.id)).toEqual([ids[2], ids[1]]);
    const rules = await (await t.call('GET', `${m.audit(t.site.id)}?targetType=settings`, { token: mod })).json();
    expect(rules.entries[0]).toMatchObject({
      actor: 'api-key',
      summary: 'Changed the rules: rules.civility.attackThreshold',
      before: { 'rules.civility.attackThreshold': ModerationSettings.parse({}).rules.civility.attackThreshold },
      after: { 'rules.civility.attackThreshold': 0.7 },
    });
    expect((await refusal(await t.call('GET', `${m.audit(t.site.id)}?cursor=nonsense`, { token: mod }))).status).toBe(400);
  });
});
