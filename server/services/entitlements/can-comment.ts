// Who may write in a thread. Pure: the caller gathers the site, thread, user and time.
import type { CallToAction } from '../../../shared/schemas/thread';
import type { ErrorCode } from '../../../shared/errors';
import type { SiteConfig } from '../../../shared/schemas/site';
import type { Role, ThreadRecord, UserRecord } from '../../store/port';

export interface Commenter {
  tier: string;
  role: Role;
  user: UserRecord | null; // null when they have never written here
}

export interface Refusal {
  code: ErrorCode;
  message: string;
}

export function tierMayCommentIn(site: SiteConfig, tier: string, section: string): boolean {
  const sections = site.policy.tiers[tier] ?? [];
  return sections.includes('*') || sections.includes(section);
}

export function refusalToComment(site: SiteConfig, thread: ThreadRecord, who: Commenter | null, now: number): Refusal | null {
  if (!who) return { code: 'not_signed_in', message: 'Sign in as a member to comment' };
  if (who.user?.banned) return { code: 'banned', message: 'This account is banned from commenting on this site' };
  if (who.user?.suspendedUntil && who.user.suspendedUntil > now) {
    return { code: 'suspended', message: `This account is suspended until ${new Date(who.user.suspendedUntil).toISOString()}` };
  }
  const staff = who.role === 'moderator' || who.role === 'admin';
  if (thread.closed && !staff) return { code: 'thread_closed', message: 'This thread is closed' };
  if (!staff && !tierMayCommentIn(site, who.tier, thread.section)) {
    return { code: 'tier_not_allowed_here', message: `The ${who.tier || 'current'} tier may not comment in section ${thread.section}` };
  }
  return null;
}

/** The invitation shown instead of a composer, when there is one to show. */
export function callToActionFor(site: SiteConfig, refusal: Refusal | null): CallToAction | null {
  if (refusal?.code === 'not_signed_in') return site.callsToAction.guest;
  if (refusal?.code === 'tier_not_allowed_here') return site.callsToAction.upgrade;
  return null;
}
