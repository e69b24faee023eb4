// The client's address as the limits and the flooding rule count it: salted and hashed per site,
// worked out at most once a request, and only by the requests that need it (writes, bad tokens).
import type { Context } from 'hono';
import type { AppEnv } from '../../env';
import type { ServiceDeps } from '../../services/deps';
import { hashClientAddress } from '../../services/moderation/gather-facts';

export async function addressKeyOf(c: Context<AppEnv>, deps: Pick<ServiceDeps, 'ipSalt'>): Promise<string | null> {
  const known = c.get('addressKey');
  if (known !== undefined) return known;
  const key = await hashClientAddress(deps.ipSalt, c.get('site').id, c.get('clientAddress'));
  c.set('addressKey', key);
  return key;
}
