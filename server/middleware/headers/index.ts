// Response headers every answer carries, and what authenticated answers add. The widget calls
// the API from publishers' pages, so resources stay loadable cross-origin (no CORP/COEP/COOP);
// the dashboard page sets its own Content-Security-Policy.
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

export const baseHeaders = (): MiddlewareHandler =>
  secureHeaders({
    referrerPolicy: 'strict-origin-when-cross-origin',
    crossOriginResourcePolicy: false,
    crossOriginOpenerPolicy: false,
    crossOriginEmbedderPolicy: false,
    originAgentCluster: false,
    strictTransportSecurity: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xPermittedCrossDomainPolicies: false,
  });

const CREDENTIALS = ['Authorization', 'X-Api-Key'];

/**
 * An answer given to credentials is for them alone: never stored by a shared cache, and every
 * answer says it depends on them, so a cached guest page is never served to a member either.
 */
export function privateWhenAuthenticated(): MiddlewareHandler {
  return async function privateWhenAuthenticated(c, next) {
    await next();
    // A response read back from a cache may have immutable headers: copy it before changing them.
    const res = new Response(c.res.body, c.res);
    const vary = res.headers.get('Vary');
    const missing = CREDENTIALS.filter((h) => !vary?.toLowerCase().split(/\s*,\s*/).includes(h.toLowerCase()));
    if (missing.length) res.headers.set('Vary', [vary, ...missing].filter(Boolean).join(', '));
    // A route that already chose a private policy keeps it (members' thread reads revalidate by ETag).
    const chosen = res.headers.get('Cache-Control') ?? '';
    if (CREDENTIALS.some((h) => c.req.header(h)) && !/\bprivate\b/.test(chosen)) res.headers.set('Cache-Control', 'private, no-store');
    c.res = undefined;
    c.res = res;
  };
}
