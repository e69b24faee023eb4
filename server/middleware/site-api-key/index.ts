// The site owner's API key (header `X-Api-Key`), for server-to-server calls from the
// publisher. Only its SHA-256 is stored; comparison does not leak timing.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../env';
import type { SiteRecord } from '../../store/port';
import { AppError } from '../../services/errors';
import { sha256Hex } from '../../services/sha256';


function equalInConstantTime(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

export async function apiKeyMatches(site: SiteRecord, key: string): Promise<boolean> {
  return site.apiKeyHash !== null && equalInConstantTime(await sha256Hex(key), site.apiKeyHash);
}

export function siteApiKey(): MiddlewareHandler<AppEnv> {
  return async function requireSiteApiKey(c, next) {
    const key = c.req.header('X-Api-Key');
    if (!key) throw new AppError('not_signed_in', 'This endpoint needs the site API key in X-Api-Key');
    if (!(await apiKeyMatches(c.get('site'), key))) throw new AppError('forbidden', 'The API key is not valid for this site');
    await next();
  };
}
