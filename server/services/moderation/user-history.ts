// The moderators' drawer: a member's standing, counts, newest comments and the history of actions about them.
import type { UserHistory } from '../../../shared/schemas/moderation-api';
import type { SiteRecord } from '../../store/port';
import type { ServiceDeps } from '../deps';
import { AppError } from '../errors';
import { toAuditEntry } from './audit-view';

/** As many comments as the drawer lists; the counts cover all of them. */
const COMMENTS_SHOWN = 50;

export async function userHistory(deps: ServiceDeps, site: SiteRecord, userId: string): Promise<UserHistory> {
  const user = await deps.store.getUser(site.id, userId);
  if (!user) throw new AppError('not_found', 'No such member on this site');
  const [record, actions] = await Promise.all([
    deps.store.memberRecord(site.id, user.id, COMMENTS_SHOWN),
    deps.store.listActions(site.id, { targetType: 'user', targetId: user.id, limit: 50 }),
  ]);
  return {
    user: {
      id: user.id,
      name: user.displayName,
      tier: user.tier,
      role: user.role,
      banned: user.banned,
      suspendedUntil: user.suspendedUntil,
      alwaysPremoderate: user.alwaysPremoderate,
    },
    counts: record.counts,
    comments: record.comments,
    actions: actions.map(toAuditEntry),
  };
}
