// Verifies the reader's token as the site configured: HS256 with the site's secret, or
// RS256/ES256 against its public key or JWKS URL. The audience must be the site's id.
// Keys are imported once per site configuration and reused.
import {
  createRemoteJWKSet,
  decodeProtectedHeader,
  errors as joseErrors,
  importSPKI,
  jwtVerify,
  type JWTVerifyGetKey,
  type CryptoKey,
} from 'jose';
import { DEFAULT_MAX_TOKEN_LIFETIME_SECONDS, type SsoConfig } from '../../../shared/schemas/site';
import { issuesToFields } from '../../../shared/validation';
import { AppError } from '../errors';
import { MemberClaims } from './claims';

const ASYMMETRIC = ['RS256', 'ES256'] as const;

type KeySource = { alg: string[]; key: Uint8Array | CryptoKey | JWTVerifyGetKey };

export interface TokenVerifier {
  verify(siteId: string, sso: SsoConfig, token: string, now: number): Promise<MemberClaims>;
}

export function createTokenVerifier(): TokenVerifier {
  const cache = new Map<string, KeySource[]>();

  async function keySources(siteId: string, sso: SsoConfig): Promise<KeySource[]> {
    const cacheKey = siteId + '\n' + JSON.stringify(sso);
    const hit = cache.get(cacheKey);
    if (hit) return hit;
    const sources: KeySource[] = [];
    if (sso.hs256Secret) sources.push({ alg: ['HS256'], key: new TextEncoder().encode(sso.hs256Secret) });
    if (sso.publicKeyPem) {
      for (const alg of ASYMMETRIC) {
        // A PEM holds either an RSA or an EC key; import it for whichever algorithm it fits.
        const key = await importSPKI(sso.publicKeyPem, alg).catch(() => null);
        if (key) sources.push({ alg: [alg], key });
      }
    }
    if (sso.jwksUrl) sources.push({ alg: [...ASYMMETRIC], key: createRemoteJWKSet(new URL(sso.jwksUrl), { timeoutDuration: 3000 }) });
    cache.set(cacheKey, sources);
    return sources;
  }

  return {
    async verify(siteId, sso, token, now) {
      let alg: string | undefined;
      try {
        alg = decodeProtectedHeader(token).alg;
      } catch {
        throw new AppError('token_invalid', 'The token is not a JWT');
      }
      const source = (await keySources(siteId, sso)).find((s) => alg && s.alg.includes(alg));
      if (!source) throw new AppError('token_algorithm_not_allowed', `Tokens signed with ${alg ?? 'no algorithm'} are not accepted by this site`);
      let payload: unknown;
      try {
        const options = { algorithms: source.alg, audience: siteId, issuer: sso.issuer, currentDate: new Date(now), requiredClaims: ['exp', 'sub'] };
        // jwtVerify is overloaded per key kind; every source holds one of its accepted kinds.
        payload = (await jwtVerify(token, source.key as Uint8Array, options)).payload;
      } catch (error) {
        throw fromJoseError(error, typeof source.key === 'function');
      }
      assertLifetime(payload as { exp: number; iat?: unknown }, sso.maxTokenLifetimeSeconds ?? DEFAULT_MAX_TOKEN_LIFETIME_SECONDS, now);
      const claims = MemberClaims.safeParse(payload);
      if (!claims.success) throw new AppError('token_invalid', 'The token lacks required claims', issuesToFields(claims.error.issues));
      return claims.data;
    },
  };
}

/** A leaked token stays useful only as long as the site allows: refuse one that lives longer. */
function assertLifetime(payload: { exp: number; iat?: unknown }, maxSeconds: number, now: number): void {
  const nowSeconds = Math.floor(now / 1000);
  // An issue time in the future (a skewed clock) counts from now.
  const issued = typeof payload.iat === 'number' ? Math.min(payload.iat, nowSeconds) : nowSeconds;
  if (payload.exp - issued > maxSeconds) {
    throw new AppError('token_invalid', `The token lives longer than this site allows (${maxSeconds} seconds from issue to expiry)`);
  }
}

function fromJoseError(error: unknown, fromKeySet: boolean): AppError {
  if (error instanceof joseErrors.JWTExpired) return new AppError('token_expired', 'The token has expired');
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return new AppError('token_wrong_audience', 'The token was issued for another site');
    return new AppError('token_invalid', `The token's ${error.claim} claim is not valid: ${error.reason}`);
  }
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return new AppError('token_algorithm_not_allowed', 'The token algorithm is not accepted');
  if (error instanceof joseErrors.JWKSTimeout || error instanceof joseErrors.JWKSInvalid || (fromKeySet && keySetUnreachable(error))) {
    return new AppError('unavailable', 'The site key set could not be fetched');
  }
  return new AppError('token_invalid', 'The token signature or format is not valid');
}

/** A key set that cannot be fetched says nothing about the token: the reader should retry, not sign in again. */
function keySetUnreachable(error: unknown): boolean {
  // jose passes fetch failures through as they are (Node: a TypeError; workerd: "Network connection
  // lost." marked retryable) and wraps bad HTTP answers in a generic JOSEError.
  if (error instanceof TypeError || (error as { retryable?: unknown })?.retryable === true) return true;
  if (/network connection lost/i.test(String((error as Error)?.message))) return true;
  return error instanceof joseErrors.JOSEError && error.code === 'ERR_JOSE_GENERIC' && /JSON Web Key Set/.test(error.message);
}
