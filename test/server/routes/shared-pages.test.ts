// Members' pages are made from rows shared by every reader of the thread version, plus what is
// each member's own: nothing of one member's may show on another's page, and every write to the
// thread shows on the next read.
import { afterEach, describe, expect, it } from 'vitest';
import { apiPaths } from '../../../shared/api-paths';
import { SiteSettings } from '../../../shared/schemas/site';
import { createTestContext, PERSONAS, type TestContext } from '../../support/app';
import { openThread, postComment } from '../../support/api';

let t: TestContext;
afterEach(() => t?.close());

describe('members’ pages from shared rows', () => {
  it('keep each member’s likes, pending comments and edit rights their own, and follow every write', async () => {
    t = await createTestContext({ site: { settings: SiteSettings.parse({ moderation: { nudge: false, rules: { flooding: { enabled: false }, suspectWords: { words: ['idiot'] } } } }) } });
    const [alice, bob] = await Promise.all([t.sign(PERSONAS.alice), t.sign(PERSONAS.bob)]);
    const thread = (await openThread(t, { token: alice })).thread;
    const hers = await postComment(t, thread.id, alice, 'A published comment.');
    const held = await postComment(t, thread.id, alice, 'What an idiot.');
    expect(held.status).toBe('pending');

    // Both read the same version: the second is made from the rows the first listed.
    const a1 = await openThread(t, { token: alice });
    const b1 = await openThread(t, { token: bob });
    expect(a1.comments.map((c) => c.id).sort()).toEqual([hers.id, held.id].sort());
    expect(b1.comments.map((c) => c.id)).toEqual([hers.id]);
    expect(a1.comments.find((c) => c.id === hers.id)).toMatchObject({ mine: true, likedByMe: false });
    expect(a1.comments.find((c) => c.id === hers.id)?.editableUntil).not.toBeNull();
    expect(b1.comments[0]).toMatchObject({ mine: false, editableUntil: null });
    expect(b1.comments[0]).not.toHaveProperty('source');

    // Bob likes it: his page says so, hers only counts it.
    expect((await t.call('PUT', apiPaths.like(t.site.id, hers.id), { token: bob })).status).toBe(200);
    const [a2, b2] = await Promise.all([openThread(t, { token: alice }), openThread(t, { token: bob })]);
    expect(b2.comments[0]).toMatchObject({ likes: 1, likedByMe: true });
    expect(a2.comments.find((c) => c.id === hers.id)).toMatchObject({ likes: 1, likedByMe: false });

    // An edit and a new reply are on the next read of both.
    expect((await t.call('PATCH', apiPaths.comment(t.site.id, hers.id), { token: alice, body: { body: 'An edited comment.' } })).status).toBe(200);
    const reply = await postComment(t, thread.id, bob, 'A reply.', hers.id);
    const b3 = await openThread(t, { token: bob });
    expect(b3.comments.find((c) => c.id === hers.id)?.html).toContain('An edited comment.');
    expect(b3.comments.map((c) => c.id)).toContain(reply.id);
    const guest = await openThread(t);
    expect(guest.comments.map((c) => c.id)).not.toContain(held.id);
  });
});
