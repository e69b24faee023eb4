// Reads the reader's token from `Authorization: Bearer …` and verifies it for this site.
// No header: a guest. A bad token is refused (401) so the widget can fetch a fresh one. An
// address that keeps sending bad tokens is refused (429) before its next one is even checked.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../env';
import type { ServiceDeps } from '../../services/deps';
import type { TokenVerifier } from '../../services/identity/verify-token';
import { AppError } from '../../services/errors';
import { assertRoomFor, countFailure } from '../../services/limits/rate-limit';
import { addressKeyOf } from '../site/address-key';

export interface MemberAuthOptions {
  verifier: TokenVerifier;
  now: () => number;
  deps: ServiceDeps;
}

export function memberAuth(options: MemberAuthOptions): MiddlewareHandler<AppEnv> {
  const { deps } = options;
  return async function authenticateMember(c, next) {
    const header = c.req.header('Authorization');
    const token = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
    const site = c.get('site');
    if (!token) {
      c.set('claims', null);
      return next();
    }
    const address = await addressKeyOf(c, deps);
    if (address) await assertRoomFor(deps, site, 'address-token-failures', address);
    try {
      c.set('claims', await options.verifier.verify(site.id, site.sso, token, options.now()));
    } catch (error) {
      // A key set that could not be fetched is the site's trouble, not the reader's: not counted.
      if (address && error instanceof AppError && error.code !== 'unavailable') await countFailure(deps, site, 'address-token-failures', address);
      throw error;
    }
    await next();
  };
}
