// Moderator routes admit the site owner's API key, or a reader token whose role is moderator
// or admin for this site (the token's audience already pinned it to the site), held by a
// member in good standing.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../env';
import type { ServiceDeps } from '../../services/deps';
import { AppError } from '../../services/errors';
import { moderatorFromClaims, SITE_OWNER } from '../../services/moderation/moderator';
import { apiKeyMatches } from '../site-api-key';

export function requireModerator(deps: ServiceDeps): MiddlewareHandler<AppEnv> {
  return async function admitModerator(c, next) {
    const site = c.get('site');
    const key = c.req.header('X-Api-Key');
    if (key) {
      // Against the key as stored, never a cached site: a rotated key is refused at once on every instance.
      // Writes already read the site afresh (see middleware/site).
      const stored = c.req.method === 'GET' || c.req.method === 'HEAD' ? await deps.store.getSite(site.id) : site;
      if (!stored || !(await apiKeyMatches(stored, key))) throw new AppError('forbidden', 'The API key is not valid for this site');
      c.set('moderator', SITE_OWNER);
      return next();
    }
    const claims = c.get('claims');
    if (!claims) throw new AppError('not_signed_in', 'Sign in as a moderator, or send the site API key in X-Api-Key');
    c.set('moderator', await moderatorFromClaims(deps, site, claims));
    await next();
  };
}
