// Ban, suspend until a time, or always pre-moderate a member of this site, or note something about them.
import type { ActionSummary, UserActionBody, UserHistory } from '../../../shared/schemas/moderation-api';
import type { SiteRecord, UserRecord } from '../../store/port';
import type { ServiceDeps } from '../deps';
import type { Moderator } from './moderator';
import { AppError } from '../errors';
import { userHistory } from './user-history';
import { actionRecord, toActionSummary, userSummary } from './action-record';
import { assertMayActOn } from './moderator';

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
    case 'note':
      if (!body.note.trim()) throw new AppError('invalid_input', 'A note needs some text', { note: 'must not be empty' });
      return before;
  }
}

export async function actOnUser(
  deps: ServiceDeps,
  site: SiteRecord,
  moderator: Moderator,
  userId: string,
  body: UserActionBody,
): Promise<UserHistory & { action: ActionSummary }> {
  const user = await deps.store.getUser(site.id, userId);
  if (!user) throw new AppError('not_found', 'No such member on this site');
  assertMayActOn(moderator, { userId: user.id, role: user.role });
  const now = deps.now();
  const before = userState(user);
  const after = nextState(before, body, now);
  const summary = userSummary(body.action, user.displayName, after.suspendedUntil ?? undefined);
  const record = actionRecord(deps, site, moderator, { action: body.action, targetType: 'user', targetId: user.id, before, after, detail: body.note, summary }, now);
  await deps.store.applyAction(record, { kind: 'user', userId: user.id, set: after });
  return { ...(await userHistory(deps, site, user.id)), action: toActionSummary(record) };
}
