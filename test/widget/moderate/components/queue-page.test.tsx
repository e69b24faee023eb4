// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { apiPaths } from '../../../../shared/api-paths';
import { PERSONAS, TEST_API_KEY } from '../../../support/app';
import { $, $$, button, harness, itemIds, press, text, waitFor } from '../harness';

const pendingCount = (root: ParentNode) => text($(root, '.count-pending'));
const live = (root: ParentNode) => text($(root, '.live'));

describe('the review queue', () => {
  it('lists held comments with the thread, author and the matched words highlighted, titled with the rule message', async () => {
    const h = await harness();
    const id = await h.post('Only an idiot would cut the library budget.');
    h.mount();
    const item = await waitFor(() => $(h.root, `.items > li[data-id="${id}"]`));
    const mark = $(item, 'mark');
    expect(text(mark)).toBe('idiot');
    expect(mark.title).toMatch(/idiot/);
    expect(text($(item, '.body'))).toBe('Only an idiot would cut the library budget.');
    expect(text($(item, '.author'))).toBe('Alice');
    const link = $<HTMLAnchorElement>(item, 'a.thread');
    expect(text($(link, '.visually-hidden'))).toBe(', opens the article; readers cannot see this comment');
    // Held, so the article rather than `#comment-ID`, which readers' widgets cannot open.
    expect(link.getAttribute('href')).toBe('https://news.example/2026/01/15/city-budget');
    expect(text($(item, '.reasons'))).toContain('suspect-words');
    expect(pendingCount(h.root)).toBe('1');
  });

  it('shows markup in a comment as text, never as elements', async () => {
    const h = await harness();
    await h.post('<img src=x onerror="alert(1)"> you idiot <b>bold</b>');
    h.mount();
    const body = await waitFor(() => $(h.root, '.items .body'));
    expect(body.querySelector('img, b')).toBeNull();
    expect(text(body)).toBe('<img src=x onerror="alert(1)"> you idiot <b>bold</b>');
    expect(text($(body, 'mark'))).toBe('idiot');
  });

  it('approves the selected comment with a, removes it, selects the next one and updates the counts', async () => {
    const h = await harness();
    const older = await h.post('First idiot comment');
    const newer = await h.post('Second idiot comment');
    h.mount();
    await waitFor(() => expect(itemIds(h.root)).toEqual([newer, older]));
    expect(pendingCount(h.root)).toBe('2');

    press('a');
    await waitFor(() => expect(itemIds(h.root)).toEqual([older]));
    expect($(h.root, '.items > li.selected').dataset.id).toBe(older);
    await waitFor(() => expect(live(h.root)).toBe('Approved ‘Second idiot comment’. Press u to undo.'));
    await waitFor(() => expect(pendingCount(h.root)).toBe('1'));
    expect((await h.serverQueue('pending')).map((i) => i.id)).toEqual([older]);
    expect((await h.serverQueue('recent')).find((i) => i.id === newer)?.status).toBe('published');
  });

  it('moves with j and k, and u undoes the last approval, bringing the comment back', async () => {
    const h = await harness();
    const older = await h.post('Older idiot comment');
    const newer = await h.post('Newer idiot comment');
    h.mount();
    await waitFor(() => expect(itemIds(h.root)).toHaveLength(2));
    press('j');
    await waitFor(() => expect($(h.root, '.items > li.selected').dataset.id).toBe(older));
    press('k');
    await waitFor(() => expect($(h.root, '.items > li.selected').dataset.id).toBe(newer));

    press('a');
    await waitFor(() => expect(pendingCount(h.root)).toBe('1'));
    press('u');
    await waitFor(() => expect(itemIds(h.root)).toEqual([newer, older]));
    expect(live(h.root)).toBe('Undid: Approved ‘Newer idiot comment’');
    await waitFor(() => expect(pendingCount(h.root)).toBe('2'));
  });

  it('acts on the comment the previous key selected, however fast the keys come', async () => {
    const h = await harness();
    const older = await h.post('Older idiot, approved by j then a');
    const newer = await h.post('Newer idiot, left alone');
    h.mount();
    await waitFor(() => expect(itemIds(h.root)).toEqual([newer, older]));
    press('j');
    press('a');
    await waitFor(() => expect(itemIds(h.root)).toEqual([newer]));
    // The list moves on before the server answers; check the server once it has.
    await waitFor(() => expect(live(h.root)).toBe('Approved ‘Older idiot, approved by j then a’. Press u to undo.'));
    expect((await h.serverQueue('pending')).map((i) => i.id)).toEqual([newer]);
  });

  it('asks why before rejecting with r, suggesting personal attack for an attack', async () => {
    const h = await harness();
    const id = await h.post('You are a pathetic moron and a liar.');
    h.mount();
    await waitFor(() => expect(itemIds(h.root)).toEqual([id]));
    expect(text($(h.root, '.reasons'))).toContain('civility');
    press('r');
    const menu = await waitFor(() => $(h.root, '[role="menu"]'));
    await waitFor(() => expect(menu.contains(h.root.activeElement)).toBe(true));
    const focused = h.root.activeElement as HTMLElement;
    expect(text(focused)).toContain('Personal attack');
    // Shortcuts wait while the menu is open: a does not approve behind it.
    press('a', {}, focused);
    expect(itemIds(h.root)).toEqual([id]);

    press('ArrowDown', {}, focused);
    expect(text(h.root.activeElement)).toContain('Stokes fear or anger');
    button(menu, /Spam/).click();
    await waitFor(() => expect(itemIds(h.root)).toEqual([]));
    expect(h.root.querySelector('[role="menu"]')).toBeNull();
    await waitFor(() => expect(live(h.root)).toMatch(/^Rejected/));
    const [rejected] = await h.serverQueue('rejected');
    expect(rejected.id).toBe(id);
    const audit = await (await h.t.call('GET', '/api/v1/sites/daily/moderation/audit', { headers: { 'X-Api-Key': TEST_API_KEY } })).json();
    expect(audit.entries[0]).toMatchObject({ action: 'reject', detail: 'spam' });
  });

  it('suggests fear or anger as the reason to reject a comment held for stoking it', async () => {
    const h = await harness();
    await h.post('They are coming for your children and nobody will stop them!');
    h.mount();
    await waitFor(() => expect(itemIds(h.root)).toHaveLength(1));
    press('r');
    await waitFor(() => expect(text(h.root.activeElement)).toContain('Stokes fear or anger'));
  });

  it('Esc closes the reject menu without rejecting', async () => {
    const h = await harness();
    const id = await h.post('Just an idiot remark');
    h.mount();
    await waitFor(() => expect(itemIds(h.root)).toEqual([id]));
    press('r');
    const menu = await waitFor(() => $(h.root, '[role="menu"]'));
    await waitFor(() => expect(menu.contains(h.root.activeElement)).toBe(true));
    press('Escape', {}, h.root.activeElement!);
    await waitFor(() => expect(h.root.querySelector('[role="menu"]')).toBeNull());
    expect(itemIds(h.root)).toEqual([id]);
  });

  it('bulk-approves the comments ticked with x using Shift+A', async () => {
    const h = await harness();
    const a = await h.post('Idiot one');
    const b = await h.post('Idiot two');
    const c = await h.post('Idiot three');
    h.mount();
    await waitFor(() => expect(itemIds(h.root)).toEqual([c, b, a]));
    press('x');
    press('j');
    press('j');
    press('x');
    await waitFor(() => expect(text($(h.root, '.bulk label'))).toBe('2 selected'));
    press('A', { shiftKey: true });
    await waitFor(() => expect(itemIds(h.root)).toEqual([b]));
    await waitFor(() => expect(live(h.root)).toBe('Approved 2 comments. Press u to undo.'));
    expect((await h.serverQueue('pending')).map((i) => i.id)).toEqual([b]);
  });

  it('rejects the comments ticked in their checkboxes with Reject selected', async () => {
    const h = await harness();
    const a = await h.post('Idiot alpha');
    const b = await h.post('Idiot beta');
    h.mount();
    await waitFor(() => expect(itemIds(h.root)).toHaveLength(2));
    for (const box of $$<HTMLInputElement>(h.root, '.items input[type="checkbox"]')) box.click();
    await waitFor(() => expect(text($(h.root, '.bulk label'))).toBe('2 selected'));
    button(h.root, 'Reject selected').click();
    const menu = await waitFor(() => $(h.root, '[role="menu"]'));
    expect(menu.getAttribute('aria-label')).toBe('Reject 2 comments because…');
    await waitFor(() => expect(menu.contains(h.root.activeElement)).toBe(true));
    press('4', {}, h.root.activeElement!);
    await waitFor(() => expect(itemIds(h.root)).toEqual([]));
    await waitFor(() => expect(live(h.root)).toMatch(/^Rejected/));
    expect((await h.serverQueue('rejected')).map((i) => i.id).sort()).toEqual([a, b].sort());
  });

  it('puts the comment back and says why when the server refuses an action', async () => {
    const h = await harness();
    const id = await h.post('An idiot take');
    h.mount({
      fetch: async (url, init) =>
        init?.method === 'POST' ? new Response(JSON.stringify({ error: { code: 'unavailable', message: 'down' } }), { status: 503 }) : h.t.app.request(url, init),
    });
    await waitFor(() => expect(itemIds(h.root)).toEqual([id]));
    press('a');
    await waitFor(() => expect(live(h.root)).toMatch(/could not be reached.*back in the list/));
    expect(itemIds(h.root)).toEqual([id]);
    expect(pendingCount(h.root)).toBe('1');
  });

  it('ignores shortcuts while typing in a field', async () => {
    const h = await harness();
    const id = await h.post('Idiot in a field test');
    h.mount();
    await waitFor(() => expect(itemIds(h.root)).toEqual([id]));
    const input = document.createElement('input');
    h.root.append(input);
    press('a', {}, input);
    press('r', {}, input);
    await new Promise((r) => setTimeout(r, 50));
    expect(itemIds(h.root)).toEqual([id]);
    expect(h.root.querySelector('[role="menu"]')).toBeNull();
  });

  it('bans the author with b after confirming, and shows it in the author panel', async () => {
    const h = await harness();
    await h.post('Idiot to be banned');
    h.mount();
    await waitFor(() => expect(text($(h.root, '.panel h2'))).toBe('Alice'));
    expect(text($(h.root, '.tallies'))).toContain('Published0');
    press('b');
    const dialog = await waitFor(() => $(h.root, '[role="alertdialog"]'));
    expect(dialog.getAttribute('aria-label')).toBe('Ban Alice?');
    button(dialog, 'Ban').click();
    await waitFor(() => expect(text($(h.root, '.panel .badges'))).toContain('banned'));
    expect(live(h.root)).toBe('Banned Alice. Press u to undo.');
    expect(text($(h.root, '.panel .audit'))).toContain('Banned Alice');
  });

  it('suspends the author for a week from the panel', async () => {
    const h = await harness();
    await h.post('Idiot to be suspended');
    h.mount();
    await waitFor(() => $(h.root, '.panel h2'));
    button(h.root, 'Suspend…').click();
    const form = await waitFor(() => $(h.root, 'form.account-form'));
    const length = $<HTMLSelectElement>(form, 'select');
    length.value = '7d';
    length.dispatchEvent(new Event('change', { bubbles: true }));
    button(form, 'Suspend').click();
    await waitFor(() => expect(text($(h.root, '.panel .badges'))).toContain('suspended until'));
    expect(button(h.root, 'Lift suspension')).toBeTruthy();
  });

  it('refreshes the counts when the window regains focus', async () => {
    const h = await harness();
    await h.post('Idiot before focus');
    h.mount();
    await waitFor(() => expect(pendingCount(h.root)).toBe('1'));
    await h.post('Idiot after focus', 'bob');
    window.dispatchEvent(new Event('focus'));
    await waitFor(() => expect(pendingCount(h.root)).toBe('2'));
  });

  it('opens another queue from the navigation, and filters a queue by rule', async () => {
    const h = await harness();
    const suspect = await h.post('Only an idiot would say that');
    const attack = await h.post('You are a pathetic moron and a liar.');
    const clean = await h.post('A perfectly civil comment about the budget');
    h.mount();
    await waitFor(() => expect(itemIds(h.root)).toEqual([attack, suspect]));
    button(h.root, /^Recent/).click();
    await waitFor(() => expect(itemIds(h.root)).toEqual([clean]));
    button(h.root, /^Pending/).click();
    await waitFor(() => expect(itemIds(h.root)).toHaveLength(2));
    const rule = $$<HTMLSelectElement>(h.root, '.filters select')[1];
    rule.value = 'civility';
    rule.dispatchEvent(new Event('change', { bubbles: true }));
    await waitFor(() => expect(itemIds(h.root)).toEqual([attack]));
  });

  it('shows readers’ report reasons and notes in the reported queue', async () => {
    const h = await harness();
    const id = await h.post('Buy cheap watches at my shop');
    const bob = await h.t.sign(PERSONAS.bob);
    const res = await h.t.call('POST', apiPaths.report('daily', id), { token: bob, body: { reason: 'spam', note: 'An advert, not a comment' } });
    expect(res.status, await res.clone().text()).toBeLessThan(300);
    h.mount();
    await waitFor(() => expect(text($(h.root, '.count-reported'))).toBe('1'));
    button(h.root, /^Reported/).click();
    const item = await waitFor(() => $(h.root, `.items > li[data-id="${id}"]`));
    expect(text($(item, '.reports strong'))).toBe('Spam');
    expect(text($(item, '.reports q'))).toBe('An advert, not a comment');
  });

  it('shows the shortcuts with ? and closes them with Esc', async () => {
    const h = await harness();
    h.mount();
    await waitFor(() => $(h.root, '.empty'));
    press('?', { shiftKey: true });
    const help = await waitFor(() => $(h.root, '[role="dialog"]'));
    expect(text(help)).toContain('Approve all selected');
    press('Escape');
    await waitFor(() => expect(h.root.querySelector('[role="dialog"]')).toBeNull());
  });
});
