// Reads the reader's token from `Authorization: Bearer …` and verifies it for this site.
// No header: a guest. A bad token is refused (401) so the widget can fetch a fresh one.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../env';
import type { TokenVerifier } from '../../services/identity/verify-token';

export interface MemberAuthOptions {
  verifier: TokenVerifier;
  now: () => number;
}

export function memberAuth(options: MemberAuthOptions): MiddlewareHandler<AppEnv> {
  return async function authenticateMember(c, next) {
    const header = c.req.header('Authorization');
    const token = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
    const site = c.get('site');
    c.set('claims', token ? await options.verifier.verify(site.id, site.sso, token, options.now()) : null);
    await next();
  };
}
