// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { apiPaths } from '../../../shared/api-paths';
import { ACTION_MESSAGES } from '../../../shared/action-messages';
import { createTestContext, PERSONAS, TEST_API_KEY, type TestContext } from '../../support/app';
import { accessibleName, button, comment, commentTexts, findButton, mountWidget, seedComment, typeInto, waitFor, type MountedWidget } from '../../support/widget';

let widget: MountedWidget | undefined;
afterEach(() => widget?.unmount());

/** A moderator rejects the comment, through the moderation API. */
async function rejectAsModerator(t: TestContext, id: string) {
  const res = await t.call('POST', apiPaths.moderation.comment(t.site.id, id), { headers: { 'X-Api-Key': TEST_API_KEY }, body: { action: 'reject', reason: 'other' } });
  expect(res.status).toBe(200);
}

describe('a comment', () => {
  it('takes a reply in an inline composer and shows it nested under the comment', async () => {
    const t = await createTestContext();
    const parent = await seedComment(t, PERSONAS.bob, 'Where does the money come from?');
    widget = await mountWidget(t, { persona: PERSONAS.alice });
    const article = comment(widget.root, parent.id)!;
    button(article, 'Reply').click();
    const field = await waitFor(() => article.querySelector('textarea'), 'the reply composer');
    expect(article.querySelector('label')?.textContent).toBe('Reply to Bob');
    // Focus moves in once the box has drawn.
    await waitFor(() => widget!.root.activeElement === field || null, 'focus in the reply box');
    typeInto(field, 'From the parking levy.');
    await waitFor(() => !button(article, 'Reply').disabled);
    Array.from(article.querySelectorAll('button')).find((b) => b.type === 'submit')!.click();

    const reply = await waitFor(() => widget!.root.querySelector('li li article'), 'the nested reply');
    expect(reply.querySelector('.body')?.textContent).toBe('From the parking levy.');
    expect(article.querySelector('textarea')).toBeNull();
    await waitFor(() => widget!.root.activeElement === reply, 'focus on the reply');
  });

  it('lets its author edit it within the edit window and then marks it edited', async () => {
    const t = await createTestContext();
    const mine = await seedComment(t, PERSONAS.alice, 'Teh budget is late.');
    widget = await mountWidget(t, { persona: PERSONAS.alice });
    const article = comment(widget.root, mine.id)!;
    expect(article.querySelector('.meta')?.textContent).not.toContain('edited');
    button(article, 'Edit').click();
    const field = await waitFor(() => article.querySelector('textarea'), 'the edit composer');
    expect(field.value).toBe('Teh budget is late.');
    typeInto(field, 'The budget is **late**.');
    await waitFor(() => !button(article, 'Save').disabled);
    button(article, 'Save').click();

    await waitFor(() => article.querySelector('.body strong'), 'the edited body');
    expect(article.querySelector('.body')?.textContent).toBe('The budget is late.');
    expect(article.querySelector('.meta')?.textContent).toContain('edited');
  });

  it('starts an edit from exactly the Markdown the author wrote', async () => {
    const t = await createTestContext();
    const source = 'It is _really_ late.\n\n> Quote\n\nSee <https://news.example/budget> and 2 \\* 3';
    const mine = await seedComment(t, PERSONAS.alice, source);
    widget = await mountWidget(t, { persona: PERSONAS.alice });
    const article = comment(widget.root, mine.id)!;
    expect(article.querySelector('.body em')?.textContent).toBe('really');
    button(article, 'Edit').click();
    const field = await waitFor(() => article.querySelector('textarea'), 'the edit composer');
    expect(field.value).toBe(source);
  });

  it('offers no edit once the edit window has passed', async () => {
    const t = await createTestContext();
    const mine = await seedComment(t, PERSONAS.alice, 'Old news.');
    t.clock.now += 16 * 60_000;
    widget = await mountWidget(t, { persona: PERSONAS.alice });
    expect(findButton(comment(widget.root, mine.id)!, 'Edit')).toBeUndefined();
    expect(findButton(comment(widget.root, mine.id)!, 'Delete')).toBeDefined();
  });

  it('asks before deleting, then leaves a tombstone that keeps its replies', async () => {
    const t = await createTestContext();
    const mine = await seedComment(t, PERSONAS.alice, 'I regret this.');
    await seedComment(t, PERSONAS.bob, 'A reply worth keeping.', mine.id);
    widget = await mountWidget(t, { persona: PERSONAS.alice });
    const article = comment(widget.root, mine.id)!;
    button(article, 'Delete').click();
    await waitFor(() => findButton(article, 'Keep it'), 'the confirmation');
    expect(widget.root.activeElement).toBe(button(article, 'Keep it'));
    button(article, 'Delete').click();

    await waitFor(() => article.querySelector('.quiet'), 'the tombstone');
    expect(article.textContent).toBe('This comment was deleted.');
    expect(article.querySelector('.author')).toBeNull();
    expect(commentTexts(widget.root)).toEqual(['A reply worth keeping.']);
  });

  it('toggles a like with aria-pressed and the count from the server', async () => {
    const t = await createTestContext();
    const theirs = await seedComment(t, PERSONAS.bob, 'Good reporting.');
    widget = await mountWidget(t, { persona: PERSONAS.alice });
    const like = button(comment(widget.root, theirs.id)!, /like Bob's comment$/);
    expect(like.getAttribute('aria-pressed')).toBe('false');
    like.click();
    await waitFor(() => like.getAttribute('aria-pressed') === 'true', 'the like');
    expect(accessibleName(like)).toBe("1 like: like Bob's comment");
    like.click();
    await waitFor(() => like.getAttribute('aria-pressed') === 'false', 'the unlike');
    expect(accessibleName(like)).toBe("0 likes: like Bob's comment");
  });

  it('does not let guests or authors like, and marks a pending comment as awaiting review', async () => {
    const t = await createTestContext();
    const mine = await seedComment(t, PERSONAS.alice, 'Mine.');
    await t.client.execute({ sql: "UPDATE comments SET status = 'pending' WHERE id = ?", args: [mine.id] });
    const other = await seedComment(t, PERSONAS.bob, 'Theirs.');
    widget = await mountWidget(t, { persona: PERSONAS.alice });
    expect(comment(widget.root, mine.id)?.querySelector('.pending')?.textContent).toBe('Awaiting review');
    // Nothing to press on one's own comment: the count alone.
    expect(findButton(comment(widget.root, mine.id)!, /like/)).toBeUndefined();
    expect(comment(widget.root, mine.id)!.querySelector('.actions')?.textContent).toMatch(/^♥ 00 likes/);
    widget.unmount();

    widget = await mountWidget(t);
    expect(comment(widget.root, mine.id)).toBeNull();
    // A guest is shown how many liked it, with nothing to press.
    expect(findButton(comment(widget.root, other.id)!, /like/)).toBeUndefined();
    expect(comment(widget.root, other.id)!.querySelector('.actions')?.textContent).toBe('♥ 00 likes');
    expect(findButton(comment(widget.root, other.id)!, 'Reply')).toBeUndefined();
  });

  it('keeps the draft and says why when a moderator rejected the comment while its author was editing it', async () => {
    const t = await createTestContext();
    const mine = await seedComment(t, PERSONAS.alice, 'Edited after a moderator said no.');
    widget = await mountWidget(t, { persona: PERSONAS.alice });
    const article = comment(widget.root, mine.id)!;
    button(article, 'Edit').click();
    const field = await waitFor(() => article.querySelector('textarea'), 'the edit composer');
    await rejectAsModerator(t, mine.id);
    typeInto(field, 'Edited after a moderator said no, one character more.');
    await waitFor(() => !button(article, 'Save').disabled);
    button(article, 'Save').click();

    await waitFor(() => article.textContent?.includes(ACTION_MESSAGES.rejected_not_editable!), 'the refusal');
    expect(article.querySelector('textarea')?.value).toBe('Edited after a moderator said no, one character more.');
    const stored = await t.client.execute({ sql: 'SELECT body_src, status FROM comments WHERE id = ?', args: [mine.id] });
    expect(stored.rows[0]).toMatchObject({ body_src: 'Edited after a moderator said no.', status: 'rejected' });
  });
});
