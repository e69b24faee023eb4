// @vitest-environment happy-dom
// The dashboard's undo (a row's own Undo, u after a bulk action, the server's refusals) and its
// audit tab (newest first, filters, paging), against the real moderator API.
import { h as jsx, render } from 'preact';
import { describe, expect, it } from 'vitest';
import { apiPaths } from '../../../../shared/api-paths';
import { TEST_API_KEY } from '../../../support/app';
import { AuditPage } from '../../../../widget/moderate/components/audit-page';
import { createModerationClient } from '../../../../widget/moderate/api';
import { $, $$, API, button, harness, itemIds, press, text, waitFor, type Harness } from '../harness';

const live = (root: ParentNode) => text($(root, '.live'));
const doneRow = (root: ParentNode, id: string) => $(root, `.items > li.done[data-id="${id}"]`);

/** Acts as the site owner, straight through the API, as another moderator would elsewhere. */
async function actElsewhere(hx: Harness, id: string, action: 'approve' | 'reject') {
  const res = await hx.t.call('POST', apiPaths.moderation.comment(hx.t.site.id, id), {
    headers: { 'X-Api-Key': TEST_API_KEY },
    body: { action, ...(action === 'reject' ? { reason: 'other' } : {}) },
  });
  expect(res.status).toBe(200);
}

describe('undo in the dashboard', () => {
  it('a row’s own Undo takes back that action and puts the comment back in the queue', async () => {
    const hx = await harness();
    const older = await hx.post('Older idiot remark');
    const newer = await hx.post('Newer idiot remark');
    hx.mount();
    await waitFor(() => expect(itemIds(hx.root)).toEqual([newer, older]));

    press('a');
    const row = await waitFor(() => doneRow(hx.root, newer));
    await waitFor(() => expect(text(row)).toBe('Approved ‘Newer idiot remark’ by Morgan — Undo'));
    expect((await hx.serverQueue('pending')).map((i) => i.id)).toEqual([older]);

    button(row, 'Undo').click();
    await waitFor(() => expect(itemIds(hx.root)).toEqual([newer, older]));
    await waitFor(() => expect(live(hx.root)).toBe('Undid: Approved ‘Newer idiot remark’'));
    expect((await hx.serverQueue('pending')).map((i) => i.id).sort()).toEqual([newer, older].sort());
    // Its action is gone from the stack: u now has nothing of this session's left to undo.
    press('u');
    await waitFor(() => expect(live(hx.root)).toBe('Nothing to undo in this session.'));
  });

  it('u after a bulk approval undoes the whole bulk action at once', async () => {
    const hx = await harness();
    const a = await hx.post('Idiot first');
    const b = await hx.post('Idiot second');
    hx.mount();
    await waitFor(() => expect(itemIds(hx.root)).toEqual([b, a]));
    press('x');
    press('j');
    press('x');
    press('A', { shiftKey: true });
    await waitFor(() => expect(live(hx.root)).toBe('Approved 2 comments. Press u to undo.'));
    expect(await hx.serverQueue('pending')).toEqual([]);

    press('u');
    await waitFor(() => expect(itemIds(hx.root).sort()).toEqual([a, b].sort()));
    expect((await hx.serverQueue('pending')).map((i) => i.id).sort()).toEqual([a, b].sort());
  });

  it('says why when a later action by someone else replaced the one being undone, and leaves theirs alone', async () => {
    const hx = await harness();
    const id = await hx.post('Idiot contested');
    hx.mount();
    await waitFor(() => expect(itemIds(hx.root)).toEqual([id]));
    press('a');
    const row = await waitFor(() => doneRow(hx.root, id));
    await waitFor(() => expect(text(row)).toMatch(/ — Undo$/));

    await actElsewhere(hx, id, 'reject');
    button(row, 'Undo').click();
    await waitFor(() => expect(live(hx.root)).toBe('A later action on this item replaced that one, so it can no longer be undone.'));
    expect(itemIds(hx.root)).toEqual([]);
    expect((await hx.serverQueue('rejected')).map((i) => i.id)).toEqual([id]);
    // The refused entry is forgotten, so u does not try it again.
    press('u');
    await waitFor(() => expect(live(hx.root)).toBe('Nothing to undo in this session.'));
  });
});

describe('the audit tab', () => {
  it('lists what was done, newest first and by whom, marks undone actions, and filters by action', async () => {
    const hx = await harness();
    const first = await hx.post('Idiot audited one');
    const second = await hx.post('Idiot audited two');
    hx.mount();
    await waitFor(() => expect(itemIds(hx.root)).toEqual([second, first]));
    press('a');
    await waitFor(() => expect(live(hx.root)).toMatch(/^Approved ‘Idiot audited two’/));
    press('u');
    await waitFor(() => expect(live(hx.root)).toMatch(/^Undid/));
    await actElsewhere(hx, first, 'reject');

    button(hx.root, 'Audit').click();
    const rows = () => $$(hx.root, '.audit-log tbody tr');
    await waitFor(() => expect(rows()).toHaveLength(3));
    const cells = rows().map((r) => $$(r, 'td').slice(1, 3).map(text));
    expect(cells[0][0]).not.toBe('Morgan'); // the API key acts as the site owner
    expect(cells[0][1]).toMatch(/^Rejected ‘Idiot audited one’/);
    expect(cells[1]).toEqual(['Morgan', expect.stringMatching(/^Undid/)]);
    expect(cells[2]).toEqual(['Morgan', 'Approved ‘Idiot audited two’ (undone)']);
    expect(rows()[2].className).toBe('undone');

    const byAction = $$<HTMLSelectElement>(hx.root, '.filters select').find((s) => $$(s, 'option').some((o) => o.textContent === 'Any action'))!;
    byAction.value = 'reject';
    byAction.dispatchEvent(new Event('change', { bubbles: true }));
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(text($$(rows()[0], 'td')[2])).toMatch(/^Rejected/);
  });

  it('pages through a long log with Load more, keeping order and never repeating an entry', async () => {
    const hx = await harness();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await hx.post(`Idiot number ${i}`));
    for (const id of ids) await actElsewhere(hx, id, 'approve');

    const host = document.createElement('div');
    document.body.append(host);
    const client = createModerationClient({
      api: API,
      site: hx.t.site.id,
      credentials: { kind: 'key', key: TEST_API_KEY },
      fetch: (url, init) => Promise.resolve(hx.t.app.request(url, init)),
    });
    render(jsx(AuditPage, { client, now: hx.t.clock.now, pageSize: 2 }), host);
    const summaries = () => $$(host, '.audit-log tbody tr .summary').map(text);

    await waitFor(() => expect(summaries()).toHaveLength(2));
    for (const expected of [4, 5]) {
      button(host, 'Load more').click();
      await waitFor(() => expect(summaries()).toHaveLength(expected));
    }
    expect(summaries()).toEqual([4, 3, 2, 1, 0].map((i) => `Approved ‘Idiot number ${i}’`));
    await waitFor(() => expect(host.querySelector('button.more')).toBeNull());
    render(null, host);
  });
});
