// count.js: fills "N comments" on listing pages. Separate from the reader app and free of
// Preact and zod so it stays a few hundred bytes.
import { fillCounts } from './loader/fill-counts';

const script = (document.currentScript ?? document.querySelector('script[src*="count.js"][data-site]')) as HTMLScriptElement | null;
const site = script?.dataset.site;
if (script && site) {
  const run = () => fillCounts(document, { api: script.dataset.api || new URL(script.src).origin, site });
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run);
  else void run();
}
