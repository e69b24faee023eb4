// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createTestContext, PERSONAS } from '../../support/app';
import { appFetch, button, commentTexts, findButton, mountWidget, seedComment, typeInto, waitFor, type MountedWidget } from '../../support/widget';

let widget: MountedWidget | undefined;
afterEach(() => {
  widget?.unmount();
  widget = undefined;
  setHidden(false);
});

function setHidden(hidden: boolean) {
  Object.defineProperty(document, 'hidden', { value: hidden, configurable: true });
  document.dispatchEvent(new Event('visibilitychange'));
}

/** Polls every 50 ms: the timing is real, and so are the app and the database behind it. */
const FAST = { pollSeconds: 0.05 };
const polls = (w: MountedWidget) => w.requests.filter((r) => /\/comments\?sort=newest$/.test(r)).length;
const banner = (w: MountedWidget) => w.root.querySelector('.live')?.textContent?.trim() ?? '';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('live updates', () => {
  it('announce comments posted since the thread loaded without inserting them, and show them on request', async () => {
    const t = await createTestContext();
    await seedComment(t, PERSONAS.alice, 'Already here');
    widget = await mountWidget(t, { config: FAST });
    await waitFor(() => polls(widget!) >= 1, 'a first poll');
    expect(banner(widget)).toBe('');

    await seedComment(t, PERSONAS.bob, 'Posted since');
    await waitFor(() => banner(widget!) === '1 new comment — show', 'the banner');
    expect(widget.root.querySelector('.live')?.getAttribute('aria-live')).toBe('polite');
    expect(commentTexts(widget.root)).toEqual(['Already here']);

    button(widget.root, 'show').click();
    await waitFor(() => commentTexts(widget!.root).length === 2, 'the new comment');
    expect(commentTexts(widget.root)).toEqual(['Posted since', 'Already here']);
    expect(widget.root.querySelector('h2')?.textContent).toBe('2 comments');
    expect(banner(widget)).toBe('');
    // Focus goes to what was shown, not back to the top of the page.
    await waitFor(() => widget!.root.activeElement?.textContent?.includes('Posted since'), 'focus on the new comment');
  });

  it('count several new comments in one banner, asking with the last ETag: 304 while nothing changes', async () => {
    const t = await createTestContext();
    const answers: { etag: string | null; status: number }[] = [];
    const app = appFetch(t);
    const fetch = async (url: string, init?: RequestInit) => {
      const res = await app(url, init);
      if (/\/comments\?sort=newest$/.test(url)) answers.push({ etag: new Headers(init?.headers).get('If-None-Match'), status: res.status });
      return res;
    };
    widget = await mountWidget(t, { config: { ...FAST, fetch } });
    await waitFor(() => answers.length >= 2, 'two polls');
    await seedComment(t, PERSONAS.bob, 'One');
    await seedComment(t, PERSONAS.bob, 'Two');
    await waitFor(() => banner(widget!) === '2 new comments — show', 'the banner for two');
    await waitFor(() => answers.at(-1)?.status === 304, 'an unchanged thread');
    expect(answers[0]).toEqual({ etag: null, status: 200 });
    expect(answers[1]).toMatchObject({ status: 304 });
    expect(answers[1].etag).toMatch(/^".+"$/);
    // The page changed once (both comments landed between two polls, or one poll apart), then not again.
    expect(answers.filter((a) => a.status === 200).length).toBeLessThanOrEqual(3);
    expect(commentTexts(widget.root)).toEqual([]);
  });

  it('name who replied to the signed-in reader, and mark those replies New once shown', async () => {
    const t = await createTestContext();
    const mine = await seedComment(t, PERSONAS.alice, 'My point');
    await seedComment(t, PERSONAS.bob, 'Someone else’s point');
    widget = await mountWidget(t, { persona: PERSONAS.alice, config: FAST });
    await seedComment(t, PERSONAS.bob, 'I disagree', mine.id);
    await waitFor(() => banner(widget!) === 'Bob replied to you. 1 new comment — show', 'the reply announced');

    button(widget.root, 'show').click();
    const reply = await waitFor(() => [...widget!.root.querySelectorAll('article')].find((a) => a.textContent?.includes('I disagree')), 'the reply');
    expect(reply.querySelector('.meta')?.textContent).toContain('New');
    expect(reply.closest('ol')?.closest('li')?.querySelector('article')?.textContent).toContain('My point');
    const other = [...widget.root.querySelectorAll('article')].find((a) => a.textContent?.includes('Someone else'))!;
    expect(other.querySelector('.meta')?.textContent).not.toContain('New');
  });

  it('do not announce the reader’s own new comment, nor comments they loaded with another order or page', async () => {
    const t = await createTestContext();
    for (let i = 1; i <= 22; i++) await seedComment(t, PERSONAS.bob, `Comment ${i}`);
    widget = await mountWidget(t, { persona: PERSONAS.alice, config: FAST });
    const select = widget.root.querySelector('select')!;
    select.value = 'oldest';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await waitFor(() => commentTexts(widget!.root)[0] === 'Comment 1', 'oldest first');
    typeInto(widget.root.querySelector('textarea')!, 'My own');
    await waitFor(() => !button(widget!.root, 'Post').disabled, 'the Post button');
    button(widget.root, 'Post').click();
    await waitFor(() => commentTexts(widget!.root).includes('My own'), 'the reader’s comment');
    const before = polls(widget);
    await waitFor(() => polls(widget!) >= before + 3, 'polls after posting');
    expect(banner(widget)).toBe('');
  });

  it('ask nothing while the page is hidden, and ask at once when it is visible again', async () => {
    const t = await createTestContext();
    widget = await mountWidget(t, { config: { pollSeconds: 0.2 } });
    setHidden(true);
    const hiddenAt = polls(widget);
    await sleep(500);
    expect(polls(widget)).toBe(hiddenAt);
    setHidden(false);
    await waitFor(() => polls(widget!) === hiddenAt + 1, 'the poll on becoming visible');
  });

  it('stop when the widget is unmounted', async () => {
    const t = await createTestContext();
    const w = await mountWidget(t, { config: FAST });
    await waitFor(() => polls(w) >= 2, 'polls');
    w.unmount();
    const at = polls(w);
    await sleep(300);
    expect(polls(w)).toBe(at);
  });

  it('are off with live "off" (data-live="off")', async () => {
    const t = await createTestContext();
    widget = await mountWidget(t, { config: { ...FAST, live: 'off' } });
    await seedComment(t, PERSONAS.bob, 'Posted since');
    await sleep(300);
    expect(polls(widget)).toBe(0);
    expect(widget.root.querySelector('.live')).toBeNull();
    expect(findButton(widget.root, 'show')).toBeUndefined();
  });
});
