// Every change someone may want to hear about writes its event in the change's own transaction:
// the events a member's post, a report and each moderator action leave, what they say, and none
// for a change that did not happen.
import { afterEach, describe, expect, it } from 'vitest';
import { apiPaths } from '../../../shared/api-paths';
import { CommentEventData, MemberEventData, ThreadEventData, type EventType } from '../../../shared/schemas/events';
import { SiteSettings } from '../../../shared/schemas/site';
import { createTestContext, PERSONAS, TEST_API_KEY, type TestContext } from '../../support/app';
import { openThread, postComment } from '../../support/api';

const m = apiPaths.moderation;
let t: TestContext;
afterEach(() => t?.close());

async function events(): Promise<{ id: string; type: EventType; payload: any }[]> {
  const rs = await t.client.execute({ sql: 'SELECT id, type, payload FROM outbox_events WHERE site_id = ? ORDER BY rowid', args: [t.site.id] });
  return rs.rows.map((r) => ({ id: String(r.id), type: String(r.type) as EventType, payload: JSON.parse(String(r.payload)) }));
}

async function site() {
  t = await createTestContext({ site: { settings: SiteSettings.parse({ moderation: { nudge: false, rules: { flooding: { enabled: false }, suspectWords: { words: ['idiot'] } } } }) } });
  return { alice: await t.sign(PERSONAS.alice), bob: await t.sign(PERSONAS.bob), mod: await t.sign(PERSONAS.mod) };
}

describe('the outbox', () => {
  it('records a post, a reply and a held comment with the thread and author, as the events schema has them', async () => {
    const { alice, bob } = await site();
    const thread = (await openThread(t, { token: alice, title: 'City budget' })).thread;
    const top = await postComment(t, thread.id, alice, 'A fair question.');
    t.clock.now += 1000;
    const reply = await postComment(t, thread.id, bob, 'I agree.', top.id);
    t.clock.now += 1000;
    const held = await postComment(t, thread.id, bob, 'What an idiot.');

    const all = await events();
    expect(all.map((e) => [e.type, e.payload.comment.id])).toEqual([
      ['comment.created', top.id],
      ['comment.published', top.id],
      ['comment.created', reply.id],
      ['comment.published', reply.id],
      ['comment.reply', reply.id],
      ['comment.created', held.id],
    ]);
    for (const e of all) expect(CommentEventData.safeParse(e.payload).success).toBe(true);
    const replied = all.find((e) => e.type === 'comment.reply')!.payload;
    expect(replied.comment).toMatchObject({ parentId: top.id, parentAuthorId: top.author!.id, authorName: 'Bob', status: 'published' });
    expect(replied.thread).toMatchObject({ id: thread.id, title: 'City budget', url: thread.url });
    expect(all.at(-1)!.payload.comment.status).toBe('pending');
  });

  it('records moderators’ decisions with who acted and why, and nothing when the decision did not apply', async () => {
    const { alice, bob, mod } = await site();
    const thread = (await openThread(t, { token: alice })).thread;
    const held = await postComment(t, thread.id, bob, 'What an idiot.');
    const shown = await postComment(t, thread.id, alice, 'Fine words.');
    await t.call('POST', apiPaths.report(t.site.id, shown.id), { token: bob, body: { reason: 'spam' } });
    await t.call('POST', apiPaths.report(t.site.id, shown.id), { token: bob, body: { reason: 'spam' } });
    await t.call('POST', m.comment(t.site.id, held.id), { token: mod, body: { action: 'reject', reason: 'personal_attack' } });
    // Already rejected: a second reject changes nothing, so it tells nobody anything.
    await t.call('POST', m.comment(t.site.id, held.id), { token: mod, body: { action: 'reject', reason: 'personal_attack' } });
    await t.call('POST', m.comment(t.site.id, held.id), { token: mod, body: { action: 'approve' } });
    await t.call('POST', m.user(t.site.id, held.author!.id), { token: mod, body: { action: 'ban', note: 'Repeated attacks' } });
    await t.call('POST', m.user(t.site.id, held.author!.id), { headers: { 'X-Api-Key': TEST_API_KEY }, body: { action: 'unban' } });
    await t.call('POST', m.user(t.site.id, held.author!.id), { token: mod, body: { action: 'suspend', until: t.clock.now + 3600_000 } });
    await t.call('POST', m.thread(t.site.id, thread.id), { token: mod, body: { action: 'close' } });
    await t.call('POST', m.thread(t.site.id, thread.id), { token: mod, body: { action: 'premoderate' } });
    await t.call('DELETE', apiPaths.comment(t.site.id, shown.id), { token: alice });

    const later = (await events()).filter((e) => !['comment.created', 'comment.published'].includes(e.type) || e.payload.actor);
    expect(later.map((e) => e.type)).toEqual([
      'comment.reported',
      'comment.rejected',
      'comment.published',
      'member.banned',
      'member.reinstated',
      'member.suspended',
      'thread.closed',
      'comment.deleted',
    ]);
    const [reported, rejected, published, banned, reinstated, suspended, closed] = later.map((e) => e.payload);
    expect(reported.reason).toBe('spam');
    expect(rejected).toMatchObject({ actor: { name: 'Morgan' }, reason: 'personal_attack', comment: { status: 'rejected' } });
    expect(published.comment.status).toBe('published');
    expect(MemberEventData.safeParse(banned).success).toBe(true);
    expect(banned).toMatchObject({ member: { externalId: 'u-bob', displayName: 'Bob' }, note: 'Repeated attacks', actor: { name: 'Morgan' } });
    expect(reinstated.actor.id).toBe('api-key');
    expect(suspended.until).toBe(t.clock.now + 3600_000);
    expect(ThreadEventData.safeParse(closed).success).toBe(true);
    expect(closed.thread.id).toBe(thread.id);
  });

  it('keeps each site’s events to itself', async () => {
    const { alice } = await site();
    const thread = (await openThread(t, { token: alice })).thread;
    await postComment(t, thread.id, alice, 'Hello.');
    const rs = await t.client.execute({ sql: 'SELECT DISTINCT site_id FROM outbox_events', args: [] });
    expect(rs.rows.map((r) => String(r.site_id))).toEqual([t.site.id]);
  });
});
