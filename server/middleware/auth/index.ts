// Reads the reader's token from `Authorization: Bearer …` and verifies it for this site.
// No header: a guest. A refused token (expired, unverifiable, another site's) leaves the reader a
// guest with the refusal kept: thread reads answer the guest view saying so (see readerSession),
// everything after refuseRefusedTokens answers 401 with its code, so the widget can fetch a fresh
// token. An address that keeps sending bad tokens is refused (429) before its next one is checked.
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../env';
import type { ServiceDeps } from '../../services/deps';
import type { TokenVerifier } from '../../services/identity/verify-token';
import type { MemberClaims } from '../../services/identity/claims';
import type { TokenState } from '../../../shared/schemas/thread';
import { TOKEN_REFUSALS } from '../../../shared/errors';
import { AppError } from '../../services/errors';
import { assertRoomFor, countFailure } from '../../services/limits/rate-limit';
import { addressKeyOf } from '../site/address-key';

export interface MemberAuthOptions {
  verifier: TokenVerifier;
  now: () => number;
  deps: ServiceDeps;
}

export function memberAuth(options: MemberAuthOptions): MiddlewareHandler<AppEnv> {
  return async function authenticateMember(c, next) {
    const header = c.req.header('Authorization');
    const token = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
    c.set('claims', null);
    if (!token) return next();
    const verified = await verifyReaderToken(c, options, token);
    if ('claims' in verified) c.set('claims', verified.claims);
    else c.set('refusedToken', verified.refused);
    await next();
  };
}

/**
 * A reader's token checked for the request's site: its claims, or why it was refused. Failures
 * count against the address's limit, and past it no token is checked (429). Also for tokens that
 * come in a body (the widget's beacons cannot send headers).
 */
export async function verifyReaderToken(
  c: Context<AppEnv>,
  options: MemberAuthOptions,
  token: string,
): Promise<{ claims: MemberClaims } | { refused: AppError }> {
  const { deps } = options;
  const site = c.get('site');
  const address = await addressKeyOf(c, deps);
  if (address) await assertRoomFor(deps, site, 'address-token-failures', address);
  try {
    return { claims: await options.verifier.verify(site.id, site.sso, token, options.now()) };
  } catch (error) {
    // A key set that could not be fetched is the site's trouble, not the reader's: not counted.
    if (address && error instanceof AppError && error.code !== 'unavailable') await countFailure(deps, site, 'address-token-failures', address);
    if (!(error instanceof AppError && TOKEN_REFUSALS[error.code])) throw error;
    return { refused: error };
  }
}

/** Answers 401 with the refused token's code: for every request but the thread reads mounted before it. */
export function refuseRefusedTokens(): MiddlewareHandler<AppEnv> {
  return async function refuseRefusedToken(c, next) {
    const refused = c.get('refusedToken');
    if (refused) throw refused;
    await next();
  };
}

/** What became of the token the request carried, as the thread view's `viewer.session` says it. */
export function readerSession(c: Context<AppEnv>): TokenState {
  const refused = c.get('refusedToken');
  if (refused) return TOKEN_REFUSALS[refused.code] ?? 'invalid';
  return c.get('claims') ? 'valid' : 'none';
}
