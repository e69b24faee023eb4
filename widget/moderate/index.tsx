// moderate.js: the moderator dashboard. Mounts into #parley-moderate (as on the server's
// /moderate page), reading data-site, data-api and data-get-token; readers never load it.
import { readModerateConfig } from './config';
import { mount, type ModerateHandle } from './mount';

export { mount };
export type { ModerateConfig } from './config';
export type { ModerateHandle };

function start(): ModerateHandle | null {
  const el = document.getElementById('parley-moderate');
  return el && !el.shadowRoot ? mount(el, readModerateConfig(el, document, import.meta.url)) : null;
}

if (typeof document !== 'undefined') {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
}
