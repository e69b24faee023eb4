// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppModule } from '../../../widget/loader/boot';
import { boot } from '../../../widget/loader/boot';
import { fakeViewport } from '../../support/viewport';
import { waitFor } from '../../support/widget';

afterEach(() => {
  document.body.innerHTML = '';
  location.hash = '';
  delete (window as { Parley?: unknown }).Parley;
  vi.unstubAllGlobals();
});

/** Embeds the widget with these data-* attributes and records what the loader fetches and mounts. */
function embed(attrs = '') {
  document.body.innerHTML = `<article>…</article><div id="parley-comments"></div><footer>Footer</footer><script type="text/x-test" src="https://c.example/embed.js" data-site="daily" ${attrs}></script>`;
  const requests: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => (requests.push(url), Response.json({})));
  const loaded: string[] = [];
  const mounted: ShadowRoot[] = [];
  const load = async (url: string): Promise<AppModule> => (
    loaded.push(url),
    { mount: (root) => (mounted.push(root), { refreshToken() {}, unmount() {} }) }
  );
  boot(document, load);
  const host = document.getElementById('parley-comments')!;
  return { host, requests, loaded, mounted, threadRequests: () => requests.filter((u) => u.includes('/thread?')).length };
}

describe('by default the widget mounts near the viewport', () => {
  it('asks for no thread until its container comes within a viewport’s height, holding the viewport’s height meanwhile', async () => {
    const viewport = fakeViewport();
    const page = embed();
    expect(viewport.observed).toEqual([page.host]);
    expect(viewport.margins).toEqual(['100%']);
    expect(page.host.style.minHeight).toBe(`${innerHeight}px`);
    await new Promise((r) => setTimeout(r, 20));
    expect(page.threadRequests()).toBe(0);
    expect(page.mounted).toEqual([]);

    viewport.scrollNear(page.host, false);
    expect(page.mounted).toEqual([]);
    viewport.scrollNear(page.host);
    await waitFor(() => page.mounted.length === 1, 'the mount');
    expect(page.threadRequests()).toBe(1);
    expect(viewport.observed).toEqual([]);
    // Once only, however often it scrolls by again.
    viewport.scrollNear(page.host);
    await new Promise((r) => setTimeout(r, 20));
    expect(page.mounted).toHaveLength(1);
  });

  it('fetches app.js at once all the same: small, cached across articles, and ready when the reader arrives', () => {
    fakeViewport();
    const page = embed();
    expect(page.loaded).toEqual(['https://c.example/app.js']);
  });

  it('mounts at once for a link to one of its comments', async () => {
    const viewport = fakeViewport();
    location.hash = '#comment-abc123';
    const page = embed();
    await waitFor(() => page.mounted.length === 1, 'the mount');
    expect(viewport.observed).toEqual([]);
  });

  it('holds the height data-min-height asks for, or none with 0', () => {
    fakeViewport();
    expect(embed('data-min-height="480"').host.style.minHeight).toBe('480px');
    document.body.innerHTML = '';
    expect(embed('data-min-height="0"').host.style.minHeight).toBe('0px');
  });
});

describe('data-load', () => {
  it('"eager" mounts at once', async () => {
    const viewport = fakeViewport();
    const page = embed('data-load="eager"');
    await waitFor(() => page.mounted.length === 1, 'the mount');
    expect(viewport.observed).toEqual([]);
    expect(page.host.style.minHeight).toBe(`${innerHeight}px`);
  });

  it('"click" shows a button and loads nothing, not even app.js, until the reader asks; then mounts, keeping focus there', async () => {
    const viewport = fakeViewport();
    const page = embed('data-load="click"');
    const show = page.host.querySelector('button')!;
    expect(show.textContent).toBe('Show comments');
    await new Promise((r) => setTimeout(r, 20));
    expect(page.requests).toEqual([]);
    expect(page.loaded).toEqual([]);
    expect(viewport.observed).toEqual([]);
    expect(page.host.style.minHeight).toBe('');

    show.click();
    await waitFor(() => page.mounted.length === 1, 'the mount');
    expect(page.loaded).toEqual(['https://c.example/app.js']);
    expect(page.threadRequests()).toBe(1);
    expect(page.host.querySelector('button')).toBeNull();
    expect(document.activeElement).toBe(page.host);
    expect(page.host.style.minHeight).toBe(`${innerHeight}px`);
  });
});
