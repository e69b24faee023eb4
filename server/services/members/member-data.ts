// Members' data rights: access (everything held about a member, as JSON) and erasure (in one
// transaction, audited with counts only). Asked for by the publisher with its site API key, on the
// member's behalf; `sub` is the member's id in the publisher's membership system.
import type { ErasureResponse, MemberDataResponse } from '../../../shared/schemas/member-data';
import type { SiteRecord } from '../../store/port';
import type { ServiceDeps } from '../deps';
import { AppError } from '../errors';

async function memberOf(deps: ServiceDeps, site: SiteRecord, sub: string) {
  const user = await deps.store.findUserByExternalId(site.id, sub);
  if (!user) throw new AppError('member_not_found', 'No member with that id has used comments on this site');
  return user;
}

export async function memberDataFor(deps: ServiceDeps, site: SiteRecord, sub: string): Promise<MemberDataResponse> {
  const user = await memberOf(deps, site, sub);
  const data = await deps.store.memberData(site.id, user.id);
  if (!data) throw new AppError('member_not_found', 'No member with that id has used comments on this site');
  return { version: 1, ...data };
}

export async function eraseMember(deps: ServiceDeps, site: SiteRecord, sub: string): Promise<ErasureResponse> {
  const user = await memberOf(deps, site, sub);
  const mode = site.settings.erasure;
  const actionId = deps.newId();
  const erased = await deps.store.eraseMember({
    siteId: site.id,
    userId: user.id,
    externalId: user.externalId,
    mode,
    now: deps.now(),
    audit: { id: actionId, actor: 'api-key', actorName: 'Site API key' },
  });
  if (!erased) throw new AppError('member_not_found', 'No member with that id has used comments on this site');
  return { erased, mode, actionId };
}
