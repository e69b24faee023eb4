// mount(el, config) renders one moderator dashboard into a shadow root with its own styles;
// everything it holds lives per mount.
import { render } from 'preact';
import css from './styles.css';
import type { ModerateConfig } from './config';
import { Dashboard } from './components/dashboard';

export interface ModerateHandle {
  unmount(): void;
}

export function mount(el: Element, config: ModerateConfig): ModerateHandle {
  const doc = el.ownerDocument ?? document;
  const root = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  const container = doc.createElement('div');
  root.append(style, container);
  const storage = config.storage === undefined ? sessionStorageOf(doc) : config.storage;
  render(<Dashboard config={{ ...config, storage }} doc={doc} />, container);
  return {
    unmount() {
      render(null, container);
      container.remove();
      style.remove();
    },
  };
}

function sessionStorageOf(doc: Document): Storage | null {
  try {
    return doc.defaultView?.sessionStorage ?? null;
  } catch {
    // Blocked storage (some privacy settings) throws on access.
    return null;
  }
}
