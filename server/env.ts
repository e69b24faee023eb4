// The Hono environment every route sees: the resolved site and the reader's verified claims.
import type { SiteRecord, Store } from './store/port';
import type { IdempotencyRecord } from './store/idempotency-port';
import type { MemberClaims } from './services/identity/claims';
import type { AppError } from './services/errors';
import type { Moderator } from './services/moderation/moderator';

export type AppEnv = {
  Variables: {
    site: SiteRecord;
    claims: MemberClaims | null;
    /** Why the token the request carried was refused (expired, unverifiable, another site's); claims are then null. */
    refusedToken?: AppError;
    /** The client's address as the runtime reports it; null when unknown. */
    clientAddress: string | null;
    /** That address hashed for this site, once something needed it (see middleware/site/address-key). */
    addressKey?: string | null;
    /** Set on moderator routes: who acts, for the audit log. */
    moderator: Moderator;
    /** Set on writes that carry an Idempotency-Key: the store whose first change claims the key. */
    requestStore?: Store;
    /** Set by a route that changed the site's configuration: the site resolver forgets its cached copy. */
    siteChanged?: true;
    /** What an earlier look at this request's Idempotency-Key found (see middleware/idempotency). */
    earlierWrite?: { key: string; record: IdempotencyRecord | null };
  };
};
