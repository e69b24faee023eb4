// The reader app bundle (app.js): mount(root, config) renders one independent widget into a
// shadow root with its own styles. Loaded by embed.js; everything it holds lives per mount.
import { render } from 'preact';
import { createClient } from './api/client';
import type { WidgetConfig, WidgetHandle } from './config';
import type { ThreadActions } from './model/use-thread';
import { Widget } from './components/widget';
import { loadMemberUi } from './components/member-slot';
import { hostScheme } from './lib/host-scheme';
// Last, so the style sheet sits after the code in app.js: it gzips about 30 B smaller that way.
import css from './styles.css';

export type { WidgetConfig, WidgetHandle };

export function mount(root: ShadowRoot | Element, config: WidgetConfig): WidgetHandle {
  const doc = root.ownerDocument ?? document;
  const host = 'host' in root ? root.host : root;
  const style = doc.createElement('style');
  style.textContent = css;
  // Preact owns only this element, so the style sheet and anything else in root stay put.
  const container = doc.createElement('div');
  root.append(style, container);
  const client = createClient(config);
  let actions: ThreadActions | null = null;
  const setTheme = (theme: string) => host.setAttribute('data-parley-theme', theme == 'auto' ? hostScheme(doc) : theme);
  // Right away, so the widget does not flash the other scheme while the thread loads.
  setTheme(config.theme ?? 'auto');
  // A signed-in reader will want the comment box and actions: fetch them alongside the thread, not after.
  // A guest's page (no token, or getToken answered none) never fetches them.
  const token = config.prefetch ? config.prefetch.token : Promise.resolve(config.token);
  token.then((t) => void (t && loadMemberUi().catch(() => {})), () => {});

  // The site's theme comes with the thread, once it has rendered: the height embed.js held for it
  // (see loader/when-near.ts) is no longer needed.
  const ready = (theme: string) => (setTheme(theme), ((host as HTMLElement).style.minHeight = ''));
  render(<Widget client={client} config={config} expose={(a) => (actions = a)} onTheme={ready} />, container);
  return {
    refreshToken(token) {
      client.setToken(token);
      void actions?.load();
    },
    unmount() {
      render(null, container);
      container.remove();
      style.remove();
    },
  };
}
