// Which address a request came from, when a proxy stands in front: its header is believed only
// when the operator says which proxy it is. Behind nginx without this, every member shares the
// proxy's address, and the per-address limits become one budget for the whole site.
import ipaddr from 'ipaddr.js';

/** TRUST_PROXY: none (the socket's address), cf-connecting-ip, or x-forwarded-for[:hops]. */
export type TrustProxy = { kind: 'none' } | { kind: 'cf-connecting-ip' } | { kind: 'x-forwarded-for'; hops: number };

export function parseTrustProxy(value: string | undefined): TrustProxy {
  const v = (value ?? 'none').trim().toLowerCase();
  if (v === '' || v === 'none') return { kind: 'none' };
  if (v === 'cf-connecting-ip') return { kind: 'cf-connecting-ip' };
  const xff = /^x-forwarded-for(?::(\d+))?$/.exec(v);
  if (xff) {
    const hops = xff[1] === undefined ? 1 : Number(xff[1]);
    if (hops >= 1 && hops <= 10) return { kind: 'x-forwarded-for', hops };
  }
  throw new Error(`TRUST_PROXY must be none, cf-connecting-ip or x-forwarded-for[:1-10], not "${value}"`);
}

const asAddress = (raw: string | undefined): string | null => {
  const v = raw?.trim().replace(/^\[|\]$/g, '');
  return v && ipaddr.isValid(v) ? ipaddr.process(v).toString() : null;
};

/**
 * The client's address given the socket's and the request's headers. X-Forwarded-For is read
 * from the right: each trusted proxy appends the address it saw, so with `hops` proxies the
 * client is the hops-th entry from the end; anything left of it was written by the client.
 */
export function clientAddressFrom(trust: TrustProxy, socket: string | null | undefined, header: (name: string) => string | undefined): string | null {
  switch (trust.kind) {
    case 'none':
      return asAddress(socket ?? undefined);
    case 'cf-connecting-ip':
      return asAddress(header('cf-connecting-ip')) ?? asAddress(socket ?? undefined);
    case 'x-forwarded-for': {
      const hops = (header('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
      return asAddress(hops[hops.length - trust.hops]) ?? asAddress(socket ?? undefined);
    }
  }
}
