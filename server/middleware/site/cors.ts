// CORS answers only the site's own allowed origins; other origins get no CORS headers at all,
// so browsers refuse to hand them the response.
import { cors } from 'hono/cors';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../env';

export function siteCors(): MiddlewareHandler<AppEnv> {
  return cors({
    origin: (origin, c) => {
      const allowed = (c.get('site')?.allowedOrigins ?? []).map((o: string) => o.toLowerCase().replace(/\/+$/, ''));
      return allowed.includes(origin.toLowerCase()) ? origin : null;
    },
    allowMethods: ['GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'OPTIONS'],
    allowHeaders: ['Authorization', 'Content-Type', 'X-Api-Key', 'Idempotency-Key', 'If-None-Match'],
    // The widget's live updates ask again with the thread page's ETag, and need to read it.
    exposeHeaders: ['ETag'],
    maxAge: 600,
  }) as MiddlewareHandler<AppEnv>;
}
