// Members' data rights through the site API, on every backend: access returns everything held
// about a member; erasure removes it in one go (likes and reports undone, address deleted, the
// author's name gone), audited with counts only, per the site's setting (remove or anonymise).
import { afterEach, describe, expect, it } from 'vitest';
import { apiPaths } from '../../../shared/api-paths';
import { SiteSettings } from '../../../shared/schemas/site';
import { createTestContext, PERSONAS, TEST_API_KEY, type TestContext } from '../../support/app';
import { openThread, postComment, refusal } from '../../support/api';
import { buildSite } from '../../support/site';

let t: TestContext;
afterEach(() => t?.close());
const key = { 'X-Api-Key': TEST_API_KEY };

async function aliceActive(settings: Record<string, unknown> = {}) {
  t = await createTestContext({ site: { settings: SiteSettings.parse({ moderation: { nudge: false }, ...settings }) } });
  const [alice, bob] = await Promise.all([t.sign(PERSONAS.alice), t.sign(PERSONAS.bob)]);
  const thread = (await openThread(t, { token: alice, title: 'City budget' })).thread;
  const answered = await postComment(t, thread.id, alice, 'Libraries matter more than fares.');
  const alone = await postComment(t, thread.id, alice, 'A second thought nobody answered.');
  const bobs = await postComment(t, thread.id, bob, 'They do, and here is why.', answered.id);
  expect((await t.call('PUT', apiPaths.like(t.site.id, bobs.id), { token: alice })).status).toBe(200);
  expect((await t.call('POST', apiPaths.report(t.site.id, bobs.id), { token: alice, body: { reason: 'off_topic', note: 'Not about the budget' } })).status).toBeLessThan(300);
  const user = (await t.store.findUserByExternalId(t.site.id, PERSONAS.alice.sub))!;
  await t.store.saveMailPreferences({ siteId: t.site.id, userId: user.id, email: 'alice@example.com', replies: true, follow: { threadId: thread.id, on: true }, now: t.clock.now });
  return { alice, bob, thread, answered, alone, bobs, user };
}

describe('a member’s data', () => {
  it('is returned whole to the site’s key, and to no one else', async () => {
    const { answered, bobs } = await aliceActive();
    const res = await t.call('GET', apiPaths.memberData(t.site.id, PERSONAS.alice.sub), { headers: key });
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toContain('no-store');
    const data = await res.json();
    expect(data.member).toMatchObject({ externalId: 'u-alice', displayName: 'Alice' });
    expect(data.comments.map((c: { id: string; body: string }) => [c.id, c.body])).toContainEqual([answered.id, 'Libraries matter more than fares.']);
    expect(data.comments[0]).toMatchObject({ threadTitle: 'City budget', status: 'published' });
    expect(data.likes).toEqual([{ commentId: bobs.id, createdAt: expect.any(Number) }]);
    expect(data.reports).toMatchObject([{ commentId: bobs.id, reason: 'off_topic', note: 'Not about the budget' }]);
    expect(data.mail).toMatchObject({ email: 'alice@example.com', replies: true, following: [{ threadUrl: expect.stringContaining('city-budget') }] });

    expect((await refusal(await t.call('GET', apiPaths.memberData(t.site.id, PERSONAS.alice.sub)))).status).toBe(401);
    expect((await refusal(await t.call('GET', apiPaths.memberData(t.site.id, PERSONAS.alice.sub), { token: await t.sign({ ...PERSONAS.mod, role: 'admin' }) }))).status).toBe(401);
    expect(await refusal(await t.call('GET', apiPaths.memberData(t.site.id, 'nobody'), { headers: key }))).toMatchObject({ status: 404, code: 'member_not_found' });
    // Another site's key, and this member asked for through another site, see nothing.
    await t.store.saveSite(buildSite({ id: 'other', apiKeyHash: null }), t.clock.now);
    expect((await t.call('GET', apiPaths.memberData('other', PERSONAS.alice.sub), { headers: key })).status).toBeGreaterThanOrEqual(400);
  });

  it('is erased in one go: text gone (tombstones keep replies), likes and reports undone, address deleted, audited with counts only', async () => {
    const { thread, answered, alone, bobs, user } = await aliceActive();
    const res = await t.call('DELETE', apiPaths.member(t.site.id, PERSONAS.alice.sub), { headers: key });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ mode: 'remove', erased: { comments: 2, likes: 1, reports: 1, mail: 2 } });

    const view = await openThread(t, { title: 'City budget' });
    expect(view.thread.commentCount).toBe(1);
    const shown = JSON.stringify(view.comments);
    expect(shown).not.toContain('Libraries matter');
    expect(shown).not.toContain('Alice');
    // Tombstones (the widget shows the one answered, in its place, and hides the other).
    for (const id of [answered.id, alone.id]) expect(view.comments.find((c) => c.id === id)).toMatchObject({ deleted: true });
    expect(view.comments.find((c) => c.id === bobs.id)).toMatchObject({ parentId: answered.id, deleted: false });

    const row = async (sql: string, args: (string | number)[] = []) => (await t.client.execute({ sql, args })).rows;
    expect(await row('SELECT like_count, open_reports FROM comments WHERE id = ?', [bobs.id])).toMatchObject([{ like_count: 0, open_reports: 0 }]);
    expect(await row('SELECT COUNT(*) AS n FROM mail_preferences')).toMatchObject([{ n: 0 }]);
    expect(await row('SELECT COUNT(*) AS n FROM thread_follows')).toMatchObject([{ n: 0 }]);
    expect(await row('SELECT display_name, external_id FROM users WHERE id = ?', [user.id])).toMatchObject([{ display_name: 'Former member', external_id: `erased:${user.id}` }]);
    const [audit] = await row("SELECT actor, after, before, detail FROM moderation_actions WHERE action = 'erase_member'");
    expect(audit.actor).toBe('api-key');
    expect(JSON.parse(String(audit.after))).toEqual({ mode: 'remove', comments: 2, likes: 1, reports: 1 });
    expect(JSON.stringify(audit)).not.toMatch(/Alice|alice@|u-alice/);
    void thread;

    // Gone: the same id is no longer anyone here, and a new token with it starts afresh.
    expect((await t.call('GET', apiPaths.memberData(t.site.id, PERSONAS.alice.sub), { headers: key })).status).toBe(404);
    expect((await t.call('DELETE', apiPaths.member(t.site.id, PERSONAS.alice.sub), { headers: key })).status).toBe(404);
  });

  it('keeps the comments under "Former member" when the site anonymises instead', async () => {
    const { answered } = await aliceActive({ erasure: 'anonymise' });
    const body = await (await t.call('DELETE', apiPaths.member(t.site.id, PERSONAS.alice.sub), { headers: key })).json();
    expect(body.mode).toBe('anonymise');
    const view = await openThread(t, { title: 'City budget' });
    expect(view.thread.commentCount).toBe(3);
    const kept = view.comments.find((c) => c.id === answered.id)!;
    expect(kept.deleted).toBe(false);
    expect(kept.author?.name).toBe('Former member');
    expect(JSON.stringify(view)).not.toContain('Alice');
  });
});
