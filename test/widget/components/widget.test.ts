// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createTestContext, PERSONAS, type TestContext } from '../../support/app';
import { button, comment, commentTexts, findButton, mountWidget, seedComment, waitFor, type MountedWidget } from '../../support/widget';

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

describe('the thread', () => {
  it('loads the next page with the cursor and appends it', async () => {
    const t = await createTestContext();
    await seedMany(t, 23);
    widget = await mountWidget(t);
    expect(commentTexts(widget.root)).toHaveLength(20);
    expect(commentTexts(widget.root)[0]).toBe('Comment number 23');
    button(widget.root, 'Load more comments').click();

    await waitFor(() => commentTexts(widget!.root).length === 23, 'the second page');
    expect(commentTexts(widget.root).slice(-3)).toEqual(['Comment number 3', 'Comment number 2', 'Comment number 1']);
    expect(findButton(widget.root, 'Load more comments')).toBeUndefined();
    expect(widget.root.querySelector('h2')?.textContent).toBe('23 comments');
  });

  it('reorders when the reader picks another sort', async () => {
    const t = await createTestContext();
    await seedMany(t, 3);
    const liked = (await seedComment(t, PERSONAS.bob, 'The liked one')).id;
    await t.call('PUT', `/api/v1/sites/daily/comments/${liked}/like`, { token: await t.sign(PERSONAS.alice) });
    widget = await mountWidget(t);
    expect(commentTexts(widget.root)).toEqual(['The liked one', 'Comment number 3', 'Comment number 2', 'Comment number 1']);

    const select = widget.root.querySelector('select')!;
    select.value = 'oldest';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await waitFor(() => commentTexts(widget!.root)[0] === 'Comment number 1', 'oldest first');
    expect(widget.requests.at(-1)).toMatch(/^GET \/api\/v1\/sites\/daily\/threads\/[\w-]+\/comments\?sort=oldest$/);

    select.value = 'top';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await waitFor(() => commentTexts(widget!.root)[0] === 'The liked one', 'most liked first');
  });

  it('folds replies deeper than three levels behind a button that unfolds them', async () => {
    const t = await createTestContext();
    let parent: string | undefined;
    for (const depth of [0, 1, 2, 3, 4, 5]) parent = (await seedComment(t, depth % 2 ? PERSONAS.bob : PERSONAS.alice, `Depth ${depth}`, parent)).id;
    widget = await mountWidget(t);
    expect(commentTexts(widget.root)).toEqual(['Depth 0', 'Depth 1', 'Depth 2', 'Depth 3']);
    button(widget.root, 'Show 2 more replies').click();
    await waitFor(() => commentTexts(widget!.root).length === 6, 'the unfolded replies');
  });

  it('follows a permalink to a comment beyond the first page: loads its conversation and highlights it', async () => {
    const t = await createTestContext({});
    const [first] = await seedMany(t, 21);
    const linked = await seedComment(t, PERSONAS.bob, 'The linked reply', first);
    t.clock.now += 60_000;
    location.hash = `#comment-${linked.id}`;
    widget = await mountWidget(t);

    const article = await waitFor(() => comment(widget!.root, linked.id), 'the linked comment');
    await waitFor(() => article.classList.contains('highlighted'), 'the highlight');
    expect(widget.requests).toContain(`GET /api/v1/sites/daily/comments/${linked.id}/conversation`);
    expect(commentTexts(widget.root)).toHaveLength(22);
    expect(comment(widget.root, first)?.parentElement?.querySelector(':scope > ol article')).toBe(article);
    expect(article.querySelector('a[href]')?.getAttribute('href')).toBe(`#comment-${linked.id}`);
  });

  it('highlights another comment when the address changes to its permalink', async () => {
    const t = await createTestContext();
    const [a, b] = await seedMany(t, 2);
    widget = await mountWidget(t);
    location.hash = `#comment-${a}`;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await waitFor(() => comment(widget!.root, a)?.classList.contains('highlighted'), 'the first highlight');
    location.hash = `#comment-${b}`;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await waitFor(() => comment(widget!.root, b)?.classList.contains('highlighted'), 'the second highlight');
    expect(comment(widget.root, a)?.classList.contains('highlighted')).toBe(false);
  });

  it('renders each comment as an article with its author and a machine-readable time', async () => {
    const t = await createTestContext();
    const c = await seedComment(t, PERSONAS.alice, 'Hello');
    t.clock.now += 5 * 60_000;
    widget = await mountWidget(t);
    const article = comment(widget.root, c.id)!;
    expect(widget.root.querySelector('section')?.getAttribute('aria-label')).toBe('Comments');
    expect(article.tagName).toBe('ARTICLE');
    expect(article.querySelector('.author')?.textContent).toBe('Alice');
    const time = article.querySelector('time')!;
    expect(time.textContent).toBe('5 min ago');
    expect(time.getAttribute('datetime')).toBe(new Date(c.createdAt).toISOString());
    expect(time.getAttribute('title')).toMatch(/2026/);
  });
});

describe('while the thread loads', () => {
  it('shows grey lines, hidden from screen readers, which are told "Loading comments…"; the same status then says why it failed', async () => {
    const { mount } = await import('../../../widget/app');
    const host = document.createElement('div');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    let fail!: () => void;
    const failed = new Promise<Response>((r) => (fail = () => r(Response.json({ error: { code: 'unavailable', message: 'down' } }, { status: 503 }))));
    const handle = mount(root, { api: 'https://comments.example', site: 'daily', url: 'https://news.example/a', fetch: () => failed });
    const status = await waitFor(() => root.querySelector('[role="status"]'), 'the status');
    expect(status.textContent?.trim()).toBe('Loading comments…');
    expect(status.className).toBe('sr');
    const lines = root.querySelector('[aria-hidden="true"]')!;
    expect(lines.querySelectorAll('p')).toHaveLength(3);
    expect(lines.textContent).toBe('');

    const logged = console.error;
    console.error = () => {};
    fail();
    await waitFor(() => status.className === 'notice', 'the failure');
    console.error = logged;
    expect(status.isConnected).toBe(true);
    expect(status.textContent).toContain('the comment service is unavailable right now');
    expect(root.querySelector('[aria-hidden="true"]')).toBeNull();
    handle.unmount();
    host.remove();
  });
});
