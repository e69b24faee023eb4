// What the dashboard needs to mount, and how it is read from the page: data-* attributes on the
// container (or the script that loaded it: data-site, data-api, data-get-token, data-poll-seconds)
// and the /moderate page's ?site= parameter.
import type { GetToken } from '../config';
import { tokenFunction } from '../loader/read-config';
import type { Fetch } from './api';

export interface ModerateConfig {
  /** Origin (and optional path prefix) of the Parley API. */
  api: string;
  /** Site id to moderate; empty lets the sign-in form ask for it. */
  site: string;
  /** The host page's token function, for moderators it already signed in. */
  getToken?: GetToken;
  /** Injected in tests to talk to an in-process app; defaults to the global fetch. */
  fetch?: Fetch;
  /** Where a pasted key or token is remembered for the tab; null remembers nothing. */
  storage?: Storage | null;
  /** How often the queue counts and the new-comments banner refresh while the page is visible, in ms (20 s by default). */
  pollMs?: number;
  /** Milliseconds the try-a-comment box waits after typing stops. */
  tryDelayMs?: number;
  /** How often webhook deliveries on their way are looked at again, in ms. */
  webhookPollMs?: number;
  now?: () => number;
}

/** Reads the config from the container first, then from the dashboard's script tag. */
export function readModerateConfig(el: Element, doc: Document, moduleUrl: string): ModerateConfig {
  const script = doc.querySelector<HTMLScriptElement>('script[src*="moderate.js"]');
  const data = { ...script?.dataset, ...(el as HTMLElement).dataset };
  const query = new URLSearchParams(doc.location?.search ?? '');
  const win = doc.defaultView ?? window;
  return {
    api: data.api || new URL(moduleUrl, doc.baseURI).origin,
    site: query.get('site') || data.site || '',
    getToken: data.getToken ? tokenFunction(win, data.getToken) : undefined,
    // data-poll-seconds, as the reader widget takes it; anything but a positive number keeps the default.
    pollMs: +data.pollSeconds! > 0 ? +data.pollSeconds! * 1000 : undefined,
  };
}
