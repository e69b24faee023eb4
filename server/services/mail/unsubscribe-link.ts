// One-click unsubscribe links (RFC 8058): what to turn off, for whom, signed with a key this
// installation keeps in its database, so a link works on every instance and after restarts, and
// nobody can unsubscribe someone else by editing one.
import type { UnsubscribeQuery } from '../../../shared/schemas/mail';
import { hmacSha256 } from '../sha256';
import type { ServiceDeps } from '../deps';

const KEY_NAME = 'mail-links';

function base64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

// The key never changes once made, so each store asks the database for it once, not per link.
// The key itself is kept, never a pending promise: on Workers a request may not wait on another's work.
const keys = new WeakMap<object, string>();

async function linkKey(deps: ServiceDeps): Promise<string> {
  let key = keys.get(deps.store);
  if (key === undefined) {
    key = await deps.store.instanceSecret(KEY_NAME, base64url(crypto.getRandomValues(new Uint8Array(32))));
    keys.set(deps.store, key);
  }
  return key;
}

async function signature(key: string, siteId: string, q: Omit<UnsubscribeQuery, 's'>): Promise<string> {
  return base64url(await hmacSha256(key, [siteId, q.u, q.l, q.t ?? ''].join('\n')));
}

/** The link (and the List-Unsubscribe headers) for one list of one recipient. */
export async function unsubscribeLink(deps: ServiceDeps, publicUrl: string, siteId: string, q: Omit<UnsubscribeQuery, 's'>) {
  const s = await signature(await linkKey(deps), siteId, q);
  const params = new URLSearchParams({ u: q.u, l: q.l, ...(q.t ? { t: q.t } : {}), s });
  const url = `${publicUrl.replace(/\/+$/, '')}/api/v1/sites/${encodeURIComponent(siteId)}/mail/unsubscribe?${params}`;
  return { url, headers: { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } };
}

/** Whether the link's signature is this installation's for these values (compared in constant time). */
export async function verifyUnsubscribe(deps: ServiceDeps, siteId: string, q: UnsubscribeQuery): Promise<boolean> {
  const expected = await signature(await linkKey(deps), siteId, q);
  if (expected.length !== q.s.length) return false;
  let diff = 0;
  for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ q.s.charCodeAt(i);
  return diff === 0;
}
