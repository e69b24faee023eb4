import { afterEach, describe, expect, it } from 'vitest';
import { apiPaths } from '../../../shared/api-paths';
import { ModerationSettingsFields, ModerationSettingsShown } from '../../../shared/schemas/moderation-settings';
import { SiteSettings } from '../../../shared/schemas/site';
import { ARTICLE_URL, createTestContext, PERSONAS, TEST_API_KEY, type TestContext } from '../../support/app';
import { openThread, postComment, refusal, withoutFloodLimit } from '../../support/api';
import { buildSite } from '../../support/site';

const m = apiPaths.moderation;
let t: TestContext;
afterEach(() => t?.close());

async function premoderatedSite() {
  t = await createTestContext({ site: { settings: SiteSettings.parse({ moderation: { premoderation: 'all' } }) } });
  const alice = await t.sign(PERSONAS.alice);
  const mod = await t.sign(PERSONAS.mod);
  const thread = (await openThread(t, { token: alice })).thread;
  return { alice, mod, thread };
}

const asKey = { 'X-Api-Key': TEST_API_KEY };

describe('moderator API', () => {
  it('refuses guests, members and wrong keys, and admits moderators and the API key', async () => {
    const { alice, mod } = await premoderatedSite();
    expect((await refusal(await t.call('GET', m.queue('daily')))).code).toBe('not_signed_in');
    expect((await refusal(await t.call('GET', m.queue('daily'), { token: alice }))).code).toBe('forbidden');
    expect((await refusal(await t.call('GET', m.queue('daily'), { headers: { 'X-Api-Key': 'nope' } }))).code).toBe('forbidden');
    expect((await t.call('GET', m.session('daily'), { token: mod })).status).toBe(200);
    const viaKey = await (await t.call('GET', m.session('daily'), { headers: asKey })).json();
    expect(viaKey).toMatchObject({ siteId: 'daily', via: 'api-key' });
  });

  it('holds a comment for review, hides it from readers, and publishes it on approval', async () => {
    const { alice, mod, thread } = await premoderatedSite();
    const held = await postComment(t, thread.id, alice, 'Held for a moderator');
    expect(held.status).toBe('pending');
    expect((await openThread(t)).comments).toHaveLength(0);
    expect((await openThread(t, { token: alice })).comments.map((c) => c.id)).toEqual([held.id]);

    const queue = await (await t.call('GET', `${m.queue('daily')}?queue=pending`, { token: mod })).json();
    expect(queue.counts.pending).toBe(1);
    expect(queue.items[0]).toMatchObject({ id: held.id, thread: { id: thread.id, url: ARTICLE_URL } });
    expect(queue.items[0].reasons.map((r: { ruleId: string }) => r.ruleId)).toContain('premoderation');

    const approved = await t.call('POST', m.comment('daily', held.id), { token: mod, body: { action: 'approve' } });
    expect((await approved.json()).item.status).toBe('published');
    const view = await openThread(t);
    expect(view.comments.map((c) => c.id)).toEqual([held.id]);
    expect(view.thread.commentCount).toBe(1);
  });

  it('requires a reason to reject and records it in the audit log with before and after', async () => {
    const { alice, mod, thread } = await premoderatedSite();
    const held = await postComment(t, thread.id, alice, 'Reject me');
    expect((await refusal(await t.call('POST', m.comment('daily', held.id), { token: mod, body: { action: 'reject' } }))).code).toBe('invalid_input');
    const res = await t.call('POST', m.comment('daily', held.id), { token: mod, body: { action: 'reject', reason: 'spam' } });
    expect((await res.json()).item.status).toBe('rejected');
    const audit = await (await t.call('GET', m.audit('daily'), { token: mod })).json();
    expect(audit.entries[0]).toMatchObject({
      action: 'reject',
      actorName: 'Morgan',
      targetId: held.id,
      before: { status: 'pending' },
      after: { status: 'rejected', rejectReason: 'spam' },
      detail: 'spam',
    });
    const rejected = await (await t.call('GET', `${m.queue('daily')}?queue=rejected`, { headers: asKey })).json();
    expect(rejected.items.map((i: { id: string }) => i.id)).toEqual([held.id]);
  });

  it('undoes an action by its id, restoring the state and the visible count, once', async () => {
    const { alice, mod, thread } = await premoderatedSite();
    const held = await postComment(t, thread.id, alice, 'Approve then undo');
    const approved = await (await t.call('POST', m.comment('daily', held.id), { token: mod, body: { action: 'approve' } })).json();
    expect(approved.action).toMatchObject({ action: 'approve', targetType: 'comment', targetId: held.id, summary: 'Approved ‘Approve then undo’', actorName: 'Morgan' });
    expect((await openThread(t)).thread.commentCount).toBe(1);
    const undo = await (await t.call('POST', m.undo('daily', approved.action.id), { token: mod })).json();
    expect(undo.undone).toMatchObject({ action: 'approve', undone: true });
    expect(undo.action.summary).toBe('Undid: Approved ‘Approve then undo’');
    const view = await openThread(t);
    expect(view.comments).toHaveLength(0);
    expect(view.thread.commentCount).toBe(0);
    expect((await refusal(await t.call('POST', m.undo('daily', approved.action.id), { token: mod }))).code).toBe('already_undone');
  });

  it('refuses to undo an action that a later action on the same comment superseded, and never touches another item', async () => {
    const { alice, mod, thread } = await premoderatedSite();
    const a = await postComment(t, thread.id, alice, 'First held comment');
    const b = await postComment(t, thread.id, alice, 'Second held comment');
    const approveA = (await (await t.call('POST', m.comment('daily', a.id), { token: mod, body: { action: 'approve' } })).json()).action;
    await t.call('POST', m.comment('daily', a.id), { token: mod, body: { action: 'reject', reason: 'spam' } });
    const rejectB = (await (await t.call('POST', m.comment('daily', b.id), { token: mod, body: { action: 'reject', reason: 'spam' } })).json()).action;
    const refused = await refusal(await t.call('POST', m.undo('daily', approveA.id), { token: mod }));
    expect(refused).toMatchObject({ status: 409, code: 'undo_superseded' });
    await t.call('POST', m.undo('daily', rejectB.id), { token: mod });
    const pending = await (await t.call('GET', `${m.queue('daily')}?queue=pending`, { token: mod })).json();
    expect(pending.items.map((i: { id: string }) => i.id)).toEqual([b.id]);
    const rejected = await (await t.call('GET', `${m.queue('daily')}?queue=rejected`, { token: mod })).json();
    expect(rejected.items.map((i: { id: string; state: string }) => [i.id, i.state])).toEqual([[a.id, 'rejected']]);
  });

  it('features a comment so it leads its thread, and approves in bulk', async () => {
    const { alice, mod, thread } = await premoderatedSite();
    const a = await postComment(t, thread.id, alice, 'First');
    t.clock.now += 1000;
    const b = await postComment(t, thread.id, alice, 'Second');
    const bulk = await t.call('POST', m.bulk('daily'), { token: mod, body: { ids: [a.id, b.id], action: 'approve' } });
    expect((await bulk.json()).items.map((i: { status: string }) => i.status)).toEqual(['published', 'published']);
    await t.call('POST', m.comment('daily', a.id), { token: mod, body: { action: 'feature' } });
    const view = await openThread(t);
    expect(view.comments[0]).toMatchObject({ id: a.id, featured: true });
  });

  it('bans, suspends and always pre-moderates a member, who is then refused or held', async () => {
    const { alice, mod, thread } = await premoderatedSite();
    await t.call('PUT', m.settings('daily'), { headers: asKey, body: { settings: SiteSettings.parse({}).moderation } });
    const first = await postComment(t, thread.id, alice, 'Hello there');
    const authorId = first.author!.id;

    await t.call('POST', m.user('daily', authorId), { token: mod, body: { action: 'premoderate' } });
    expect((await postComment(t, thread.id, alice, 'Now held')).status).toBe('pending');

    const until = t.clock.now + 86_400_000;
    await t.call('POST', m.user('daily', authorId), { token: mod, body: { action: 'suspend', until } });
    const suspended = await t.call('POST', apiPaths.comments('daily', thread.id), { token: alice, body: { body: 'Suspended?' } });
    expect(await refusal(suspended)).toMatchObject({ status: 403, code: 'suspended' });

    await t.call('POST', m.user('daily', authorId), { token: mod, body: { action: 'ban' } });
    const history = await (await t.call('GET', m.user('daily', authorId), { token: mod })).json();
    expect(history.user).toMatchObject({ banned: true, suspendedUntil: until, alwaysPremoderate: true });
    expect(history.actions.map((a: { action: string }) => a.action)).toEqual(['ban', 'suspend', 'premoderate']);
    expect(history.counts).toMatchObject({ published: 1, pending: 1 });
    const banned = await t.call('POST', apiPaths.comments('daily', thread.id), { token: alice, body: { body: 'Banned?' } });
    expect(await refusal(banned)).toMatchObject({ status: 403, code: 'banned' });
  });

  it('gives the drawer a member’s comments in every state with their articles, counts and reports against them, and notes', async () => {
    t = await createTestContext({ site: withoutFloodLimit() });
    const alice = await t.sign(PERSONAS.alice);
    const bob = await t.sign(PERSONAS.bob);
    const mod = await t.sign(PERSONAS.mod);
    const thread = (await openThread(t, { token: alice })).thread;
    const kept = await postComment(t, thread.id, alice, 'A fair point about the budget.');
    const reported = await postComment(t, thread.id, alice, 'Something bob reports.');
    const gone = await postComment(t, thread.id, alice, 'Deleted by its author.');
    await t.call('DELETE', apiPaths.comment('daily', gone.id), { token: alice });
    await t.call('POST', apiPaths.report('daily', reported.id), { token: bob, body: { reason: 'personal_attack' } });
    await t.call('POST', apiPaths.report('daily', kept.id), { token: bob, body: { reason: 'spam' } });
    // The moderator upholds one report: that comment is rejected.
    await t.call('POST', m.comment('daily', reported.id), { token: mod, body: { action: 'reject', reason: 'personal_attack' } });
    // Another member's comment never counts.
    await postComment(t, thread.id, bob, 'Not Alice’s.');

    const authorId = kept.author!.id;
    const noted = await t.call('POST', m.user('daily', authorId), { token: mod, body: { action: 'note', note: 'Warned by e-mail about tone.' } });
    expect(noted.status).toBe(200);
    const history = await noted.json();
    expect(history.counts).toEqual({ published: 1, pending: 0, rejected: 1, deleted: 1, reported: 2, upheldReports: 1 });
    expect(history.comments.map((c: { id: string; state: string; reports: number }) => [c.id, c.state, c.reports])).toEqual([
      [gone.id, 'deleted', 0],
      [reported.id, 'rejected', 1],
      [kept.id, 'published', 1],
    ]);
    expect(history.comments[0]).toMatchObject({ threadId: thread.id, threadUrl: ARTICLE_URL });
    expect(history.actions[0]).toMatchObject({ action: 'note', detail: 'Warned by e-mail about tone.', summary: `Noted about ${PERSONAS.alice.name}` });

    // A note changes nothing: it cannot be undone, and it does not stand in the way of undoing a ban before it.
    expect((await refusal(await t.call('POST', m.undo('daily', history.action.id), { token: mod }))).code).toBe('not_undoable');
    const ban = await (await t.call('POST', m.user('daily', authorId), { token: mod, body: { action: 'ban', note: 'Repeated attacks.' } })).json();
    await t.call('POST', m.user('daily', authorId), { token: mod, body: { action: 'note', note: 'Appealed.' } });
    expect((await t.call('POST', m.undo('daily', ban.action.id), { token: mod })).status).toBe(200);
    expect((await refusal(await t.call('POST', m.user('daily', authorId), { token: mod, body: { action: 'note', note: '  ' } }))).code).toBe('invalid_input');
  });

  it('closes and reopens a thread', async () => {
    const { alice, mod, thread } = await premoderatedSite();
    await t.call('POST', m.thread('daily', thread.id), { token: mod, body: { action: 'close' } });
    expect((await refusal(await t.call('POST', apiPaths.comments('daily', thread.id), { token: alice, body: { body: 'x y' } }))).code).toBe('thread_closed');
    const reopened = await (await t.call('POST', m.thread('daily', thread.id), { token: mod, body: { action: 'reopen' } })).json();
    expect(reopened.thread.closed).toBe(false);
  });

  it('lets only admins or the API key change the rules', async () => {
    const { mod } = await premoderatedSite();
    const settings = SiteSettings.parse({}).moderation;
    expect((await refusal(await t.call('PUT', m.settings('daily'), { token: mod, body: { settings } }))).code).toBe('forbidden');
    const admin = await t.sign({ sub: 'u-admin', name: 'Ada', role: 'admin' });
    const saved = await t.call('PUT', m.settings('daily'), { token: admin, body: { settings: { ...settings, premoderation: 'off' } } });
    expect(saved.status).toBe(200);
    expect((await (await t.call('GET', m.settings('daily'), { token: mod })).json()).settings.premoderation).toBe('off');
    const bad = await t.call('PUT', m.settings('daily'), { headers: asKey, body: { settings: { ...settings, premoderation: 'sometimes' } } });
    expect((await refusal(bad)).code).toBe('invalid_input');
  });

  it('tries a comment against unsaved rules without storing it', async () => {
    const { mod } = await premoderatedSite();
    const settings = SiteSettings.parse({ moderation: { rules: { bannedWords: { words: ['flapdoodle'] } } } }).moderation;
    const res = await t.call('POST', m.tryComment('daily'), { token: mod, body: { body: 'What utter fl4pd00dle', settings } });
    const verdict = await res.json();
    expect(verdict.verdict).toBe('rejected');
    expect(verdict.reasons[0]).toMatchObject({ ruleId: 'banned-words' });
    expect((await (await t.call('GET', m.counts('daily'), { token: mod })).json()).pending).toBe(0);
  });

  it('reports: one per member, the reported queue at the threshold, hidden at the higher one', async () => {
    t = await createTestContext({ site: { settings: SiteSettings.parse({ moderation: { reports: { toQueue: 1, toHide: 2 } } }) } });
    const alice = await t.sign(PERSONAS.alice);
    const bob = await t.sign(PERSONAS.bob);
    const nell = await t.sign(PERSONAS.nell);
    const mod = await t.sign(PERSONAS.mod);
    const thread = (await openThread(t, { token: alice })).thread;
    const c = await postComment(t, thread.id, alice, 'Controversial but fine');
    const report = (token: string) => t.call('POST', apiPaths.report('daily', c.id), { token, body: { reason: 'personal_attack', note: 'rude' } });
    expect((await refusal(await report(alice))).code).toBe('forbidden'); // own comment
    expect(await (await report(bob)).json()).toEqual({ reported: true, alreadyReported: false });
    expect(await (await report(bob)).json()).toEqual({ reported: true, alreadyReported: true });
    let queue = await (await t.call('GET', `${m.queue('daily')}?queue=reported`, { token: mod })).json();
    expect(queue.items[0].reports).toEqual([
      { reason: 'personal_attack', note: 'rude', count: 1, reporters: [{ id: expect.any(String), name: 'Bob', note: 'rude', upheld: 0, decided: 0, weight: 1 }] },
    ]);
    expect((await openThread(t)).comments).toHaveLength(1); // still visible
    await report(nell);
    expect((await openThread(t)).comments).toHaveLength(0); // hidden pending review
    await t.call('POST', m.comment('daily', c.id), { token: mod, body: { action: 'approve' } });
    expect((await openThread(t)).comments).toHaveLength(1);
    queue = await (await t.call('GET', `${m.queue('daily')}?queue=reported`, { token: mod })).json();
    expect(queue.items).toHaveLength(0);
  });

  it('keeps every site apart: a moderator of one site can neither see nor act on another', async () => {
    const { alice, thread } = await premoderatedSite();
    const held = await postComment(t, thread.id, alice, 'Only on daily');
    await t.store.saveSite(buildSite({ id: 'other', allowedOrigins: ['https://other.example'] }), t.clock.now);
    const otherMod = await t.sign({ ...PERSONAS.mod, sub: 'other-mod' }, { audience: 'other' });
    const queue = await (await t.call('GET', m.queue('other'), { token: otherMod })).json();
    expect(queue.items).toHaveLength(0);
    expect((await refusal(await t.call('POST', m.comment('other', held.id), { token: otherMod, body: { action: 'approve' } }))).code).toBe('comment_not_found');
    expect((await refusal(await t.call('GET', m.user('other', held.author!.id), { token: otherMod }))).code).toBe('not_found');
    expect((await refusal(await t.call('GET', m.queue('daily'), { token: otherMod }))).code).toBe('token_wrong_audience');
  });

  it('reports thirty days of volume, held share and rule hits', async () => {
    const { alice, mod, thread } = await premoderatedSite();
    await postComment(t, thread.id, alice, 'One');
    await postComment(t, thread.id, alice, 'Two');
    const stats = await (await t.call('GET', m.stats('daily'), { token: mod })).json();
    expect(stats.days).toEqual([{ day: '2026-01-15', total: 2, commenters: 1, held: 2, rejected: 0 }]);
    expect(stats.ruleHits).toEqual({ premoderation: 2 });
  });
});

describe('moderator session', () => {
  it('says whether the signed-in moderator may change the rules', async () => {
    const { mod } = await premoderatedSite();
    const admin = await t.sign({ sub: 'u-admin', name: 'Ada', role: 'admin' });
    const session = async (o: { token?: string; headers?: Record<string, string> }) => (await t.call('GET', m.session('daily'), o)).json();
    expect((await session({ token: mod })).canEditRules).toBe(false);
    expect((await session({ token: admin })).canEditRules).toBe(true);
    expect((await session({ headers: asKey })).canEditRules).toBe(true);
  });

  it('counts one thread’s queues when asked, and shows why a comment was rejected', async () => {
    const { alice, mod, thread } = await premoderatedSite();
    const held = await postComment(t, thread.id, alice, 'Held here');
    const other = (await openThread(t, { token: alice, url: `${ARTICLE_URL}-other` })).thread;
    await postComment(t, other.id, alice, 'Held elsewhere');
    expect((await (await t.call('GET', `${m.counts('daily')}?threadId=${thread.id}`, { token: mod })).json()).pending).toBe(1);
    expect((await (await t.call('GET', m.counts('daily'), { token: mod })).json()).pending).toBe(2);
    await t.call('POST', m.comment('daily', held.id), { token: mod, body: { action: 'reject', reason: 'abusive' } });
    const rejected = await (await t.call('GET', `${m.queue('daily')}?queue=rejected`, { token: mod })).json();
    expect(rejected.items[0]).toMatchObject({ id: held.id, rejectReason: 'abusive' });
  });
});

describe('moderation settings', () => {
  it('never shows the external scorer secret to anyone, only whether one is set', async () => {
    const { mod } = await premoderatedSite();
    const settings = { externalScorer: { enabled: true, url: 'https://scorer.example/score', secret: 's3cret-signing-key' } };
    const saved = await t.call('PUT', m.settings('daily'), { headers: asKey, body: { settings } });
    expect(saved.status).toBe(200);
    const savedText = await saved.text();
    expect(savedText).not.toContain('s3cret-signing-key');
    expect(JSON.parse(savedText).settings.externalScorer).toMatchObject({ secretSet: true, url: 'https://scorer.example/score' });
    const admin = await t.sign({ sub: 'u-admin', name: 'Ada', role: 'admin' });
    for (const who of [{ headers: asKey }, { token: admin }, { token: mod }]) {
      const text = await (await t.call('GET', m.settings('daily'), who)).text();
      expect(text).not.toContain('s3cret-signing-key');
      const scorer = JSON.parse(text).settings.externalScorer;
      expect(scorer.secretSet).toBe(true);
      expect(scorer).not.toHaveProperty('secret');
    }
    // The audit log records that it changed, never what it is.
    const audit = await (await t.call('GET', m.audit('daily'), { token: mod })).text();
    expect(audit).toContain('externalScorer.secret');
    expect(audit).not.toContain('s3cret-signing-key');
  });

  it('keeps the scorer secret when a save leaves it out, replaces it with a string and removes it with null', async () => {
    await premoderatedSite();
    const admin = await t.sign({ sub: 'u-admin', name: 'Ada', role: 'admin' });
    const stored = async () => (await t.store.getSite('daily'))!.settings.moderation.externalScorer.secret;
    const shown = async () => (await (await t.call('GET', m.settings('daily'), { token: admin })).json()).settings;
    const save = async (settings: unknown) => expect((await t.call('PUT', m.settings('daily'), { token: admin, body: { settings } })).status).toBe(200);
    await save({ externalScorer: { enabled: true, url: 'https://scorer.example/score', secret: 'first-secret' } });
    expect(await stored()).toBe('first-secret');

    // The form as shown, saved with another change: the answer's secretSet is not a secret, and is dropped.
    const form = await shown();
    await save({ ...form, nudge: !form.nudge });
    expect(await stored()).toBe('first-secret');
    await save({ ...form, externalScorer: { ...form.externalScorer, threshold: 0.8 } });
    expect(await stored()).toBe('first-secret');
    expect((await shown()).externalScorer).toMatchObject({ threshold: 0.8, secretSet: true });

    await save({ ...form, externalScorer: { ...form.externalScorer, secret: 'second-secret' } });
    expect(await stored()).toBe('second-secret');
    await save({ ...form, externalScorer: { ...form.externalScorer, secret: null } });
    expect(await stored()).toBe('');
    expect((await shown()).externalScorer.secretSet).toBe(false);
  });

  it('tries a draft of the rules with the site’s own secret standing in for the one left out', async () => {
    await premoderatedSite();
    const admin = await t.sign({ sub: 'u-admin', name: 'Ada', role: 'admin' });
    await t.call('PUT', m.settings('daily'), { token: admin, body: { settings: { externalScorer: { url: 'https://scorer.example/score', secret: 'kept' } } } });
    const form = (await (await t.call('GET', m.settings('daily'), { token: admin })).json()).settings;
    const tried = await t.call('POST', m.tryComment('daily'), { token: admin, body: { body: 'A fair point, well made.', settings: form } });
    expect(tried.status).toBe(200);
    expect(await t.call('POST', m.tryComment('daily'), { token: admin, body: { body: 'x', settings: { externalScorer: { secret: 42 } } } }).then((r) => r.status)).toBe(400);
    expect((await t.store.getSite('daily'))!.settings.moderation.externalScorer.secret).toBe('kept');
  });

  it('refuses rules whose fields contradict each other, naming each field and its limit, and keeps the saved rules', async () => {
    t = await createTestContext();
    const defaults = SiteSettings.parse({}).moderation;
    const rules = {
      ...defaults.rules,
      bodyLength: { enabled: true, min: 100, max: 50 },
      links: { ...defaults.rules.links, allowDomains: ['example.com'], denyDomains: ['Example.com'] },
      shouting: { ...defaults.rules.shouting, threshold: 0 },
    };
    const res = await t.call('PUT', m.settings('daily'), { headers: asKey, body: { settings: { ...defaults, rules, reports: { toQueue: 3, toHide: 1 } } } });
    expect(await refusal(res)).toEqual({
      status: 400,
      code: 'invalid_input',
      fields: {
        'settings.rules.bodyLength.min': 'must be at most the longest length, 50',
        'settings.reports.toHide': 'must be 0 (never hide) or at least the reports to queue, 3',
        'settings.rules.links.denyDomains': 'example.com is also on the always allowed list',
        'settings.rules.shouting.threshold': 'must be above 0 (at 0 every comment would count)',
      },
    });
    expect((await (await t.call('GET', m.settings('daily'), { headers: asKey })).json()).settings).toEqual(ModerationSettingsShown.parse({}));
  });

  it('refuses a number past its limit or missing with the field and the limit, not a silent default', async () => {
    t = await createTestContext();
    const defaults = SiteSettings.parse({}).moderation;
    const put = (bodyLength: Record<string, unknown>) =>
      t.call('PUT', m.settings('daily'), { headers: asKey, body: { settings: { ...defaults, rules: { ...defaults.rules, bodyLength } } } });
    expect((await refusal(await put({ enabled: true, min: 2, max: 6000 }))).fields).toEqual({ 'settings.rules.bodyLength.max': 'must be at most 5000' });
    expect((await refusal(await put({ enabled: true, min: 2, max: null }))).fields).toEqual({ 'settings.rules.bodyLength.max': 'must be a number' });
    expect((await refusal(await put({ enabled: true, min: 2.5, max: 100 }))).fields).toEqual({ 'settings.rules.bodyLength.min': 'must be a whole number' });
  });

  it('saves contradictory values on a rule that is switched off, and checks them once it is on', async () => {
    t = await createTestContext();
    const defaults = SiteSettings.parse({}).moderation;
    const withLength = (enabled: boolean) => ({ ...defaults, rules: { ...defaults.rules, bodyLength: { enabled, min: 100, max: 50 } } });
    expect((await t.call('PUT', m.settings('daily'), { headers: asKey, body: { settings: withLength(false) } })).status).toBe(200);
    expect((await t.call('PUT', m.settings('daily'), { headers: asKey, body: { settings: withLength(true) } })).status).toBe(400);
  });

  it('still loads a site stored with contradictory rules, so they can be seen and fixed', async () => {
    const moderation = ModerationSettingsFields.parse({ rules: { bodyLength: { min: 100, max: 50 } } });
    t = await createTestContext({ site: { settings: { ...SiteSettings.parse({}), moderation } } });
    const stored = await (await t.call('GET', m.settings('daily'), { headers: asKey })).json();
    expect(stored.settings.rules.bodyLength).toEqual({ enabled: true, min: 100, max: 50 });
    const fixed = { ...stored.settings, rules: { ...stored.settings.rules, bodyLength: { enabled: true, min: 2, max: 500 } } };
    expect((await t.call('PUT', m.settings('daily'), { headers: asKey, body: { settings: fixed } })).status).toBe(200);
  });
});
