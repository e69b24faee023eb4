// @vitest-environment happy-dom
// The member drawer beside the queue: the selected comment's author, all they wrote here with its
// state, counts, the history of actions and notes about them, and the actions at hand.
import { describe, expect, it } from 'vitest';
import { $, $$, button, harness, press, text, waitFor } from '../harness';

const drawer = (root: ParentNode) => $(root, '.panel');

describe('the member drawer', () => {
  it('lists the author’s comments with their states and articles, and approves one from there', async () => {
    const h = await harness();
    const first = await h.post('An idiot remark about the budget');
    const second = await h.post('Another idiot remark about the budget');
    h.mount();
    await waitFor(() => expect(text($(drawer(h.root), 'h2'))).toBe('Alice'));
    const rows = () => $$(drawer(h.root), '.recent li');
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(text(rows()[0])).toContain('pending');
    expect(text(rows()[0])).toContain('Another idiot remark');
    expect($<HTMLAnchorElement>(rows()[0], 'a').textContent).toBe('City budget');
    expect(text($(drawer(h.root), '.tallies'))).toContain('Pending2');

    button(rows()[1], 'Approve').click();
    await waitFor(() => expect(text($(drawer(h.root), '.tallies'))).toContain('Published1'));
    expect(text(rows()[1])).toContain('published');
    expect((await h.serverQueue('recent')).find((i) => i.id === first)?.status).toBe('published');
    expect((await h.serverQueue('pending')).map((i) => i.id)).toEqual([second]);
  });

  it('bans with a note kept in the member’s history, and adds a note on its own', async () => {
    const h = await harness();
    await h.post('Idiot, banned with a note');
    h.mount();
    await waitFor(() => $(drawer(h.root), 'h2'));
    button(drawer(h.root), 'Ban…').click();
    let form = await waitFor(() => $(drawer(h.root), 'form.account-form'));
    const note = $<HTMLTextAreaElement>(form, 'textarea');
    // Typing in the note never reaches the queue's shortcuts.
    note.value = 'Repeated attacks on other members.';
    note.dispatchEvent(new Event('input', { bubbles: true }));
    note.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true, composed: true }));
    button(form, 'Ban').click();
    await waitFor(() => expect(text($(drawer(h.root), '.badges'))).toContain('banned'));
    await waitFor(() => expect(text($(drawer(h.root), '.audit'))).toContain('“Repeated attacks on other members.”'));
    expect((await h.serverQueue('pending'))).toHaveLength(1);

    button(drawer(h.root), 'Add a note').click();
    form = await waitFor(() => $(drawer(h.root), 'form.account-form'));
    expect(button(form, 'Save note').disabled).toBe(true);
    const field = $<HTMLTextAreaElement>(form, 'textarea');
    field.value = 'Appealed by e-mail.';
    field.dispatchEvent(new Event('input', { bubbles: true }));
    await waitFor(() => expect(button(form, 'Save note').disabled).toBe(false));
    button(form, 'Save note').click();
    await waitFor(() => expect(text($(drawer(h.root), '.audit li'))).toContain('Noted about Alice'));
    expect(text($(drawer(h.root), '.audit li'))).toContain('“Appealed by e-mail.”');
  });

  it('bans and rejects all their pending comments as one operation, leaving others’ alone', async () => {
    const h = await harness();
    await h.post('First idiot remark');
    await h.post('Second idiot remark');
    const bobs = await h.post('Bob’s idiot remark', 'bob');
    h.mount();
    // Alice's comments are the older ones: select one to open her drawer.
    await waitFor(() => $(h.root, '.items > li'));
    press('j');
    await waitFor(() => expect(text($(drawer(h.root), 'h2'))).toBe('Alice'));
    button(drawer(h.root), 'Ban…').click();
    const form = await waitFor(() => $(drawer(h.root), 'form.account-form'));
    const also = $<HTMLInputElement>(form, 'input[type="checkbox"]');
    expect(text(also.parentElement)).toBe('Also reject their 2 pending comments');
    also.click();
    await waitFor(() => expect(also.checked).toBe(true));
    button(form, 'Ban').click();
    // The operation runs in batches after the ban: wait for the queue to show it done.
    await waitFor(() => expect(text($(h.root, '.live'))).toMatch(/Rejected 2 comments by Alice/));
    expect((await h.serverQueue('pending')).map((i) => i.id)).toEqual([bobs]);
    const rejected = await h.serverQueue('rejected');
    expect(rejected.map((i) => i.author.name)).toEqual(['Alice', 'Alice']);
    expect((await h.t.store.getUser(h.t.site.id, rejected[0].author.id))?.banned).toBe(true);
  });

  it('opens as a dialog with m, takes focus, and gives it back to the queue on Escape', async () => {
    const h = await harness();
    await h.post('Idiot for the drawer');
    h.mount();
    await waitFor(() => $(drawer(h.root), 'h2'));
    expect(drawer(h.root).getAttribute('role')).toBe('complementary');
    press('m');
    await waitFor(() => expect(drawer(h.root).getAttribute('role')).toBe('dialog'));
    expect(drawer(h.root).getAttribute('aria-modal')).toBe('true');
    await waitFor(() => expect(h.root.activeElement).toBe($(drawer(h.root), 'h2')));
    drawer(h.root).dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await waitFor(() => expect(drawer(h.root).getAttribute('role')).toBe('complementary'));
    await waitFor(() => expect(h.root.activeElement?.matches('ol.items')).toBe(true));
  });
});
