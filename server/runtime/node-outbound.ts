// Outbound requests from Node, with the address checked where the connection is made: the
// lookup that net.connect uses refuses private addresses, so a name that resolves to a public
// address when vetted and to 127.0.0.1 a moment later (DNS rebinding) is still refused.
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';
import type { LookupFunction } from 'node:net';
import { isPublicAddress, vetOutboundUrl } from '../../shared/outbound-url';
import { OutboundRefused, type OutboundFetch } from '../services/outbound/guarded-fetch';

// net.connect asks for every address (happy eyeballs) or for one, depending on its options.
type AnyLookupCallback = (error: Error | null, address: string | LookupAddress[], family?: number) => void;

function publicOnly(hostname: string, options: LookupOptions, callback: AnyLookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '', 0);
    const usable = addresses.filter((a) => isPublicAddress(a.address));
    if (!usable.length) return callback(new OutboundRefused('must be a public address'), '', 0);
    if (options.all) return callback(null, usable);
    callback(null, usable[0].address, usable[0].family);
  });
}
export const publicOnlyLookup = publicOnly as unknown as LookupFunction;

const NULL_BODY = new Set([204, 205, 304]);

export const nodeOutbound: OutboundFetch = async (url, init, policy) => {
  const verdict = vetOutboundUrl(url, policy);
  if (!verdict.ok) throw new OutboundRefused(verdict.why);
  const target = verdict.url;
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const body = init.body == null ? undefined : typeof init.body === 'string' ? init.body : String(init.body);
  return new Promise<Response>((resolve, reject) => {
    const req = send(
      target,
      {
        method: init.method ?? 'GET',
        headers: Object.fromEntries(new Headers(init.headers).entries()),
        signal: init.signal ?? undefined,
        ...(policy.allowPrivateNetwork ? {} : { lookup: publicOnlyLookup }),
      },
      (res) => {
        const status = res.statusCode ?? 502;
        // Never follow a redirect: it could lead anywhere, a private address included.
        if (status >= 300 && status < 400) {
          res.resume();
          return reject(new OutboundRefused('redirected elsewhere'));
        }
        const headers = new Headers();
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
        // A Response may not have a body with these statuses (a webhook receiver's 204, say), nor one outside 200–599.
        if (NULL_BODY.has(status) || status < 200 || status > 599) {
          res.resume();
          return resolve(new Response(null, { status: status < 200 || status > 599 ? 502 : status, headers }));
        }
        resolve(new Response(Readable.toWeb(res) as ReadableStream, { status, headers }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
};
