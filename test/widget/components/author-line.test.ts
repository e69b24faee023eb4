// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createTestContext, PERSONAS } from '../../support/app';
import { comment, mountWidget, seedComment, waitFor, type MountedWidget } from '../../support/widget';

let widget: MountedWidget | undefined;
afterEach(() => widget?.unmount());

const PICTURE = 'https://cdn.news.example/people/alice.jpg';

describe("a comment's author line", () => {
  it("shows the picture the author's token names, decorative, lazy and sent without the page's address", async () => {
    const t = await createTestContext();
    const c = await seedComment(t, { ...PERSONAS.alice, avatar: PICTURE }, 'Bus lanes at last.');
    widget = await mountWidget(t);
    const img = await waitFor(() => comment(widget!.root, c.id)?.querySelector('img'), 'the avatar');
    expect(img.getAttribute('src')).toBe(PICTURE);
    // Over the initials' circle, which stays hidden from screen readers with it.
    expect(img.parentElement!.getAttribute('class')).toBe('avatar');
    expect(img.parentElement!.getAttribute('aria-hidden')).toBe('true');
    expect(img.getAttribute('alt')).toBe('');
    expect(img.getAttribute('loading')).toBe('lazy');
    expect(img.getAttribute('decoding')).toBe('async');
    expect(img.getAttribute('referrerpolicy')).toBe('no-referrer');
    expect([img.getAttribute('width'), img.getAttribute('height')]).toEqual(['32', '32']);
    expect(img.hidden).toBe(false);
  });

  it('falls back to the initials when the picture fails to load', async () => {
    const t = await createTestContext();
    const c = await seedComment(t, { ...PERSONAS.alice, name: 'Alice Archer', avatar: PICTURE }, 'Bus lanes at last.');
    widget = await mountWidget(t);
    const article = comment(widget.root, c.id)!;
    const img = await waitFor(() => article.querySelector('img'), 'the avatar');
    img.dispatchEvent(new Event('error'));
    await waitFor(() => img.hidden || null, 'the picture hidden');
    expect(article.querySelector('span.avatar')!.textContent).toBe('AA');
  });

  it('shows initials for an author without a picture', async () => {
    const t = await createTestContext();
    const c = await seedComment(t, PERSONAS.bob, 'Where does the money come from?');
    widget = await mountWidget(t);
    const article = comment(widget.root, c.id)!;
    expect(article.querySelector('span.avatar')?.textContent).toBe('B');
    expect(article.querySelector('img')).toBeNull();
  });
});
