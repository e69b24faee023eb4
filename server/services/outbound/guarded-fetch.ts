// Outbound requests on a site's behalf, vetted before they leave: the URL by vetOutboundUrl, and
// redirects never followed (a public URL could answer 302 to a private one). Runtimes that can
// check the address a name resolves to at connect time supply their own (Node: see
// server/runtime/node-outbound.ts); Workers cannot reach private addresses at all.
import type { OutboundPolicy } from '../../../shared/outbound-url';
import { vetOutboundUrl } from '../../../shared/outbound-url';

export type OutboundFetch = (url: string, init: RequestInit, policy: OutboundPolicy) => Promise<Response>;

export class OutboundRefused extends Error {
  constructor(why: string) {
    super(`The address ${why}`);
    this.name = 'OutboundRefused';
  }
}

/** Over the runtime's fetch, with private addresses never allowed. */
export function guardedFetch(fetchFn: (url: string, init?: RequestInit) => Promise<Response>): OutboundFetch {
  return async (url, init) => {
    const verdict = vetOutboundUrl(url, { allowPrivateNetwork: false });
    if (!verdict.ok) throw new OutboundRefused(verdict.why);
    const res = await fetchFn(verdict.url.href, { ...init, redirect: 'manual' });
    if (res.status >= 300 && res.status < 400) throw new OutboundRefused('redirected elsewhere');
    return res;
  };
}
