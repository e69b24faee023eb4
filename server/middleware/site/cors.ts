// CORS answers only the site's own allowed origins; other origins get no CORS headers on the
// site's data, so browsers refuse to hand it to them. Two answers carry none of the site's data and
// are readable wherever the widget was embedded, so it can say what is wrong: an unknown site
// (see the site resolver) and a thread read from an origin the site does not allow (below), whose
// preflight is answered too.
import { cors } from 'hono/cors';
import type { Context, MiddlewareHandler } from 'hono';
import { apiPaths } from '../../../shared/api-paths';
import type { AppEnv } from '../../env';
import type { SiteRecord } from '../../store/port';
import { AppError } from '../../services/errors';

/** Whether the site lists this origin (as browsers send it: scheme, host, port) among its allowed ones. */
export function allowsOrigin(site: SiteRecord, origin: string): boolean {
  return site.allowedOrigins.some((allowed) => allowed.toLowerCase().replace(/\/+$/, '') === origin.toLowerCase());
}

/**
 * A preflight for the thread read, from any origin: it holds nothing, and without it a signed-in
 * reader's read (it sends Authorization) would never get as far as being refused with the reason.
 */
function preflightsThreadRead(c: Context<AppEnv>): boolean {
  return c.req.method === 'OPTIONS' && c.req.header('Access-Control-Request-Method') === 'GET' && new URL(c.req.url).pathname === apiPaths.thread(c.get('site').id);
}

export function siteCors(): MiddlewareHandler<AppEnv> {
  return cors({
    origin: (origin, c) => (allowsOrigin(c.get('site'), origin) || preflightsThreadRead(c) ? origin : null),
    allowMethods: ['GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'OPTIONS'],
    allowHeaders: ['Authorization', 'Content-Type', 'X-Api-Key', 'Idempotency-Key', 'If-None-Match'],
    // The widget's live updates ask again with the thread page's ETag, and need to read it.
    exposeHeaders: ['ETag'],
    maxAge: 600,
  }) as MiddlewareHandler<AppEnv>;
}

/**
 * Refuses a request from a browser page whose origin the site does not allow, with a 403 that
 * origin may read (and nothing of the site in it): the widget then tells the publisher what to
 * fix instead of failing as unreachable. Requests without an Origin (servers, curl) pass.
 */
export function allowedOriginsOnly(): MiddlewareHandler<AppEnv> {
  return async function refuseOtherOrigins(c, next) {
    const origin = c.req.header('Origin');
    if (origin !== undefined && !allowsOrigin(c.get('site'), origin)) {
      const message = `Comments cannot be loaded on ${origin}: add ${origin} to the site's allowed origins (allowedOrigins) to embed them there`;
      throw new AppError('origin_not_allowed', message, undefined, { 'Access-Control-Allow-Origin': origin });
    }
    await next();
  };
}
