// Moderator routes admit the site owner's API key, or a reader token whose role is moderator
// or admin for this site (the token's audience already pinned it to the site).
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../env';
import type { ServiceDeps } from '../../services/deps';
import { AppError } from '../../services/errors';
import { ensureViewerUser } from '../../services/identity/viewer-user';
import { apiKeyMatches } from '../site-api-key';

export function requireModerator(deps: ServiceDeps): MiddlewareHandler<AppEnv> {
  return async function admitModerator(c, next) {
    const site = c.get('site');
    const key = c.req.header('X-Api-Key');
    if (key) {
      if (!(await apiKeyMatches(site, key))) throw new AppError('forbidden', 'The API key is not valid for this site');
      c.set('moderator', { actor: 'api-key', name: 'Site owner', userId: null, via: 'api-key' });
      return next();
    }
    const claims = c.get('claims');
    if (!claims) throw new AppError('not_signed_in', 'Sign in as a moderator, or send the site API key in X-Api-Key');
    if (claims.role !== 'moderator' && claims.role !== 'admin') throw new AppError('forbidden', 'Only moderators and admins of this site may moderate');
    const user = await ensureViewerUser(deps, site, claims);
    c.set('moderator', { actor: `user:${user.id}`, name: user.displayName, userId: user.id, via: 'token' });
    await next();
  };
}
