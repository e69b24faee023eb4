// Reads a widget's configuration from the embed script's data-* attributes and the page.
import type { GetToken, Theme, WidgetConfig } from '../config';

/** The page's address for its thread: the canonical link when there is one, never the #fragment. */
export function pageUrl(doc: Document): string {
  const canonical = doc.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
  return (canonical || doc.location.href).split('#')[0];
}

/** Looks the host's token function up by name when it is needed, so it may be defined later. */
export function tokenFunction(win: Window, path: string): GetToken {
  return () => {
    const keys = path.split('.');
    const last = keys.pop() as string;
    const owner = keys.reduce<any>((o, k) => o?.[k], win);
    return typeof owner?.[last] === 'function' ? owner[last]() : null;
  };
}

export function readConfig(script: HTMLScriptElement, doc: Document): WidgetConfig {
  const d = script.dataset;
  return {
    api: d.api || new URL(script.src, doc.baseURI).origin,
    site: d.site ?? '',
    url: d.url || pageUrl(doc),
    pageId: d.pageId || undefined,
    title: d.title || doc.title || undefined,
    theme: (d.theme as Theme) || undefined,
    token: d.token || undefined,
    getToken: d.getToken ? tokenFunction(doc.defaultView ?? window, d.getToken) : undefined,
    live: d.live,
    pollSeconds: +d.pollSeconds! || undefined,
  };
}

/** The element the widget lives in: data-container, else #parley-comments, else a new one after the script. */
export function findContainer(script: HTMLScriptElement, doc: Document): Element {
  const found = doc.querySelector(script.dataset.container || '#parley-comments');
  if (found) return found;
  const el = doc.createElement('div');
  el.id = 'parley-comments';
  if (script.closest('body')) script.after(el);
  else doc.body.append(el);
  return el;
}
