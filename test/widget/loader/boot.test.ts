// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { WidgetConfig } from '../../../widget/config';
import { boot, type AppModule } from '../../../widget/loader/boot';
import { waitFor } from '../../support/widget';

afterEach(() => {
  document.body.innerHTML = '';
  delete (window as { Parley?: unknown }).Parley;
});

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
  it('loads app.js from beside embed.js and mounts into a shadow root on the container', async () => {
    document.body.innerHTML = '<div id="parley-comments"></div><script type="text/x-test" src="https://comments.example/static/embed.js" data-site="daily"></script>';
    const app = fakeApp();
    boot(document, app.load);
    await waitFor(() => app.mounted.length === 1, 'the mount');
    expect(app.loaded).toEqual(['https://comments.example/static/app.js']);
    expect(app.mounted[0].root).toBe(document.getElementById('parley-comments')!.shadowRoot);
    expect(app.mounted[0].config).toMatchObject({ api: 'https://comments.example', site: 'daily' });
  });

  it('offers window.Parley to mount more widgets and to refresh every widget’s token', async () => {
    document.body.innerHTML = '<div id="parley-comments"></div><div id="second"></div><script type="text/x-test" src="https://c.example/embed.js" data-site="daily"></script>';
    const app = fakeApp();
    const parley = boot(document, app.load)!;
    await waitFor(() => app.mounted.length === 1, 'the first mount');
    await parley.mount(document.getElementById('second')!, { site: 'daily', pageId: 'p2' });
    expect(app.mounted[1].config).toMatchObject({ api: 'https://c.example', site: 'daily', pageId: 'p2' });
    expect((window as { Parley?: unknown }).Parley).toBe(parley);
    parley.refreshToken('new-token');
    expect(app.mounted.map((m) => m.tokens)).toEqual([['new-token'], ['new-token']]);
  });

  it('does nothing without its script tag', () => {
    expect(boot(document, fakeApp().load)).toBeNull();
  });
});
