// Reporters' records and the weight of their reports toward hiding a comment, through the real
// API on every backend, read back from the database.
import { afterEach, describe, expect, it } from 'vitest';
import { apiPaths } from '../../../shared/api-paths';
import { PERSONAS } from '../../support/app';
import { openThread } from '../../support/api';
import { MODERATED, moderatedSite, type ModeratedSite } from '../../support/moderated-site';
import { buildSite } from '../../support/site';

let s: ModeratedSite | undefined;
afterEach(() => s?.t.close());

const NEVER_HIDE = { ...MODERATED, reports: { toQueue: 1, toHide: 0 } };

async function stored(id: string) {
  const rs = await s!.t.client.execute({ sql: 'SELECT status, hidden_by_reports, reasons FROM comments WHERE id = ?', args: [id] });
  const row = rs.rows[0];
  return { status: String(row.status), hidden: Number(row.hidden_by_reports) === 1, reasons: JSON.parse(String(row.reasons)) };
}

const visible = async (id: string) => (await openThread(s!.t)).comments.some((c) => c.id === id);

describe('a reporter’s record', () => {
  it('counts the reports a moderator upheld (rejected, or deleted by a moderator) among those decided', async () => {
    s = await moderatedSite(NEVER_HIDE);
    await s.record('bob', ['reject', 'delete', 'approve']);
    const open = await s.post('Reported, not yet decided.');
    await s.report('bob', open);
    await s.report('nell', open);
    const [bob, nell] = [await s.userId('bob'), await s.userId('nell')];
    const records = await s.t.store.reporterRecords(s.t.site.id, [bob, nell]);
    expect(records).toEqual(new Map([[bob, { upheld: 2, decided: 3 }]]));
  });

  it('reads decisions as the comments stand now: an undone one and an author’s later delete do not count as upheld', async () => {
    s = await moderatedSite(NEVER_HIDE);
    const [rejected] = await s.record('bob', ['reject', 'approve']);
    const bob = await s.userId('bob');
    // Alice deletes the comment a moderator had kept: still a dismissed report.
    const kept = (await s.queue('recent')).find((i) => i.body.startsWith('Comment 1'))!.id;
    expect((await s.t.call('DELETE', apiPaths.comment(s.t.site.id, kept), { token: s.tokens.alice })).status).toBe(200);
    expect((await s.t.store.reporterRecords(s.t.site.id, [bob])).get(bob)).toEqual({ upheld: 1, decided: 2 });
    // Undoing the reject puts the comment back as it was, published: the moderator kept it after all.
    expect((await s.t.call('POST', apiPaths.moderation.undo(s.t.site.id, rejected), { token: s.tokens.mod })).status).toBe(200);
    expect((await s.t.store.reporterRecords(s.t.site.id, [bob])).get(bob)).toEqual({ upheld: 0, decided: 2 });
  });

  it('belongs to one site: another site’s decisions never reach it', async () => {
    s = await moderatedSite(NEVER_HIDE);
    const { t } = s;
    await t.store.saveSite(buildSite({ id: 'other', allowedOrigins: ['https://other.example'] }), t.clock.now);
    const [alice, bob, mod] = [PERSONAS.alice, PERSONAS.bob, PERSONAS.mod].map((p) => t.sign(p, { audience: 'other' }));
    const thread = (await openThread(t, { siteId: 'other', url: 'https://other.example/a', token: await alice })).thread;
    for (const n of [1, 2, 3]) {
      t.clock.now += 1000;
      const res = await t.call('POST', apiPaths.comments('other', thread.id), { token: await alice, body: { body: `Other site comment ${n}.` } });
      const id = (await res.json()).comment.id;
      expect((await t.call('POST', apiPaths.report('other', id), { token: await bob, body: { reason: 'spam' } })).status).toBe(200);
      expect((await t.call('POST', apiPaths.moderation.comment('other', id), { token: await mod, body: { action: 'reject', reason: 'spam' } })).status).toBe(200);
    }
    const otherBob = String((await t.client.execute("SELECT id FROM users WHERE site_id = 'other' AND external_id = 'u-bob'")).rows[0].id);
    expect(await t.store.reporterRecords('other', [otherBob])).toEqual(new Map([[otherBob, { upheld: 3, decided: 3 }]]));
    expect(await t.store.reporterRecords('daily', [otherBob])).toEqual(new Map());
    const target = await s.post('Reported on daily.');
    await s.report('bob', target);
    const weight = await t.client.execute({ sql: 'SELECT weight FROM reports WHERE comment_id = ?', args: [target] });
    expect(Number(weight.rows[0].weight)).toBe(100);
  });
});

describe('hiding on weighted reports', () => {
  it('hides sooner on reports from readers moderators agreed with, later on those they did not', async () => {
    s = await moderatedSite(); // toHide 2
    await s.record('sage', ['reject', 'reject', 'reject', 'reject']); // (4 + 1) / (4 + 2) + 0.5 = 1.33
    await s.record('troll', ['approve', 'approve', 'approve', 'approve']); // 1 / 6 + 0.5 = 0.67

    const byAccurate = await s.post('Reported by Sage and Bob.');
    await s.report('sage', byAccurate);
    expect(await visible(byAccurate)).toBe(true);
    await s.report('bob', byAccurate); // 1.33 + 1 ≥ 2
    expect(await visible(byAccurate)).toBe(false);
    expect(await stored(byAccurate)).toMatchObject({ status: 'pending', hidden: true });
    expect((await stored(byAccurate)).reasons.at(-1)).toEqual({ ruleId: 'reports', message: 'Hidden after reader reports weighing 2 or more', spans: [] });

    const byTroll = await s.post('Reported by Trey and Nell.');
    await s.report('troll', byTroll);
    await s.report('nell', byTroll); // 0.67 + 1 < 2
    expect(await visible(byTroll)).toBe(true);
    await s.report('kit', byTroll); // + 1 ≥ 2
    expect(await visible(byTroll)).toBe(false);
    const weights = await s.t.client.execute({ sql: 'SELECT weight FROM reports WHERE comment_id = ? ORDER BY created_at', args: [byTroll] });
    expect(weights.rows.map((r) => Number(r.weight))).toEqual([67, 100, 100]);
  });

  it('hides at two reports from readers without a record, as a plain count did', async () => {
    s = await moderatedSite();
    const id = await s.post('Reported by Nell and Kit.');
    await s.report('nell', id);
    expect(await visible(id)).toBe(true);
    await s.report('kit', id);
    expect(await visible(id)).toBe(false);
  });
});
