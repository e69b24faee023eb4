// A member taking over the comments imported under another system's account (README: "Claiming
// imported authors"). The publisher's token names them in `importedAs`; on the member's first
// write that carries it, every unclaimed imported author it names hands its comments to the
// member's own user, in one transaction. Claimed authors stay claimed: later tokens cost one read.
import type { SiteRecord, UserRecord } from '../../store/port';
import type { ServiceDeps } from '../deps';
import { claimableExternalIds } from '../import/author-key';
import type { MemberClaims } from './claims';

export async function claimImportedAuthors(deps: ServiceDeps, site: SiteRecord, member: UserRecord, claims: MemberClaims): Promise<number> {
  const externalIds = claimableExternalIds(claims.importedAs);
  if (!externalIds.length) return 0;
  const imported = await deps.store.unclaimedImportedUsers(site.id, externalIds);
  if (!imported.length) return 0;
  return deps.store.claimImportedUsers(site.id, member.id, imported.map((u) => u.id), deps.now());
}
