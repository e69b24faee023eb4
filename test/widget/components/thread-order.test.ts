// @vitest-environment happy-dom
// Where comments show and what the heading counts: permalinks from later pages, posts, deletions.
import { afterEach, describe, expect, it } from 'vitest';
import { SiteSettings } from '../../../shared/schemas/site';
import { createTestContext, PERSONAS, type TestContext } from '../../support/app';
import { button, comment, commentTexts, mountWidget, seedComment, typeInto, waitFor, type MountedWidget } from '../../support/widget';

let widget: MountedWidget | undefined;
afterEach(() => {
  widget?.unmount();
  location.hash = '';
});

async function seedMany(t: TestContext, n: number) {
  const ids: string[] = [];
  for (let i = 1; i <= n; i++) ids.push((await seedComment(t, i % 2 ? PERSONAS.alice : PERSONAS.bob, `Comment number ${i}`)).id);
  return ids;
}

const heading = (w: MountedWidget) => w.root.querySelector('h2')?.textContent;
const linkedBlock = (w: MountedWidget) => w.root.querySelector('[aria-labelledby="linked"]');

async function post(w: MountedWidget, text: string) {
  typeInto(w.root.querySelector('textarea')!, text);
  await waitFor(() => !button(w.root, 'Post').disabled);
  button(w.root, 'Post').click();
}

describe('a permalinked comment', () => {
  it('from a page not loaded shows in a "Linked comment" block above the thread, then in its place once that page loads', async () => {
    const t = await createTestContext();
    const [first] = await seedMany(t, 21);
    const linked = await seedComment(t, PERSONAS.bob, 'The linked reply', first);
    location.hash = `#comment-${linked.id}`;
    widget = await mountWidget(t);

    const block = await waitFor(() => linkedBlock(widget!), 'the linked block');
    expect(block.querySelector('h3')?.textContent).toBe('Linked comment');
    expect(commentTexts(block)).toEqual(['Comment number 1', 'The linked reply']);
    await waitFor(() => comment(block, linked.id)?.classList.contains('highlighted'), 'the highlight');
    // Above the thread, which itself still reads newest first without it.
    // The thread's own list (the live banner may come between the two once its chunk arrives).
    const list = block.parentElement!.querySelector(':scope > ol')!;
    expect(commentTexts(list)[0]).toBe('Comment number 21');
    expect(commentTexts(list)).not.toContain('Comment number 1');

    button(widget.root, 'Load more comments').click();
    await waitFor(() => !linkedBlock(widget!), 'the block to go');
    expect(commentTexts(widget.root).slice(-2)).toEqual(['Comment number 1', 'The linked reply']);
    expect(comment(widget.root, linked.id)?.classList.contains('highlighted')).toBe(true);
  });

  it('within the pages loaded shows in its place, not apart', async () => {
    const t = await createTestContext();
    await seedMany(t, 22);
    widget = await mountWidget(t);
    // Written after the page loaded: newest of all, so first in the thread.
    const fresh = await seedComment(t, PERSONAS.bob, 'Written a moment ago');
    location.hash = `#comment-${fresh.id}`;
    window.dispatchEvent(new HashChangeEvent('hashchange'));

    await waitFor(() => comment(widget!.root, fresh.id), 'the linked comment');
    expect(linkedBlock(widget)).toBeNull();
    expect(commentTexts(widget.root).slice(0, 2)).toEqual(['Written a moment ago', 'Comment number 22']);
  });
});

describe('the heading count', () => {
  it('goes up when the reader posts and down when they delete', async () => {
    const t = await createTestContext();
    await seedComment(t, PERSONAS.bob, 'Already here.');
    widget = await mountWidget(t, { persona: PERSONAS.alice });
    expect(heading(widget)).toBe('1 comment');
    await post(widget, 'Counted at once.');
    await waitFor(() => heading(widget!) === '2 comments', 'the count after posting');

    const mine = widget.root.querySelector('article')!;
    button(mine, 'Delete').click();
    await waitFor(() => mine.querySelector('[role="group"]'), 'the confirmation');
    button(mine, 'Delete').click();
    await waitFor(() => heading(widget!) === '1 comment', 'the count after deleting');
  });

  it('does not count a post held for review', async () => {
    const t = await createTestContext({ site: { settings: SiteSettings.parse({ moderation: { premoderation: 'all' } }) } });
    widget = await mountWidget(t, { persona: PERSONAS.alice });
    await post(widget, 'Waiting for a moderator.');
    await waitFor(() => widget!.root.querySelector('article .pending'), 'the held comment');
    expect(heading(widget)).toBe('0 comments');
  });
});

describe('a deleted comment', () => {
  it('disappears when nothing answers it', async () => {
    const t = await createTestContext();
    const mine = await seedComment(t, PERSONAS.alice, 'Nobody answered this.');
    await seedComment(t, PERSONAS.bob, 'Another comment.');
    widget = await mountWidget(t, { persona: PERSONAS.alice });
    const article = comment(widget.root, mine.id)!;
    button(article, 'Delete').click();
    await waitFor(() => article.querySelector('[role="group"]'), 'the confirmation');
    button(article, 'Delete').click();

    await waitFor(() => !comment(widget!.root, mine.id), 'the comment to go');
    expect(commentTexts(widget.root)).toEqual(['Another comment.']);
    expect(widget.root.textContent).not.toContain('This comment was deleted.');
    expect(heading(widget)).toBe('1 comment');
  });
});
