// @vitest-environment happy-dom
// The Threads tab: the site's articles with what waits in each, closed or pre-moderated from the
// list, and one opened with every comment in it, in every state, to act on.
import { describe, expect, it } from 'vitest';
import { $, $$, button, harness, text, waitFor } from '../harness';

async function openTab(h: Awaited<ReturnType<typeof harness>>) {
  h.mount();
  button(await waitFor(() => $(h.root, 'nav.tabs')), 'Threads').click();
  return waitFor(() => $(h.root, 'table.threads'));
}

describe('the Threads tab', () => {
  it('lists threads with their counts and closes one, with an Undo that reopens it', async () => {
    const h = await harness();
    await h.post('An idiot remark');
    await h.post('A civil remark');
    const table = await openTab(h);
    const row = () => $(table, 'tbody tr');
    expect(text($(row(), '.title'))).toBe('City budget');
    expect(text($(row(), '[data-label="Published"]'))).toBe('1');
    expect(text($(row(), '[data-label="Pending"]'))).toBe('1');
    expect(text($(row(), '.badges'))).toBe('open');

    button(row(), 'Close').click();
    await waitFor(() => expect(text($(row(), '.badges'))).toBe('closed'));
    expect((await h.t.store.getThread(h.t.site.id, h.threadId))?.closed).toBe(true);
    button(h.root, 'Undo').click();
    await waitFor(() => expect(text($(row(), '.badges'))).toBe('open'));
    expect((await h.t.store.getThread(h.t.site.id, h.threadId))?.closed).toBe(false);
  });

  it('opens a thread with every comment in every state, approves one and pre-moderates the thread', async () => {
    const h = await harness();
    const held = await h.post('An idiot remark');
    await h.post('A civil remark');
    const table = await openTab(h);
    button(table, 'City budget').click();
    const review = await waitFor(() => $(h.root, '.thread-review'));
    const states = () => $$(review, '.thread-comments li').map((li) => text($(li, '.badge')));
    await waitFor(() => expect(states()).toEqual(['published', 'pending']));

    const heldRow = $$(review, '.thread-comments li').find((li) => text(li).includes('An idiot remark'))!;
    button(heldRow, 'Approve').click();
    await waitFor(() => expect(states()).toEqual(['published', 'published']));
    expect((await h.serverQueue('pending')).map((i) => i.id)).not.toContain(held);

    button(review, 'Pre-moderate').click();
    await waitFor(() => expect(text($(review, '.badges'))).toBe('pre-moderated'));
    expect((await h.t.store.getThread(h.t.site.id, h.threadId))?.premoderate).toBe(true);
    button(review, '← All threads').click();
    await waitFor(() => expect(text($(h.root, 'table.threads tbody tr .badges'))).toBe('pre-moderated'));
  });
});
