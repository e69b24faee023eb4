// The stored user behind a token. Reads only look it up; writes create or refresh it from
// the token's claims, so name, tier, badges and avatar always follow the membership system.
import type { SiteRecord, UserRecord } from '../../store/port';
import type { ServiceDeps } from '../deps';
import type { MemberClaims } from './claims';
import { claimImportedAuthors } from './claim-imported';

export function findViewerUser(deps: ServiceDeps, site: SiteRecord, claims: MemberClaims | null): Promise<UserRecord | null> {
  return claims ? deps.store.findUserByExternalId(site.id, claims.sub) : Promise.resolve(null);
}

/** Whether the stored user already says what the token says (no write needed). */
function matchesClaims(user: UserRecord, claims: MemberClaims): boolean {
  return (
    user.displayName === claims.name &&
    user.tier === claims.tier &&
    user.role === claims.role &&
    user.avatarUrl === claims.avatar &&
    user.badges.length === claims.badges.length &&
    user.badges.every((badge, i) => badge === claims.badges[i])
  );
}

/**
 * The stored user for a writer, created or refreshed from the token. A returning member whose
 * claims have not changed costs no write (writes wait for their own disk sync). Pass `known` when
 * the caller already looked the user up.
 */
export async function ensureViewerUser(deps: ServiceDeps, site: SiteRecord, claims: MemberClaims, known?: UserRecord | null): Promise<UserRecord> {
  const user = await storedViewerUser(deps, site, claims, known);
  if (claims.importedAs.length) await claimImportedAuthors(deps, site, user, claims);
  return user;
}

async function storedViewerUser(deps: ServiceDeps, site: SiteRecord, claims: MemberClaims, known?: UserRecord | null): Promise<UserRecord> {
  const existing = known === undefined ? await deps.store.findUserByExternalId(site.id, claims.sub) : known;
  if (existing && matchesClaims(existing, claims)) return existing;
  return deps.store.upsertUser({
    id: deps.newId(),
    siteId: site.id,
    externalId: claims.sub,
    displayName: claims.name,
    tier: claims.tier,
    role: claims.role,
    badges: claims.badges,
    // A token without the claim clears it: the publisher says who the member is, picture included.
    avatarUrl: claims.avatar,
    now: deps.now(),
  });
}
