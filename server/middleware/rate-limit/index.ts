// Member writes count against the member's and the address's limits before any work is done;
// the widget's call-to-action events against the address's own limit.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../env';
import type { ServiceDeps } from '../../services/deps';
import { takeOne } from '../../services/limits/rate-limit';
import { addressKeyOf } from '../site/address-key';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function writeLimits(deps: ServiceDeps): MiddlewareHandler<AppEnv> {
  return async function limitWrites(c, next) {
    if (READS.has(c.req.method)) return next();
    const site = c.get('site');
    const claims = c.get('claims');
    const address = await addressKeyOf(c, deps);
    await Promise.all([claims ? takeOne(deps, site, 'member-writes', claims.sub) : null, address ? takeOne(deps, site, 'address-writes', address) : null]);
    await next();
  };
}

/** Each call-to-action event counts against its address's limit, before the body is even read. */
export function ctaEventLimit(deps: ServiceDeps): MiddlewareHandler<AppEnv> {
  return async function limitCtaEvents(c, next) {
    const address = await addressKeyOf(c, deps);
    if (address) await takeOne(deps, c.get('site'), 'address-cta-events', address);
    await next();
  };
}
