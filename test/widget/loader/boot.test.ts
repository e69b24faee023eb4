// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WidgetConfig } from '../../../widget/config';
import { boot, type AppModule } from '../../../widget/loader/boot';
import { fakeViewport } from '../../support/viewport';
import { waitFor } from '../../support/widget';

// The containers here are in view, as the browser's first intersection answer says at once.
beforeEach(() => void fakeViewport({ allNear: true }));

afterEach(() => {
  document.body.innerHTML = '';
  delete (window as { Parley?: unknown }).Parley;
  delete (window as { hostToken?: unknown }).hostToken;
  vi.unstubAllGlobals();
});

/** Stands in for the network: records each request the loader makes and answers an empty 200. */
function fakeNetwork() {
  const requests: { url: string; headers: Record<string, string> }[] = [];
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    requests.push({ url, headers: (init?.headers ?? {}) as Record<string, string> });
    return Response.json({});
  });
  return requests;
}

function fakeApp() {
  const mounted: { root: ShadowRoot; config: WidgetConfig; tokens: unknown[] }[] = [];
  const loaded: string[] = [];
  const load = async (url: string): Promise<AppModule> => {
    loaded.push(url);
    return {
      mount(root, config) {
        const entry = { root, config, tokens: [] as unknown[] };
        mounted.push(entry);
        return { refreshToken: (token) => void entry.tokens.push(token), unmount() {} };
      },
    };
  };
  return { mounted, loaded, load };
}

describe('boot', () => {
  it('starts loading app.js, the host’s token and the thread at once, and hands the thread to the app', async () => {
    document.body.innerHTML =
      '<div id="parley-comments"></div><script type="text/x-test" src="https://c.example/embed.js" data-site="daily" data-page-id="p1" data-title="Budget" data-get-token="hostToken"></script>';
    let resolveApp!: (m: AppModule) => void;
    const app = fakeApp();
    const loads: string[] = [];
    const requests = fakeNetwork();
    const asked: string[] = [];
    (window as { hostToken?: unknown }).hostToken = () => (asked.push('token'), 'tok');
    boot(document, (url) => (loads.push(url), new Promise((resolve) => (resolveApp = resolve))));
    // Nothing mounted yet: app.js is still on its way, but the token and the thread are asked for.
    await waitFor(() => requests.length === 1, 'the thread request');
    expect(loads).toEqual(['https://c.example/app.js']);
    expect(asked).toEqual(['token']);
    expect(requests[0].url).toBe(`https://c.example/api/v1/sites/daily/thread?url=${encodeURIComponent(location.href.split('#')[0])}&pageId=p1&title=Budget&sort=newest`);
    expect(requests[0].headers).toEqual({ Authorization: 'Bearer tok' });

    resolveApp(await app.load('app.js'));
    await waitFor(() => app.mounted.length === 1, 'the mount');
    const { prefetch } = app.mounted[0].config;
    expect(prefetch?.url).toBe(requests[0].url);
    expect(await prefetch?.token).toBe('tok');
    expect((await prefetch!.response).ok).toBe(true);
  });

  it('loads app.js from beside embed.js and mounts into a shadow root on the container', async () => {
    document.body.innerHTML = '<div id="parley-comments"></div><script type="text/x-test" src="https://comments.example/static/embed.js" data-site="daily"></script>';
    fakeNetwork();
    const app = fakeApp();
    boot(document, app.load);
    await waitFor(() => app.mounted.length === 1, 'the mount');
    expect(app.loaded).toEqual(['https://comments.example/static/app.js']);
    expect(app.mounted[0].root).toBe(document.getElementById('parley-comments')!.shadowRoot);
    expect(app.mounted[0].config).toMatchObject({ api: 'https://comments.example', site: 'daily' });
  });

  it('offers window.Parley to mount more widgets and to refresh every widget’s token', async () => {
    document.body.innerHTML = '<div id="parley-comments"></div><div id="second"></div><script type="text/x-test" src="https://c.example/embed.js" data-site="daily"></script>';
    const requests = fakeNetwork();
    const app = fakeApp();
    const parley = boot(document, app.load)!;
    await waitFor(() => app.mounted.length === 1, 'the first mount');
    await parley.mount(document.getElementById('second')!, { site: 'daily', pageId: 'p2' });
    expect(app.mounted[1].config).toMatchObject({ api: 'https://c.example', site: 'daily', pageId: 'p2' });
    expect((window as { Parley?: unknown }).Parley).toBe(parley);
    // app.js once for both; each widget's own thread.
    expect(app.loaded).toHaveLength(1);
    expect(requests.map((r) => new URL(r.url).searchParams.get('pageId'))).toEqual([null, 'p2']);
    parley.refreshToken('new-token');
    expect(app.mounted.map((m) => m.tokens)).toEqual([['new-token'], ['new-token']]);
  });

  it('does nothing without its script tag', () => {
    expect(boot(document, fakeApp().load)).toBeNull();
  });
});
