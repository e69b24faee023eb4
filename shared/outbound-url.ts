// Which addresses the server may call on a site's behalf. Outbound URLs come from site settings,
// so without this check the server would POST wherever a settings editor points it: loopback,
// the cloud metadata address, the publisher's private network (server-side request forgery).
// Shared so the dashboard refuses a URL as the server will, in the same words. It imports
// ipaddr.js (no dependencies of its own) beside zod: telling public from private addresses
// is that library's whole job, and a second hand-written copy could disagree with the server.
import ipaddr from 'ipaddr.js';

/** Public unicast only: not loopback, private, link-local, carrier NAT, reserved, mapped or multicast. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.parse(address).range() === 'unicast';
}

// Names that only ever mean a machine on this host or its own network.
const LOCAL_NAME = /(^|\.)(localhost|local|internal|intranet|lan|home\.arpa|localdomain)$/i;

export interface OutboundPolicy {
  /** The site asked for private addresses (a scorer on its own network), and this runtime allows it. */
  allowPrivateNetwork: boolean;
}

export type UrlVerdict = { ok: true; url: URL } | { ok: false; why: string };

/**
 * Whether `raw` may be called: https to a public host, no credentials in it. With private
 * addresses allowed, http and any host too. Names are checked again when they are resolved.
 */
export function vetOutboundUrl(raw: string, policy: OutboundPolicy): UrlVerdict {
  if (!URL.canParse(raw)) return { ok: false, why: 'is not a URL' };
  const url = new URL(raw);
  const schemes = policy.allowPrivateNetwork ? ['https:', 'http:'] : ['https:'];
  if (!schemes.includes(url.protocol)) return { ok: false, why: policy.allowPrivateNetwork ? 'must be an http(s) URL' : 'must be an https URL' };
  if (url.username || url.password) return { ok: false, why: 'must not carry a user name or password' };
  if (policy.allowPrivateNetwork) return { ok: true, url };
  // The URL parser has already turned decimal, octal and hex IPv4 forms into dotted quads.
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (ipaddr.isValid(host)) return isPublicAddress(host) ? { ok: true, url } : { ok: false, why: 'must be a public address' };
  if (!host.includes('.') || LOCAL_NAME.test(host.replace(/\.$/, ''))) return { ok: false, why: 'must be a public address' };
  return { ok: true, url };
}
