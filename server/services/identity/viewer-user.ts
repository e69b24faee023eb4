// The stored user behind a token. Reads only look it up; writes create or refresh it from
// the token's claims, so name, tier and badges always follow the membership system.
import type { SiteRecord, UserRecord } from '../../store/port';
import type { ServiceDeps } from '../deps';
import type { MemberClaims } from './claims';

export function findViewerUser(deps: ServiceDeps, site: SiteRecord, claims: MemberClaims | null): Promise<UserRecord | null> {
  return claims ? deps.store.findUserByExternalId(site.id, claims.sub) : Promise.resolve(null);
}

export function ensureViewerUser(deps: ServiceDeps, site: SiteRecord, claims: MemberClaims): Promise<UserRecord> {
  return deps.store.upsertUser({
    id: deps.newId(),
    siteId: site.id,
    externalId: claims.sub,
    displayName: claims.name,
    tier: claims.tier,
    role: claims.role,
    badges: claims.badges,
    now: deps.now(),
  });
}
