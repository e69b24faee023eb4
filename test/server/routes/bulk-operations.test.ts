// Bulk operations by filter ("select all N matching"): the whole filtered queue, in batches of
// one transaction, with progress, one audit entry, one undo that never reverts a later decision,
// resumption after an interruption, and the site's walls and the moderators' ranks kept.
import { afterEach, describe, expect, it } from 'vitest';
import { apiPaths } from '../../../shared/api-paths';
import { BULK_MAX_IDS, type BulkOperationView } from '../../../shared/schemas/moderation-api';
import { createApp } from '../../../server/app';
import { StoreUnavailableError } from '../../../server/store/libsql';
import type { Store } from '../../../server/store/port';
import { BACKEND, createTestContext, PERSONAS, TEST_API_KEY, type TestContext } from '../../support/app';
import { openThread, refusal, seedComments } from '../../support/api';
import { buildSite } from '../../support/site';

const m = apiPaths.moderation;
const ROBIN = { sub: 'u-robin', name: 'Robin', tier: 'member', role: 'moderator' as const };
const ADA = { sub: 'u-ada', name: 'Ada', tier: 'member', role: 'admin' as const };
let t: TestContext;
afterEach(() => t?.close());

async function site(count = 264) {
  t = await createTestContext();
  const mod = await t.sign(PERSONAS.mod);
  const thread = (await openThread(t, { title: 'City budget' })).thread;
  const ids = await seedComments(t, { threadId: thread.id, author: PERSONAS.alice, count });
  return { mod, thread, ids };
}

async function json<T = Record<string, any>>(res: Response, status = 200): Promise<T> {
  expect(res.status, await res.clone().text()).toBe(status);
  return res.json();
}

const start = (token: string, body: unknown) => t.call('POST', m.bulkOperations('daily'), { token, body });
const run = (token: string, id: string) => t.call('POST', m.bulkRun('daily', id), { token });
const undo = (token: string, id: string) => t.call('POST', m.bulkUndo('daily', id), { token });

/** Asks for batches until the operation is done, returning each answer's progress. */
async function runToEnd(token: string, first: BulkOperationView, next = (id: string) => run(token, id)): Promise<{ op: BulkOperationView; progress: number[] }> {
  const progress = [first.done];
  let op = first;
  for (let i = 0; op.status === 'running' && i < 100; i++) {
    op = (await json<{ operation: BulkOperationView }>(await next(op.id))).operation;
    progress.push(op.done);
  }
  return { op, progress };
}

async function queue(token: string, name = 'pending') {
  return json<{ items: { id: string; status: string }[]; counts: Record<string, number>; matching: number }>(
    await t.call('GET', `${m.queue('daily')}?queue=${name}&limit=100`, { token }),
  );
}

async function audit(token: string, query = '') {
  return (await json<{ entries: Record<string, any>[] }>(await t.call('GET', `${m.audit('daily')}?limit=200${query}`, { token }))).entries;
}

describe('bulk operations by filter', () => {
  it('takes one member’s comments only, named in its summary', async () => {
    const { mod, thread } = await site(3);
    await seedComments(t, { threadId: thread.id, author: PERSONAS.bob, count: 2 });
    const pending = await json<{ items: { author: { id: string; name: string } }[] }>(await t.call('GET', `${m.queue('daily')}?queue=pending&limit=100`, { token: mod }));
    const aliceId = pending.items.find((i) => i.author.name === PERSONAS.alice.name)!.author.id;
    const listed = await json<{ matching: number }>(await t.call('GET', `${m.queue('daily')}?queue=pending&authorId=${aliceId}`, { token: mod }));
    expect(listed.matching).toBe(3);
    const first = (await json<{ operation: BulkOperationView }>(await start(mod, { filter: { queue: 'pending', authorId: aliceId }, action: 'reject', reason: 'abusive' }), 201)).operation;
    const { op } = await runToEnd(mod, first);
    expect(op).toMatchObject({ status: 'done', done: 3, total: 3 });
    expect((await queue(mod)).items).toHaveLength(2);
    expect((await audit(mod, '&targetType=bulk'))[0].summary).toBe(`Rejected 3 comments by ${PERSONAS.alice.name} in Pending`);
  });

  it('approves all 264 pending comments a batch per request, reports done of total, and audits it once with its count', async () => {
    const { mod, thread } = await site();
    expect((await queue(mod)).matching).toBe(264);

    const started = (await json<{ operation: BulkOperationView }>(await start(mod, { filter: { queue: 'pending' }, action: 'approve' }), 201)).operation;
    expect(started).toMatchObject({ action: 'approve', status: 'running', total: 264, done: BULK_MAX_IDS, skipped: 0, audit: null, mine: true, actorName: 'Morgan' });
    const { op, progress } = await runToEnd(mod, started);
    expect(progress).toEqual([100, 200, 264]);
    expect(op).toMatchObject({ status: 'done', total: 264, done: 264, skipped: 0 });
    expect(op.audit).toMatchObject({ action: 'approve', targetType: 'bulk', targetId: op.id, summary: 'Approved 264 comments in Pending', actorName: 'Morgan' });

    expect((await queue(mod)).counts.pending).toBe(0);
    expect((await openThread(t)).thread.commentCount).toBe(264);
    const entries = await audit(mod);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ id: op.audit!.id, action: 'approve', targetType: 'bulk', after: { count: 264, skipped: 0 }, before: { queue: 'pending', matched: 264 } });
    // Asking again once it is done changes nothing and audits nothing more.
    expect((await json<{ operation: BulkOperationView }>(await run(mod, op.id))).operation).toMatchObject({ status: 'done', done: 264 });
    expect(await audit(mod)).toHaveLength(1);
    expect((await json(await t.call('GET', m.bulkOperation('daily', op.id), { token: mod }))).operation).toMatchObject({ status: 'done', done: 264 });
    expect(thread.id).toBeTruthy();
  });

  it('undoes the operation as one, except where a moderator decided a comment after it', async () => {
    const { mod, ids } = await site();
    const { op } = await runToEnd(mod, (await json(await start(mod, { filter: { queue: 'pending' }, action: 'approve' }), 201)).operation);
    // Later decisions: one rejected; one rejected and approved again, back where the operation left it.
    const [rejected, reapproved] = [ids[5], ids[6]];
    await json(await t.call('POST', m.comment('daily', rejected), { token: mod, body: { action: 'reject', reason: 'spam' } }));
    await json(await t.call('POST', m.comment('daily', reapproved), { token: mod, body: { action: 'reject', reason: 'spam' } }));
    await json(await t.call('POST', m.comment('daily', reapproved), { token: mod, body: { action: 'approve' } }));

    const undoing = (await json<{ operation: BulkOperationView }>(await undo(mod, op.id))).operation;
    expect(undoing).toMatchObject({ action: 'undo', undoes: op.id, total: 264, status: 'running' });
    const { op: undone, progress } = await runToEnd(mod, undoing, (id) => run(mod, id));
    expect(progress).toEqual([100, 200, 262]);
    expect(undone).toMatchObject({ status: 'done', done: 262, skipped: 2 });
    expect(undone.audit).toMatchObject({ action: 'undo', targetType: 'bulk', targetId: op.id, summary: 'Undid: Approved 264 comments in Pending' });

    const pending = await queue(mod);
    expect(pending.counts).toMatchObject({ pending: 262, rejected: 1, recent: 1 });
    expect(pending.items.map((i) => i.id)).not.toContain(rejected);
    expect((await queue(mod, 'rejected')).items.map((i) => i.id)).toEqual([rejected]);
    expect((await queue(mod, 'recent')).items.map((i) => i.id)).toEqual([reapproved]);
    expect((await openThread(t)).thread.commentCount).toBe(1);

    const bulkEntries = await audit(mod, '&targetType=bulk');
    expect(bulkEntries.map((e) => [e.action, e.undone, e.after.count])).toEqual([['undo', false, 262], ['approve', true, 264]]);
    expect((await refusal(await undo(mod, op.id))).code).toBe('already_undone');
    expect((await refusal(await t.call('POST', m.undo('daily', bulkEntries[1].id), { token: mod }))).code).toBe('already_undone');
    expect((await refusal(await undo(mod, undone.id))).code).toBe('not_undoable');
  });

  it.skipIf(BACKEND === 'workerd')('goes on where it stopped after an interruption, changing every comment exactly once', async () => {
    const { mod } = await site();
    // A process that dies in its second batch: the first is committed, the second never is.
    let batches = 0;
    const dying: Store = {
      ...t.store,
      applyBulkBatch: (op, entries, now) => (++batches === 2 ? Promise.reject(new StoreUnavailableError(new Error('killed'))) : t.store.applyBulkBatch(op, entries, now)),
    };
    const doomed = createApp({ store: dying, now: () => t.clock.now, siteCacheTtlMs: 0, log: () => {} });
    const send = (path: string, body?: unknown) =>
      doomed.request(path, { method: 'POST', headers: { Authorization: `Bearer ${mod}`, 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });

    const started = (await json<{ operation: BulkOperationView }>(await send(m.bulkOperations('daily'), { filter: { queue: 'pending' }, action: 'approve' }), 201)).operation;
    expect(started.done).toBe(100);
    expect((await send(m.bulkRun('daily', started.id))).status).toBe(503);
    expect((await json(await t.call('GET', m.bulkOperation('daily', started.id), { token: mod }))).operation).toMatchObject({ status: 'running', done: 100 });

    // Another process (the app of the test context) is asked for the rest.
    const { op, progress } = await runToEnd(mod, started);
    expect(progress).toEqual([100, 200, 264]);
    expect(op).toMatchObject({ status: 'done', done: 264, skipped: 0 });
    expect((await queue(mod)).counts).toMatchObject({ pending: 0, recent: 264 });
    expect((await openThread(t)).thread.commentCount).toBe(264);
    expect((await audit(mod)).map((e) => e.after.count)).toEqual([264]);
  });

  it('acts on the queue under its thread and rule filters, as the queue lists and counts it', async () => {
    const { mod, thread } = await site(30);
    await seedComments(t, { threadId: thread.id, author: PERSONAS.bob, count: 12, ruleId: 'links', prefix: 'Linky' });
    const other = (await openThread(t, { url: 'https://news.example/2026/01/16/other', title: 'Other story' })).thread;
    await seedComments(t, { threadId: other.id, author: PERSONAS.bob, count: 5, ruleId: 'links', prefix: 'Elsewhere' });

    const listed = await json<{ matching: number }>(await t.call('GET', `${m.queue('daily')}?queue=pending&threadId=${thread.id}&rule=links`, { token: mod }));
    expect(listed.matching).toBe(12);
    const filter = { queue: 'pending', threadId: thread.id, rule: 'links' };
    const op = (await json<{ operation: BulkOperationView }>(await start(mod, { filter, action: 'reject', reason: 'spam' }), 201)).operation;
    expect(op).toMatchObject({ status: 'done', total: 12, done: 12, reason: 'spam', filter });
    expect(op.audit?.summary).toBe('Rejected 12 comments in Pending on “City budget” (rule links)');
    const rejected = await queue(mod, 'rejected');
    expect(rejected.items).toHaveLength(12);
    expect(rejected.counts).toMatchObject({ pending: 35, rejected: 12 });
  });

  it('acts on exactly what a search and the new-members filter list, whatever the list’s order, and names both', async () => {
    const { mod, thread } = await site(0);
    // Alice has comments published before, so what she posts next is not a new member's.
    await seedComments(t, { threadId: thread.id, author: PERSONAS.alice, count: 2, status: 'published', prefix: 'Earlier' });
    const aliceBus = await seedComments(t, { threadId: thread.id, author: PERSONAS.alice, count: 3, prefix: 'Night bus' });
    const bobBus = await seedComments(t, { threadId: thread.id, author: PERSONAS.bob, count: 4, prefix: 'Night bus' });
    const bobLibrary = await seedComments(t, { threadId: thread.id, author: PERSONAS.bob, count: 2, prefix: 'Library' });

    const listed = await json<{ items: { id: string }[]; matching: number }>(
      await t.call('GET', `${m.queue('daily')}?queue=pending&q=night%20BU&members=new&sort=oldest&limit=100`, { token: mod }),
    );
    expect(listed.items.map((i) => i.id)).toEqual(bobBus);
    expect(listed.matching).toBe(4);
    const filter = { queue: 'pending', q: 'night BU', members: 'new' };
    const op = (await json<{ operation: BulkOperationView }>(await start(mod, { filter, action: 'approve' }), 201)).operation;
    expect(op).toMatchObject({ status: 'done', total: 4, done: 4, filter });
    expect(op.audit?.summary).toBe('Approved 4 comments by new members in Pending matching “night BU”');
    expect((await queue(mod)).items.map((i) => i.id).sort()).toEqual([...aliceBus, ...bobLibrary].sort());
    // The list's order is not part of what an operation acts on.
    expect((await start(mod, { filter: { ...filter, sort: 'newest' }, action: 'approve' })).status).toBe(400);
  });

  it('leaves alone comments that left the queue meanwhile, and those the moderator may not decide', async () => {
    const { mod, thread, ids } = await site(150);
    await seedComments(t, { threadId: thread.id, author: PERSONAS.mod, count: 1, prefix: 'Own' });
    await seedComments(t, { threadId: thread.id, author: ROBIN, count: 1, prefix: 'Colleague' });
    const started = (await json<{ operation: BulkOperationView }>(await start(mod, { filter: { queue: 'pending' }, action: 'approve' }), 201)).operation;
    expect(started.total).toBe(152);
    // The oldest comment is decided by someone else before its batch comes round.
    const ada = await t.sign(ADA);
    await json(await t.call('POST', m.comment('daily', ids[0]), { token: ada, body: { action: 'reject', reason: 'spam' } }));
    const { op } = await runToEnd(mod, started);
    expect(op).toMatchObject({ status: 'done', total: 152, done: 149, skipped: 3 });
    expect((await queue(mod)).counts).toMatchObject({ pending: 2, rejected: 1, recent: 149 });
    expect((await audit(mod, '&targetType=bulk'))[0].after).toEqual({ count: 149, skipped: 3 });
  });

  it('never reaches another site: its moderators neither see, continue nor undo an operation, and act on their own comments only', async () => {
    const { mod, thread } = await site(20);
    await t.store.saveSite(buildSite({ id: 'other', allowedOrigins: ['https://other.example'] }), t.clock.now);
    const otherThread = await t.store.createThread({
      id: 'other-thread', siteId: 'other', pageKey: 'https://other.example/a', url: 'https://other.example/a', title: 'Elsewhere',
      section: 'news', sectionLocked: false, closed: false, createdAt: t.clock.now,
    });
    await seedComments(t, { threadId: otherThread.id, siteId: 'other', author: PERSONAS.alice, count: 7, prefix: 'Other site' });
    const otherMod = await t.sign({ ...PERSONAS.mod, sub: 'other-mod' }, { audience: 'other' });

    const op = (await json<{ operation: BulkOperationView }>(await start(mod, { filter: { queue: 'pending' }, action: 'approve' }), 201)).operation;
    expect(op).toMatchObject({ status: 'done', total: 20, done: 20 });
    for (const path of [m.bulkOperation('other', op.id)]) expect((await refusal(await t.call('GET', path, { token: otherMod }))).code).toBe('not_found');
    expect((await refusal(await t.call('POST', m.bulkRun('other', op.id), { token: otherMod }))).code).toBe('not_found');
    expect((await refusal(await t.call('POST', m.bulkUndo('other', op.id), { token: otherMod }))).code).toBe('not_found');
    expect((await json(await t.call('GET', m.bulkOperations('other'), { token: otherMod }))).operations).toEqual([]);
    // The other site's filter naming this site's thread matches nothing there.
    const foreign = await t.call('POST', m.bulkOperations('other'), { token: otherMod, body: { filter: { queue: 'pending', threadId: thread.id }, action: 'approve' } });
    expect(await refusal(foreign)).toMatchObject({ status: 409, code: 'nothing_matches' });

    const theirs = (await json<{ operation: BulkOperationView }>(await t.call('POST', m.bulkOperations('other'), { token: otherMod, body: { filter: { queue: 'pending' }, action: 'reject', reason: 'spam' } }), 201)).operation;
    expect(theirs).toMatchObject({ status: 'done', total: 7, done: 7 });
    expect((await queue(mod, 'recent')).counts).toMatchObject({ pending: 0, recent: 20, rejected: 0 });
    const undone = (await json<{ operation: BulkOperationView }>(await undo(mod, op.id))).operation;
    expect(undone).toMatchObject({ status: 'done', done: 20 });
    const otherPending = await json(await t.call('GET', `${m.queue('other')}?queue=rejected`, { token: otherMod }));
    expect(otherPending.counts).toMatchObject({ pending: 0, rejected: 7 });
  });

  it('admits only moderators of this site, lets only its starter or an admin carry it on, and answers bad input 4xx', async () => {
    const { mod } = await site(250);
    const alice = await t.sign(PERSONAS.alice);
    const robin = await t.sign(ROBIN);
    const ada = await t.sign(ADA);
    const body = { filter: { queue: 'pending' }, action: 'approve' };
    expect(await refusal(await t.call('POST', m.bulkOperations('daily'), { body }))).toMatchObject({ status: 401, code: 'not_signed_in' });
    expect(await refusal(await start(alice, body))).toMatchObject({ status: 403, code: 'forbidden' });
    const wrongSite = await t.sign(PERSONAS.mod, { audience: 'other' });
    expect((await refusal(await start(wrongSite, body))).status).toBe(401);

    for (const bad of [
      { filter: { queue: 'pending' }, action: 'reject' },
      { filter: { queue: 'everything' }, action: 'approve' },
      { filter: { queue: 'pending', threadId: 'not an id!' }, action: 'approve' },
      { filter: { queue: 'pending', cursor: 'abc' }, action: 'approve' },
      { filter: { queue: 'pending' }, action: 'feature' },
      { filter: { queue: 'pending' }, action: 'approve', ids: ['a'] },
      { action: 'approve' },
      'not json',
    ]) {
      const res = await start(mod, bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect((await refusal(res)).code).toMatch(/^(invalid_input|malformed_json)$/);
    }
    expect(await refusal(await start(mod, { filter: { queue: 'rejected' }, action: 'approve' }))).toMatchObject({ status: 409, code: 'nothing_matches' });
    expect(await refusal(await run(mod, 'no-such-op'))).toMatchObject({ status: 404, code: 'not_found' });
    expect(await refusal(await t.call('GET', m.bulkOperation('daily', 'bad id!'), { token: mod }))).toMatchObject({ status: 400, code: 'invalid_input' });

    const op = (await json<{ operation: BulkOperationView }>(await start(mod, body), 201)).operation;
    expect(await refusal(await undo(mod, op.id))).toMatchObject({ status: 409, code: 'operation_running' });
    expect(await refusal(await run(robin, op.id))).toMatchObject({ status: 403, code: 'forbidden' });
    const listed = (await json(await t.call('GET', `${m.bulkOperations('daily')}?status=running`, { token: robin }))).operations;
    expect(listed.map((o: BulkOperationView) => [o.id, o.mine])).toEqual([[op.id, false]]);
    // An admin may carry on a moderator's operation; it still acts as the moderator who started it.
    const { op: done } = await runToEnd(ada, (await json(await run(ada, op.id))).operation, (id) => run(ada, id));
    expect(done).toMatchObject({ status: 'done', done: 250 });
    expect(done.audit?.actorName).toBe('Morgan');
    expect(await refusal(await undo(robin, op.id))).toMatchObject({ status: 403, code: 'forbidden' });
    expect(await refusal(await t.call('POST', m.undo('daily', done.audit!.id), { token: mod }))).toMatchObject({ status: 409, code: 'not_undoable' });
    const viaKey = await t.call('POST', m.bulkUndo('daily', op.id), { headers: { 'X-Api-Key': TEST_API_KEY } });
    expect((await json(viaKey)).operation).toMatchObject({ action: 'undo', actorName: 'Site owner' });
  });
});
