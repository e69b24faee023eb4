// @vitest-environment happy-dom
import { createClient } from '@libsql/client/web';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app';
import { createLibsqlStore } from '../../../server/store/libsql';
import { SiteSettings } from '../../../shared/schemas/site';
import { ARTICLE_URL, createTestContext, PERSONAS, TEST_API_KEY } from '../../support/app';
import { appFetch, button, comment, commentTexts, findButton, mountWidget, seedComment, typeInto, waitFor, type MountedWidget } from '../../support/widget';

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
    const t = await createTestContext({ site: { settings: SiteSettings.parse({ moderation: { rules: { bodyLength: { max: 20 } } } }) } });
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

  it('shows its author a rejected comment with why it was not published, and counts it for no one', async () => {
    const settings = SiteSettings.parse({ moderation: { rules: { bannedWords: { words: ['grift'] } } } });
    const t = await createTestContext({ site: { settings } });
    widget = await mountWidget(t, { persona: PERSONAS.alice });
    typeInto(widget.root.querySelector('textarea')!, 'This budget is pure grift.');
    await waitFor(() => !button(widget!.root, 'Post').disabled);
    button(widget.root, 'Post').click();

    const note = "Not published: this comment doesn't meet the community guidelines.";
    await waitFor(() => status(widget!) === note, 'the announcement');
    expect(commentTexts(widget.root)).toEqual(['This budget is pure grift.']);
    expect(widget.root.querySelector('article .notice')?.textContent).toBe(note);
    expect(widget.root.querySelector('h2')?.textContent).toBe('0 comments');
    // The server refuses edits to rejected comments, so none is offered; deleting it still is.
    const article = widget.root.querySelector<HTMLElement>('article')!;
    expect(findButton(article, 'Edit')).toBeUndefined();
    expect(findButton(article, 'Delete')).toBeDefined();
  });
});

describe("the site's wording for why a comment was not posted", () => {
  it('is said in the composer and on the rejected comment', async () => {
    const strings = { 'error.rejected': 'Held back: see our house rules.' };
    const rules = { bannedWords: { words: ['grift'] } };
    const t = await createTestContext({ site: { settings: SiteSettings.parse({ strings, moderation: { rules } }) } });
    widget = await mountWidget(t, { persona: PERSONAS.alice });
    typeInto(widget.root.querySelector('textarea')!, 'This budget is pure grift.');
    await waitFor(() => !button(widget!.root, 'Post').disabled);
    button(widget.root, 'Post').click();
    await waitFor(() => status(widget!) === 'Held back: see our house rules.', 'the rejection in the site’s words');
    expect(widget.root.querySelector('article .notice')?.textContent).toBe('Held back: see our house rules.');
  });
});

describe('posting while the service is down', () => {
  const post = async (w: MountedWidget, text: string) => {
    typeInto(w.root.querySelector('textarea')!, text);
    await waitFor(() => !button(w.root, 'Post').disabled);
    button(w.root, 'Post').click();
  };
  const unavailable = 'Comments are temporarily unavailable. Your draft is kept; please retry.';

  it('keeps the draft and offers a retry when the API answers 503 because its database is unreachable', async () => {
    const t = await createTestContext();
    // The same app on a libSQL server whose gateway answers 503 (a restart): the app's own 503.
    const gateway = async () => new Response('upstream unavailable', { status: 503 });
    const down = createApp({ store: createLibsqlStore(createClient({ url: 'http://libsql.internal', fetch: gateway })), log: () => {} });
    let outage = false;
    const statuses: number[] = [];
    const up = appFetch(t);
    const fetch = async (input: string, init?: RequestInit) => {
      const res = outage ? await down.request(input, init) : await up(input, init);
      statuses.push(res.status);
      return res;
    };
    widget = await mountWidget(t, { persona: PERSONAS.alice, config: { fetch } });
    outage = true;
    await post(widget, 'Will this survive an outage?');

    await waitFor(() => status(widget!)?.startsWith(unavailable), 'the refusal');
    expect(statuses.at(-1)).toBe(503);
    expect(widget.root.querySelector('textarea')!.value).toBe('Will this survive an outage?');
    expect(commentTexts(widget.root)).toEqual([]);

    outage = false;
    button(widget.root, 'Retry').click();
    await waitFor(() => commentTexts(widget!.root).length === 1, 'the retried comment');
    expect(commentTexts(widget.root)).toEqual(['Will this survive an outage?']);
    expect(widget.root.querySelector('textarea')!.value).toBe('');
  });

  it('keeps the draft and offers a retry when the network is down', async () => {
    const t = await createTestContext();
    let offline = false;
    const up = appFetch(t);
    const fetch = (input: string, init?: RequestInit) => (offline ? Promise.reject(new TypeError('Failed to fetch')) : up(input, init));
    widget = await mountWidget(t, { persona: PERSONAS.alice, config: { fetch } });
    offline = true;
    await post(widget, 'Posted from a tunnel.');

    await waitFor(() => status(widget!)?.startsWith(unavailable), 'the refusal');
    expect(widget.root.querySelector('textarea')!.value).toBe('Posted from a tunnel.');
    expect(commentTexts(widget.root)).toEqual([]);

    offline = false;
    button(widget.root, 'Retry').click();
    await waitFor(() => commentTexts(widget!.root).length === 1, 'the retried comment');
    expect(commentTexts(widget.root)).toEqual(['Posted from a tunnel.']);
  });
});

describe('previewing a draft', () => {
  const write = async (w: MountedWidget, text: string) => {
    typeInto(w.root.querySelector('textarea')!, text);
    await waitFor(() => !button(w.root, 'Preview').disabled);
  };
  const shown = (w: MountedWidget) => w.root.querySelector<HTMLElement>('form [role="group"][aria-label="Preview"]');

  it('shows the draft rendered in place of the textarea, and Edit brings the same draft back', async () => {
    const t = await createTestContext();
    widget = await mountWidget(t, { persona: PERSONAS.alice });
    expect(button(widget.root, 'Preview').disabled).toBe(true);
    await write(widget, 'The budget *finally* adds [bus lanes](https://news.example/lanes).');
    button(widget.root, 'Preview').click();

    const box = await waitFor(() => shown(widget!), 'the preview');
    expect(widget.root.querySelector('textarea')).toBeNull();
    expect(box.querySelector('em')?.textContent).toBe('finally');
    expect(box.querySelector('a')?.getAttribute('href')).toBe('https://news.example/lanes');
    expect(box.textContent).toBe('The budget finally adds bus lanes.');
    await waitFor(() => widget!.root.activeElement === box, 'focus on the preview');
    expect(widget.requests).toContain('POST /api/v1/sites/daily/preview');
    expect(commentTexts(widget.root)).toEqual([]);

    button(widget.root, 'Edit').click();
    const field = await waitFor(() => widget!.root.querySelector('textarea'), 'the textarea again');
    expect(field.value).toBe('The budget *finally* adds [bus lanes](https://news.example/lanes).');
    expect(shown(widget)).toBeNull();
    await waitFor(() => widget!.root.activeElement === field, 'focus back in the textarea');
  });

  it('posts the draft from the preview and then offers an empty textarea', async () => {
    const t = await createTestContext();
    widget = await mountWidget(t, { persona: PERSONAS.alice });
    await write(widget, 'Straight from the preview.');
    button(widget.root, 'Preview').click();
    await waitFor(() => shown(widget!), 'the preview');
    button(widget.root, 'Post').click();

    await waitFor(() => commentTexts(widget!.root).length === 1, 'the new comment');
    expect(commentTexts(widget.root)).toEqual(['Straight from the preview.']);
    expect(shown(widget)).toBeNull();
    expect(widget.root.querySelector('textarea')!.value).toBe('');
    expect(button(widget.root, 'Preview').textContent).toBe('Preview');
  });

  it('sanitizes the rendered draft as it does every comment body', async () => {
    const t = await createTestContext();
    const up = appFetch(t);
    // A server (or anything between) that answers HTML the renderer would never write.
    const fetch = async (input: string, init?: RequestInit) =>
      input.endsWith('/preview') ? Response.json({ html: '<p>Fine <img src=x onerror="alert(1)"><script>alert(2)</script><a href="javascript:alert(3)">link</a></p>' }) : up(input, init);
    widget = await mountWidget(t, { persona: PERSONAS.alice, config: { fetch } });
    await write(widget, 'Fine');
    button(widget.root, 'Preview').click();

    const box = await waitFor(() => shown(widget!), 'the preview');
    expect(box.innerHTML).toBe('<p>Fine link</p>');
  });

  it('says why a preview failed in the status line, keeps the draft, and Retry previews again rather than posting', async () => {
    const t = await createTestContext();
    let offline = false;
    const up = appFetch(t, []);
    const fetch = (input: string, init?: RequestInit) => (offline ? Promise.reject(new TypeError('Failed to fetch')) : up(input, init));
    widget = await mountWidget(t, { persona: PERSONAS.alice, config: { fetch } });
    await write(widget, 'Does this render offline?');
    offline = true;
    button(widget.root, 'Preview').click();

    await waitFor(() => status(widget!)?.startsWith('Comments are temporarily unavailable.'), 'the failure');
    expect(widget.root.querySelector('textarea')!.value).toBe('Does this render offline?');
    expect(widget.root.querySelector('form p.status')?.classList.contains('error')).toBe(true);

    offline = false;
    button(widget.root, 'Retry').click();
    const box = await waitFor(() => shown(widget!), 'the preview on retry');
    expect(box.textContent).toBe('Does this render offline?');
    expect(status(widget)).toBe('');
    expect(commentTexts(widget.root)).toEqual([]);
  });

  it('is offered in the reply box too', async () => {
    const t = await createTestContext();
    const parent = await seedComment(t, PERSONAS.bob, 'Where does the money come from?');
    widget = await mountWidget(t, { persona: PERSONAS.alice });
    const article = comment(widget.root, parent.id)!;
    button(article, 'Reply').click();
    typeInto(await waitFor(() => article.querySelector('textarea'), 'the reply composer'), 'From the **parking** levy.');
    await waitFor(() => !button(article, 'Preview').disabled);
    button(article, 'Preview').click();
    const box = await waitFor(() => article.querySelector('[aria-label="Preview"]'), 'the reply preview');
    expect(box.querySelector('strong')?.textContent).toBe('parking');
  });
});
