// Resolves the site named in the path, with a short in-memory cache so a busy page does not
// read the sites table on every request. Reads may lag a settings change by the cache's life;
// writes may not, so every write reads the site afresh (one primary-key read) and a rule saved
// a moment ago applies to the very next post on every instance; a site saved through this instance
// is forgotten at once, so its next read shows the change. 404 for unknown sites, first,
// readable from any origin: it holds nothing, and the widget can then say the site is not set up.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../env';
import type { SiteRecord, Store } from '../../store/port';
import { AppError } from '../../services/errors';
import { SiteId } from '../../../shared/schemas/common';

export interface SiteResolverOptions {
  store: Store;
  now: () => number;
  /** How long a site's configuration may be served from memory. */
  ttlMs?: number;
}

const noSuchSite = () => new AppError('site_not_found', 'No such site', undefined, { 'Access-Control-Allow-Origin': '*' });

export function siteResolver(options: SiteResolverOptions): MiddlewareHandler<AppEnv> {
  const ttlMs = options.ttlMs ?? 5000;
  const cache = new Map<string, { site: SiteRecord | null; at: number }>();
  return async function resolveSite(c, next) {
    const siteId = c.req.param('siteId') ?? '';
    if (!SiteId.safeParse(siteId).success) throw noSuchSite();
    const now = options.now();
    const write = c.req.method !== 'GET' && c.req.method !== 'HEAD' && c.req.method !== 'OPTIONS';
    let entry = cache.get(siteId);
    if (write || !entry || now - entry.at >= ttlMs) {
      entry = { site: await options.store.getSite(siteId), at: now };
      if (cache.size > 1000) cache.clear();
      cache.set(siteId, entry);
    }
    if (!entry.site) throw noSuchSite();
    c.set('site', entry.site);
    try {
      await next();
    } finally {
      // A saved configuration is read afresh by this instance's next request; others within ttlMs.
      if (c.get('siteChanged')) cache.delete(siteId);
    }
  };
}
