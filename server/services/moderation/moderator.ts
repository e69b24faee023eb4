// Who performs a moderation action, and what they may act on. Moderators act on members only;
// admins also on moderators; the site owner's API key on anyone; nobody on themselves. A banned
// or suspended staff member has no staff powers while it lasts (the `moderate` rules).
import { isStaff, type Role } from '../../../shared/schemas/common';
import type { SiteRecord } from '../../store/port';
import type { ServiceDeps } from '../deps';
import type { MemberClaims } from '../identity/claims';
import { AppError } from '../errors';
import { ensureViewerUser } from '../identity/viewer-user';
import { judgeWrite } from '../writes/judge-write';

export interface Moderator {
  actor: string; // "user:<id>" or "api-key"
  name: string;
  userId: string | null;
  via: 'token' | 'api-key';
  /** The site owner's key ranks above every role. */
  rank: Role | 'owner';
}

export const SITE_OWNER: Moderator = { actor: 'api-key', name: 'Site owner', userId: null, via: 'api-key', rank: 'owner' };

/** The moderator behind a reader token, refused unless their role and standing allow it. */
export async function moderatorFromClaims(deps: ServiceDeps, site: SiteRecord, claims: MemberClaims): Promise<Moderator> {
  if (!isStaff(claims.role)) throw new AppError('forbidden', 'Only moderators and admins of this site may moderate');
  const user = await ensureViewerUser(deps, site, claims);
  await judgeWrite(deps, { kind: 'moderate', site, thread: null, claims, user });
  return { actor: `user:${user.id}`, name: user.displayName, userId: user.id, via: 'token', rank: claims.role };
}

const OUTRANKS: Record<Moderator['rank'], Role[]> = {
  owner: ['member', 'moderator', 'admin'],
  admin: ['member', 'moderator'],
  moderator: ['member'],
  member: [],
};

/** Refuses an action on a member, or on a member's comment, that this moderator may not take. */
export function assertMayActOn(moderator: Moderator, target: { userId: string; role: Role }): void {
  if (moderator.userId !== null && moderator.userId === target.userId) {
    throw new AppError('cannot_act_on_self', 'Moderators cannot moderate themselves or their own comments');
  }
  if (!OUTRANKS[moderator.rank].includes(target.role)) {
    const who = moderator.rank === 'moderator' ? 'Moderators act on members only' : 'Admins act on members and moderators only';
    throw new AppError('role_not_allowed', `${who}; this is ${target.role === 'admin' ? 'an admin' : `a ${target.role}`}`);
  }
}
