// @vitest-environment happy-dom
// What a keyboard or screen-reader user meets: named comments and buttons, keys in the composer,
// focus that always lands somewhere, and only the controls that do something.
import { afterEach, describe, expect, it } from 'vitest';
import { createTestContext, PERSONAS } from '../../support/app';
import { accessibleName, button, comment, findButton, mountWidget, seedComment, typeInto, waitFor, type MountedWidget } from '../../support/widget';

let widget: MountedWidget | undefined;
afterEach(() => widget?.unmount());

const key = (el: Element, init: KeyboardEventInit) => el.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, ...init }));

describe('the comment section, for keyboard and screen-reader users', () => {
  it('names each comment by its author and each action by the comment it acts on', async () => {
    const t = await createTestContext();
    const theirs = await seedComment(t, PERSONAS.bob, 'A point about fares.');
    const mine = await seedComment(t, PERSONAS.alice, 'My own point.');
    widget = await mountWidget(t, { persona: PERSONAS.alice });
    const article = comment(widget.root, theirs.id)!;
    const nameId = article.getAttribute('aria-labelledby')!;
    expect(widget.root.getElementById(nameId)?.textContent).toBe('Bob');
    const names = Array.from(article.querySelectorAll('button'), accessibleName);
    expect(names).toEqual(["0 likes: like Bob's comment", "Reply to Bob's comment", "Report Bob's comment"]);
    const own = Array.from(comment(widget.root, mine.id)!.querySelectorAll('button'), accessibleName);
    expect(own).toEqual(['Reply to your comment', 'Edit your comment', 'Delete your comment']);
    // Initials beside the name, hidden from screen readers, which have the name.
    const avatar = article.querySelector('.avatar')!;
    expect(avatar.textContent).toBe('B');
    expect(avatar.getAttribute('aria-hidden')).toBe('true');
  });

  it('marks staff apart from membership badges', async () => {
    const t = await createTestContext();
    const staff = await seedComment(t, PERSONAS.mod, 'Please keep it civil.');
    widget = await mountWidget(t);
    const meta = comment(widget.root, staff.id)!.querySelector('.meta')!;
    expect(meta.querySelector('.badge.staff')?.textContent).toBe('Moderator');
  });

  it('says whom a reply answers once replies stop indenting', async () => {
    const t = await createTestContext();
    let parent = await seedComment(t, PERSONAS.alice, 'Depth 0');
    const chain = [parent];
    for (let depth = 1; depth <= 5; depth++) {
      parent = await seedComment(t, depth % 2 ? PERSONAS.bob : PERSONAS.alice, `Depth ${depth}`, parent.id);
      chain.push(parent);
    }
    widget = await mountWidget(t);
    button(widget.root, /^Show \d+ more/).click();
    await waitFor(() => comment(widget!.root, chain[5].id), 'the folded replies');
    const replyTo = (n: number) => comment(widget!.root, chain[n].id)!.querySelector('.reply-to')?.textContent ?? null;
    expect([0, 1, 2, 3].map(replyTo)).toEqual([null, null, null, null]);
    expect(replyTo(4)).toBe('↳ replying to Bob');
    expect(replyTo(5)).toBe('↳ replying to Alice');
  });

  it('closes a reply box with Escape and posts with Ctrl+Enter', async () => {
    const t = await createTestContext();
    const parent = await seedComment(t, PERSONAS.bob, 'Ask me anything.');
    widget = await mountWidget(t, { persona: PERSONAS.alice });
    const article = comment(widget.root, parent.id)!;
    button(article, 'Reply').click();
    let field = await waitFor(() => article.querySelector('textarea'), 'the reply box');
    key(field, { key: 'Escape' });
    await waitFor(() => !article.querySelector('textarea'), 'the reply box to close');
    await waitFor(() => widget!.root.activeElement === article, 'focus back on the comment');

    button(article, 'Reply').click();
    field = await waitFor(() => article.querySelector('textarea'), 'the reply box');
    typeInto(field, 'Sent from the keyboard.');
    const submit = article.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    await waitFor(() => !submit.disabled, 'the draft');
    key(field, { key: 'Enter', ctrlKey: true });
    await waitFor(() => widget!.root.querySelector('li li article .body')?.textContent === 'Sent from the keyboard.', 'the reply');
  });

  it('shows the length count only near the limit, and a Markdown hint before', async () => {
    const t = await createTestContext();
    widget = await mountWidget(t, { persona: PERSONAS.alice });
    const field = widget.root.querySelector('textarea')!;
    const hint = () => widget!.root.getElementById(field.getAttribute('aria-describedby')!.split(' ')[0])!.textContent;
    typeInto(field, 'Short.');
    await waitFor(() => hint() !== '');
    expect(hint()).toContain('**bold**');
    typeInto(field, 'x'.repeat(4500));
    await waitFor(() => hint() === '4500 / 5000', 'the count');
  });

  it('offers no sort with fewer than two comments, and sorts once there are two', async () => {
    const t = await createTestContext();
    await seedComment(t, PERSONAS.bob, 'The only one.');
    widget = await mountWidget(t);
    expect(widget.root.querySelector('select')).toBeNull();
    widget.unmount();
    await seedComment(t, PERSONAS.alice, 'A second one.');
    widget = await mountWidget(t);
    expect(widget.root.querySelector('select')).not.toBeNull();
  });

  it('moves focus to the heading when a deleted comment leaves the page', async () => {
    const t = await createTestContext();
    const mine = await seedComment(t, PERSONAS.alice, 'I take it back.');
    widget = await mountWidget(t, { persona: PERSONAS.alice });
    button(comment(widget.root, mine.id)!, 'Delete').click();
    const confirm = await waitFor(() => findButton(comment(widget!.root, mine.id)!, 'Delete'), 'the confirmation');
    await waitFor(() => comment(widget!.root, mine.id)?.querySelector('[role="group"]'), 'the confirmation');
    findButton(comment(widget.root, mine.id)!.querySelector('[role="group"]')!, 'Delete')!.click();
    expect(confirm).toBeTruthy();
    await waitFor(() => !comment(widget!.root, mine.id), 'the comment to go');
    await waitFor(() => widget!.root.activeElement === widget!.root.querySelector('h2'), 'focus on the heading');
  });
});
