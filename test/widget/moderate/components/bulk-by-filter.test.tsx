// @vitest-environment happy-dom
// "Select all N matching": the dashboard hands the whole filtered queue to the server, shows how
// far it has got, undoes it with u, carries on one that stopped; and "Select all" of more loaded
// comments than one request may name sends them in slices the shared schema allows.
import { describe, expect, it } from 'vitest';
import { apiPaths } from '../../../../shared/api-paths';
import { BULK_MAX_IDS } from '../../../../shared/schemas/moderation-api';
import { PERSONAS } from '../../../support/app';
import { seedComments } from '../../../support/api';
import type { Fetch } from '../../../../widget/moderate/api';
import { $, button, harness, itemIds, press, text, waitFor, type Harness } from '../harness';

const live = (root: ParentNode) => text($(root, '.live'));
const pendingCount = (root: ParentNode) => text($(root, '.count-pending'));
const bulkLabel = (root: ParentNode) => text($(root, '.bulk label'));
/** How many comments the list holds, drawn or not ("Comments, 1 of 120 selected"). */
const listed = (root: ParentNode) => Number(/of (\d+) selected/.exec($(root, 'ol.items').getAttribute('aria-label') ?? '')?.[1]);

/** The app's fetch, holding each request that carries an operation on until `release`; `fail` makes the next one fail. */
function gatedFetch(h: Harness) {
  const held: (() => void)[] = [];
  const sent: { url: string; body: string }[] = [];
  let failNext = false;
  const fetch: Fetch = async (url, init) => {
    sent.push({ url, body: String(init?.body ?? '') });
    if (url.endsWith('/run')) {
      await new Promise<void>((resolve) => held.push(resolve));
      if (failNext) {
        failNext = false;
        throw new TypeError('fetch failed');
      }
    }
    return h.t.app.request(url, init);
  };
  return {
    fetch,
    sent,
    waiting: () => held.length,
    release: () => held.shift()?.(),
    failNextRun: () => (failNext = true),
  };
}

/** The dashboard on a queue of `count` held comments, its requests going through a gate. */
async function dashboardWith(count: number) {
  const h = await harness();
  await seedComments(h.t, { threadId: h.threadId, author: PERSONAS.alice, count });
  const gate = gatedFetch(h);
  h.mount({ fetch: gate.fetch });
  return { h, gate };
}

async function progressShows(h: Harness, label: string, value: number, max: number) {
  await waitFor(() => expect(text($(h.root, '.bulk-progress .progress-label'))).toBe(label));
  const bar = $<HTMLProgressElement>(h.root, '.bulk-progress progress');
  expect([Number(bar.getAttribute('value')), Number(bar.getAttribute('max'))]).toEqual([value, max]);
}

describe('bulk actions by filter in the dashboard', () => {
  it('offers "Select all 264 matching" once the page is ticked, approves them on the server with progress, and u undoes it', async () => {
    const { h, gate } = await dashboardWith(264);
    await waitFor(() => expect(itemIds(h.root)).toHaveLength(25));
    expect(h.root.querySelector('.select-matching')).toBeNull();

    $<HTMLInputElement>(h.root, '.bulk input[type="checkbox"]').click();
    await waitFor(() => expect(bulkLabel(h.root)).toBe('25 selected'));
    button(h.root, 'Select all 264 matching').click();
    await waitFor(() => expect(bulkLabel(h.root)).toBe('All 264 matching selected'));

    button(h.root, 'Approve all 264').click();
    await progressShows(h, 'Approving 100 of 264…', 100, 264);
    expect(button(h.root, 'Approve selected').disabled).toBe(true);
    await waitFor(() => expect(gate.waiting()).toBe(1));
    gate.release();
    await progressShows(h, 'Approving 200 of 264…', 200, 264);
    await waitFor(() => expect(gate.waiting()).toBe(1));
    gate.release();
    await waitFor(() => expect(live(h.root)).toBe('Approved 264 comments in Pending. Press u to undo.'));
    expect(h.root.querySelector('.bulk-progress')).toBeNull();
    await waitFor(() => expect(text($(h.root, '.notice.empty'))).toBe('Nothing to review here.'));
    await waitFor(() => expect(pendingCount(h.root)).toBe('0'));
    expect(await h.serverQueue('pending')).toEqual([]);
    // One operation by filter, never a list of ids.
    const starts = gate.sent.filter((s) => s.url.endsWith(apiPaths.moderation.bulkOperations(h.t.site.id)));
    expect(starts.map((s) => JSON.parse(s.body))).toEqual([{ filter: { queue: 'pending' }, action: 'approve' }]);
    expect(gate.sent.some((s) => s.url.endsWith(apiPaths.moderation.bulk(h.t.site.id)))).toBe(false);

    press('u');
    await progressShows(h, 'Undoing 100 of 264…', 100, 264);
    gate.release();
    await waitFor(() => expect(gate.waiting()).toBe(1));
    gate.release();
    await waitFor(() => expect(live(h.root)).toBe('Undid: Approved 264 comments in Pending'));
    await waitFor(() => expect(itemIds(h.root)).toHaveLength(25));
    await waitFor(() => expect(pendingCount(h.root)).toBe('264'));
  });

  it('shows where an operation stopped and why, and Continue carries it on to the end', async () => {
    const { h, gate } = await dashboardWith(150);
    await waitFor(() => expect(itemIds(h.root)).toHaveLength(25));
    $<HTMLInputElement>(h.root, '.bulk input[type="checkbox"]').click();
    await waitFor(() => button(h.root, 'Select all 150 matching')).then((b) => b.click());
    await waitFor(() => button(h.root, 'Reject all 150')).then((b) => b.click());
    const menu = await waitFor(() => $(h.root, '[role="menu"]'));
    expect(menu.getAttribute('aria-label')).toBe('Reject 150 comments because…');
    await waitFor(() => expect(menu.contains(h.root.activeElement)).toBe(true));
    press('3', {}, h.root.activeElement!);

    await progressShows(h, 'Rejecting 100 of 150…', 100, 150);
    gate.failNextRun();
    await waitFor(() => expect(gate.waiting()).toBe(1));
    gate.release();
    await waitFor(() => expect(text($(h.root, '.bulk-progress .progress-label'))).toBe('Stopped: Rejecting 100 of 150'));
    expect(text($(h.root, '.bulk-progress .error'))).toBe('The server could not be reached. Try again in a moment.');
    expect(live(h.root)).toBe('The server could not be reached. Try again in a moment. Stopped after 100 of 150.');

    button(h.root, 'Continue').click();
    await waitFor(() => expect(gate.waiting()).toBe(1));
    gate.release();
    await waitFor(() => expect(live(h.root)).toBe('Rejected 150 comments in Pending. Press u to undo.'));
    expect((await h.serverQueue('rejected')).length).toBe(25);
    await waitFor(() => expect(pendingCount(h.root)).toBe('0'));
  });

  it('carries on, when it opens, an operation this moderator started that never finished', async () => {
    const h = await harness();
    await seedComments(h.t, { threadId: h.threadId, author: PERSONAS.alice, count: 230 });
    const mod = await h.t.sign(PERSONAS.mod);
    const res = await h.t.call('POST', apiPaths.moderation.bulkOperations(h.t.site.id), { token: mod, body: { filter: { queue: 'pending' }, action: 'approve' } });
    expect((await res.json()).operation).toMatchObject({ status: 'running', done: 100 });
    h.mount();
    await waitFor(() => expect(live(h.root)).toBe('Approved 230 comments in Pending. Press u to undo.'));
    await waitFor(() => expect(pendingCount(h.root)).toBe('0'));
  });

  it('sends a "Select all" of more loaded comments than one request may name in slices, all approved', async () => {
    const { h, gate } = await dashboardWith(120);
    // Past 60 rows the list draws only those near the screen: what is loaded is in its label.
    for (const n of [25, 50, 75, 100]) {
      await waitFor(() => expect(listed(h.root)).toBe(n));
      button(h.root, 'Load more').click();
    }
    await waitFor(() => expect(listed(h.root)).toBe(120));
    expect(itemIds(h.root).length).toBeLessThan(120);
    $<HTMLInputElement>(h.root, '.bulk input[type="checkbox"]').click();
    await waitFor(() => expect(bulkLabel(h.root)).toBe('120 selected'));
    // All 120 are loaded and ticked: nothing more to select on the server.
    expect(h.root.querySelector('.select-matching')).toBeNull();
    button(h.root, 'Approve selected').click();
    await waitFor(() => expect(live(h.root)).toBe('Approved 120 comments. Press u to undo.'));
    const slices = gate.sent.filter((s) => s.url.endsWith(apiPaths.moderation.bulk(h.t.site.id))).map((s) => JSON.parse(s.body).ids.length);
    expect(slices).toEqual([BULK_MAX_IDS, 20]);
    expect(await h.serverQueue('pending')).toEqual([]);
    expect(itemIds(h.root)).toEqual([]);
  });
});
