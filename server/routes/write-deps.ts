// Write routes hand their service the request's store: with an Idempotency-Key it is the one that
// claims the key in the change's own transaction (see middleware/idempotency).
import type { Context } from 'hono';
import type { AppEnv } from '../env';
import type { ServiceDeps } from '../services/deps';
import type { WriteOnceHandler } from '../middleware/idempotency';

/** The idempotent-write wrapper for a route group, given who counts as the sender there. */
export type WriteOnce = (sender: (c: Context<AppEnv>) => string | null) => WriteOnceHandler;

export function writeDeps(c: Context<AppEnv>, deps: ServiceDeps): ServiceDeps {
  const store = c.get('requestStore');
  return store ? { ...deps, store } : deps;
}

/** Who sends a member write: the member the token names; a guest cannot write. */
export function memberSender(c: Context<AppEnv>): string | null {
  const claims = c.get('claims');
  return claims ? `member:${claims.sub}` : null;
}
