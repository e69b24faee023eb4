// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { ARTICLE_URL, createTestContext, PERSONAS, TEST_API_KEY } from '../../support/app';
import { button, commentTexts, mountWidget, typeInto, waitFor, type MountedWidget } from '../../support/widget';

let widget: MountedWidget | undefined;
afterEach(() => widget?.unmount());

const status = (w: MountedWidget) => w.root.querySelector('form [aria-live="polite"]')?.textContent?.trim();

describe('the composer', () => {
  it('posts a comment, clears the draft and shows the comment at the top with focus on it', async () => {
    const t = await createTestContext();
    widget = await mountWidget(t, { persona: PERSONAS.alice });
    const field = widget.root.querySelector('textarea')!;
    typeInto(field, 'The budget *finally* adds bus lanes.');
    await waitFor(() => !button(widget!.root, 'Post').disabled);
    button(widget.root, 'Post').click();

    await waitFor(() => commentTexts(widget!.root).length === 1, 'the new comment');
    expect(commentTexts(widget.root)).toEqual(['The budget finally adds bus lanes.']);
    expect(widget.root.querySelector('article .body em')?.textContent).toBe('finally');
    expect(field.value).toBe('');
    expect(status(widget)).toBe('Your comment was posted.');
    expect(widget.root.querySelector('h2')?.textContent).toBe('1 comment');
    await waitFor(() => widget!.root.activeElement?.tagName === 'ARTICLE', 'focus on the new comment');
  });

  it('keeps the draft and offers a retry when the thread closed meanwhile', async () => {
    const t = await createTestContext();
    widget = await mountWidget(t, { persona: PERSONAS.alice });
    await t.call('PUT', '/api/v1/sites/daily/admin/threads', { headers: { 'X-Api-Key': TEST_API_KEY }, body: { url: ARTICLE_URL, closed: true } });
    typeInto(widget.root.querySelector('textarea')!, 'Too late?');
    await waitFor(() => !button(widget!.root, 'Post').disabled);
    button(widget.root, 'Post').click();

    await waitFor(() => status(widget!)?.startsWith('This conversation is closed.'), 'the refusal');
    expect(widget.root.querySelector('textarea')!.value).toBe('Too late?');
    expect(commentTexts(widget.root)).toEqual([]);

    // Reopened: the same draft goes through on retry.
    await t.call('PUT', '/api/v1/sites/daily/admin/threads', { headers: { 'X-Api-Key': TEST_API_KEY }, body: { url: ARTICLE_URL, closed: false } });
    button(widget.root, 'Retry').click();
    await waitFor(() => commentTexts(widget!.root).length === 1, 'the retried comment');
    expect(commentTexts(widget.root)).toEqual(['Too late?']);
  });

  it('shows the field error next to the textarea when the comment is too long', async () => {
    const t = await createTestContext({ site: { settings: { ...(await createTestContext()).site.settings, maxLength: 20 } } });
    widget = await mountWidget(t, { persona: PERSONAS.alice });
    const field = widget.root.querySelector('textarea')!;
    typeInto(field, 'This comment is far longer than twenty characters.');
    await waitFor(() => widget!.root.querySelector('small.over'), 'the over-limit counter');
    expect(widget.root.querySelector('small')?.textContent).toBe('50 / 20');
    button(widget.root, 'Post').click();

    const error = await waitFor(() => widget!.root.querySelector('form p.error:not(.status)'), 'the field error');
    expect(error.textContent).toBe('must be at most 20 characters');
    expect(field.getAttribute('aria-describedby')).toContain(error.id);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(status(widget)).toContain('Please check your comment and try again.');
    expect(field.value).toBe('This comment is far longer than twenty characters.');
  });
});
