// The Hono environment every route sees: the resolved site and the reader's verified claims.
import type { SiteRecord } from './store/port';
import type { MemberClaims } from './services/identity/claims';

export type AppEnv = {
  Variables: {
    site: SiteRecord;
    claims: MemberClaims | null;
    /** The client's address as the runtime reports it; null when unknown. */
    clientAddress: string | null;
  };
};
