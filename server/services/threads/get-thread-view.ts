// Everything the widget needs for its first render, in one response: the thread, what the
// viewer may do here (and the invitation when they may not), the site's texts, the first page.
// Whether the composer is offered comes from the same rules that judge a post (kind `view`).
import type { CallToAction, ThreadQuery, ThreadView, TokenState } from '../../../shared/schemas/thread';
import { lapsed } from '../../../shared/errors';
import { own } from '../../../shared/own';
import type { SiteRecord, ThreadRecord, UserRecord } from '../../store/port';
import type { Refusal } from '../../moderation/types';
import type { ServiceDeps } from '../deps';
import type { MemberClaims } from '../identity/claims';
import { findViewerUser } from '../identity/viewer-user';
import { listPage } from '../comments/list-page';
import { judge } from '../writes/judge-write';
import { MAX_COMMENT_LENGTH } from '../../../shared/schemas/comment';
import { openThread } from './open-thread';
import { isClosed } from './closed-state';

/** Who reads: their verified claims (null for a guest) and what became of the token they sent. */
export interface Reader {
  claims: MemberClaims | null;
  session: TokenState;
}

export async function getThreadView(
  deps: ServiceDeps,
  site: SiteRecord,
  { claims, session }: Reader,
  query: ThreadQuery,
  /** The thread when the caller already opened it (the cached read path does). */
  opened?: ThreadRecord,
): Promise<ThreadView> {
  const [thread, user] = await Promise.all([
    opened ?? openThread(deps, { site, url: query.url, pageId: query.pageId, title: query.title }),
    findViewerUser(deps, site, claims),
  ]);
  const [{ outcome }, page] = await Promise.all([
    judge(deps, { kind: 'view', site, thread, claims, user }),
    listPage(deps, { site, thread, viewer: user, sort: query.sort, limit: query.limit }),
  ]);
  const refusal = outcome.kind === 'refused' ? outcome.refusal : null;
  const standing = user && (refusal?.code === 'banned' || refusal?.code === 'suspended') ? await standingOf(deps, site, user, refusal.code) : undefined;
  return {
    thread: threadInfo(thread, site, deps.now()),
    viewer: {
      signedIn: claims !== null,
      userId: user?.id ?? null,
      name: claims?.name ?? null,
      role: claims?.role ?? null,
      canComment: refusal === null,
      reason: refusal?.code ?? null,
      // A member whose sign-in lapsed is asked to sign in again (by the widget), never invited to subscribe.
      callToAction: lapsed(session) ? null : callToActionFor(site, refusal, claims),
      session,
      ...(standing ? { standing } : {}),
      ...(claims?.email && deps.mail && site.settings.mail.enabled ? { mail: true } : {}),
    },
    site: {
      name: site.name,
      guidelines: site.guidelines,
      guidelinesDisplay: site.settings.guidelinesDisplay,
      signInUrl: signInUrlOf(site),
      strings: site.settings.strings,
      theme: site.settings.theme,
      editWindowSeconds: site.settings.editWindowSeconds,
      maxLength: maxCommentLength(site),
    },
    sort: query.sort,
    ...page,
  };
}

/**
 * What a banned or suspended member is told besides the sentence: when a suspension ends, and the
 * note the moderator left with the ban or suspension in force (the newest not undone), if any.
 */
async function standingOf(deps: ServiceDeps, site: SiteRecord, user: UserRecord, code: 'banned' | 'suspended') {
  const action = code === 'banned' ? 'ban' : 'suspend';
  const [latest] = (await deps.store.listActions(site.id, { targetType: 'user', targetId: user.id, action, limit: 5 })).filter((a) => !a.undoneBy);
  return { until: code === 'suspended' ? user.suspendedUntil : null, note: latest?.detail ?? '' };
}

/** The longest comment the composer should allow: the body-length rule's, or the API's own limit. */
export function maxCommentLength(site: SiteRecord): number {
  const { enabled, max } = site.settings.moderation.rules.bodyLength;
  return enabled ? max : MAX_COMMENT_LENGTH;
}

/** The invitation shown instead of a composer, when there is one to show: a tier may have an upgrade of its own. */
function callToActionFor(site: SiteRecord, refusal: Refusal | null, claims: MemberClaims | null): CallToAction | null {
  const { guest, upgrade, upgradeByTier } = site.callsToAction;
  if (refusal?.code === 'not_signed_in') return guest;
  // The tier comes from the token: only the site's own entries count, never Object.prototype's.
  if (refusal?.code === 'tier_not_allowed_here') return (upgradeByTier && own(upgradeByTier, claims?.tier)) ?? upgrade;
  return null;
}

/** Where a lapsed member signs in again: the site's own setting, else the guest invitation's second link. */
function signInUrlOf(site: SiteRecord): string | null {
  return site.settings.signInUrl ?? site.callsToAction.guest.secondary?.url ?? null;
}

/** The thread as the API shows it, `closed` as of `now`: by a moderator, or by its age. */
export function threadInfo(thread: ThreadRecord, site: SiteRecord, now: number): ThreadView['thread'] {
  return {
    id: thread.id,
    url: thread.url,
    title: thread.title,
    section: thread.section,
    closed: isClosed(site, thread, now),
    commentCount: thread.commentCount,
  };
}
