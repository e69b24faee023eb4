// The side panel: a member's standing, counts, recent comments and past actions about them.
import type { UserHistory } from '../../../shared/schemas/moderation-api';
import type { SiteRecord } from '../../store/port';
import type { ServiceDeps } from '../deps';
import { AppError } from '../errors';
import { toAuditEntry } from './audit-view';

const THIRTY_DAYS_MS = 30 * 24 * 3600 * 1000;

export async function userHistory(deps: ServiceDeps, site: SiteRecord, userId: string): Promise<UserHistory> {
  const user = await deps.store.getUser(site.id, userId);
  if (!user) throw new AppError('not_found', 'No such member on this site');
  const [history, actions] = await Promise.all([
    deps.store.authorHistory(site.id, user.id, deps.now() - THIRTY_DAYS_MS),
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
    counts: { approved: history.approvedCount, rejected: history.rejectedCount },
    recent: history.recent.slice(0, 10),
    actions: actions.map(toAuditEntry),
  };
}
