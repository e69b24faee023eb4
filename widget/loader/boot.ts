// What embed.js does: find its script tag, mount a widget into a Shadow DOM on the container,
// and offer window.Parley so hosts can mount more or refresh sign-in without a reload.
import type { WidgetConfig, WidgetHandle } from '../config';
import { prefetchThread } from './prefetch';
import { findContainer, pageUrl, readConfig } from './read-config';
import { whenWanted } from './when-near';

export interface AppModule {
  mount(root: ShadowRoot, config: WidgetConfig): WidgetHandle;
}

export interface ParleyGlobal {
  mount(el: Element, config: Partial<WidgetConfig> & { site: string }): Promise<WidgetHandle>;
  /** Signs every widget on the page in again: with the token given, or by asking getToken. */
  refreshToken(token?: string | null): void;
  widgets: WidgetHandle[];
}

export function boot(doc: Document, load: (url: string) => Promise<AppModule> = (url) => import(/* @vite-ignore */ url)): ParleyGlobal | null {
  const script = (doc.currentScript ?? doc.querySelector('script[src*="embed.js"][data-site]')) as HTMLScriptElement | null;
  if (!script) return null;
  const win = (doc.defaultView ?? window) as Window & { Parley?: ParleyGlobal };
  const base = readConfig(script, doc);
  const src = new URL('app.js', new URL(script.src, doc.baseURI)).href;
  let app: Promise<AppModule> | undefined;
  const loadApp = () => (app ??= load(src));
  // The page will likely want the app (small, and cached across articles): fetch it now, while the
  // page finishes; only the thread waits until the widget is near. Not when it waits for a click.
  if (base.site && script.dataset.load != 'click') void loadApp().catch(() => {});

  const parley: ParleyGlobal = win.Parley ?? {
    widgets: [],
    async mount(el, options) {
      const root = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
      const config: WidgetConfig = { api: base.api, url: pageUrl(doc), ...options };
      // Token and thread come in while app.js downloads, instead of after it.
      config.prefetch = prefetchThread(config);
      const widget = (await loadApp()).mount(root, config);
      parley.widgets.push(widget);
      return widget;
    },
    refreshToken(token) {
      for (const w of parley.widgets) w.refreshToken(token);
    },
  };
  win.Parley = parley;
  // An async script can run before the rest of the page is parsed; the container may come later.
  // So may the host's getToken function, which is why the thread is asked for only then.
  const start = () => {
    const el = base.site && (findContainer(script, doc) as HTMLElement);
    if (el) whenWanted(el, script, () => void parley.mount(el, base));
  };
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', start);
  else start();
  return parley;
}
