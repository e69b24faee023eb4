// Ban, suspend until a time, or always pre-moderate a member of this site.
import type { UserActionBody, UserHistory } from '../../../shared/schemas/moderation-api';
import type { SiteRecord, UserRecord } from '../../store/port';
import type { ServiceDeps } from '../deps';
import type { Moderator } from './moderator';
import { AppError } from '../errors';
import { userHistory } from './user-history';
import { actionRecord } from './action-record';

type UserState = { banned: boolean; suspendedUntil: number | null; alwaysPremoderate: boolean };

export function userState(u: UserRecord): UserState {
  return { banned: u.banned, suspendedUntil: u.suspendedUntil, alwaysPremoderate: u.alwaysPremoderate };
}

function nextState(before: UserState, body: UserActionBody, now: number): UserState {
  switch (body.action) {
    case 'ban':
      return { ...before, banned: true };
    case 'unban':
      return { ...before, banned: false };
    case 'suspend':
      if (!body.until || body.until <= now) throw new AppError('invalid_input', 'A suspension needs an end in the future', { until: 'must be in the future' });
      return { ...before, suspendedUntil: body.until };
    case 'unsuspend':
      return { ...before, suspendedUntil: null };
    case 'premoderate':
      return { ...before, alwaysPremoderate: true };
    case 'unpremoderate':
      return { ...before, alwaysPremoderate: false };
  }
}

export async function actOnUser(deps: ServiceDeps, site: SiteRecord, moderator: Moderator, userId: string, body: UserActionBody): Promise<UserHistory> {
  const user = await deps.store.getUser(site.id, userId);
  if (!user) throw new AppError('not_found', 'No such member on this site');
  if (moderator.userId === user.id && (body.action === 'ban' || body.action === 'suspend')) {
    throw new AppError('forbidden', 'Moderators cannot ban or suspend themselves');
  }
  const now = deps.now();
  const before = userState(user);
  const after = nextState(before, body, now);
  await deps.store.applyAction(
    actionRecord(deps, site, moderator, { action: body.action, targetType: 'user', targetId: user.id, before, after, detail: body.note }),
    { kind: 'user', userId: user.id, set: after },
  );
  return userHistory(deps, site, user.id);
}
