// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { apiPaths } from '../../../shared/api-paths';
import { createTestContext, PERSONAS, TEST_API_KEY, type TestContext } from '../../support/app';
import { comment, commentTexts, mountWidget, seedComment, waitFor, type MountedWidget } from '../../support/widget';

let widget: MountedWidget | undefined;
afterEach(() => {
  widget?.unmount();
  location.hash = '';
});

async function feature(t: TestContext, id: string) {
  const res = await t.call('POST', apiPaths.moderation.comment(t.site.id, id), { headers: { 'X-Api-Key': TEST_API_KEY }, body: { action: 'feature' } });
  expect(res.status).toBe(200);
}

const picks = (w: MountedWidget) => Array.from(w.root.querySelectorAll('.picks li'));
const copies = (w: MountedWidget, id: string) => w.root.querySelectorAll(`[id="comment-${id}"]`).length;

describe("editor's picks", () => {
  it('lists featured comments above the thread with a badge, and links a reply to its place', async () => {
    const t = await createTestContext();
    const root = await seedComment(t, PERSONAS.alice, 'The levy pays for the buses.');
    const reply = await seedComment(t, PERSONAS.bob, 'And the council says so on page 12.', root.id);
    await seedComment(t, PERSONAS.bob, 'Not featured.');
    await feature(t, root.id);
    await feature(t, reply.id);
    widget = await mountWidget(t);

    const block = widget.root.querySelector('.picks')!;
    expect(block.querySelector('h3')?.textContent).toBe("Editor's picks");
    // Above the thread: the block comes before the first comment.
    expect(block.compareDocumentPosition(widget.root.querySelector('article')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const [first, second] = picks(widget);
    expect(picks(widget)).toHaveLength(2);
    expect(first.querySelector('.body')?.textContent).toBe('And the council says so on page 12.');
    expect(first.querySelector('.badge')?.textContent).toBe("Editor's pick");
    expect(first.querySelector('a')?.getAttribute('href')).toBe(`#comment-${reply.id}`);
    expect(second.querySelector('.body')?.textContent).toBe('The levy pays for the buses.');
    expect(second.querySelector('a')).toBeNull();

    // The thread shows each comment once, nested where it belongs, with the badge too.
    expect(commentTexts(widget.root)).toEqual(['The levy pays for the buses.', 'And the council says so on page 12.', 'Not featured.']);
    expect([copies(widget, root.id), copies(widget, reply.id)]).toEqual([1, 1]);
    expect(comment(widget.root, root.id)?.parentElement?.querySelector(':scope > ol article')).toBe(comment(widget.root, reply.id));
    expect(comment(widget.root, reply.id)?.querySelector('.meta .badge')?.textContent).toBe("Editor's pick");
  });

  it('shows no block when nothing is featured', async () => {
    const t = await createTestContext();
    await seedComment(t, PERSONAS.alice, 'Plain.');
    widget = await mountWidget(t);
    expect(widget.root.querySelector('.picks')).toBeNull();
  });

  it('keeps a featured reply from another page out of the thread until its link opens its conversation', async () => {
    const t = await createTestContext();
    const oldest = await seedComment(t, PERSONAS.alice, 'The first comment');
    for (let i = 1; i <= 20; i++) await seedComment(t, i % 2 ? PERSONAS.bob : PERSONAS.alice, `Newer comment ${i}`);
    const reply = await seedComment(t, PERSONAS.bob, 'A reply worth reading.', oldest.id);
    await feature(t, reply.id);
    widget = await mountWidget(t);

    expect(picks(widget).map((p) => p.querySelector('.body')?.textContent)).toEqual(['A reply worth reading.']);
    expect(copies(widget, reply.id)).toBe(0);
    expect(commentTexts(widget.root)).toHaveLength(20);

    location.hash = picks(widget)[0].querySelector('a')!.getAttribute('href')!;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    const article = await waitFor(() => comment(widget!.root, reply.id), 'the reply in its conversation');
    await waitFor(() => article.classList.contains('highlighted'), 'the highlight');
    expect(widget.requests).toContain(`GET ${apiPaths.conversation('daily', reply.id)}`);
    expect(copies(widget, reply.id)).toBe(1);
    expect(comment(widget.root, oldest.id)?.parentElement?.querySelector(':scope > ol article')).toBe(article);
  });
});
