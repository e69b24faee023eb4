// Everything the widget needs for its first render, in one response: the thread, what the
// viewer may do here (and the invitation when they may not), the site's texts, the first page.
import type { ThreadQuery, ThreadView } from '../../../shared/schemas/thread';
import type { SiteRecord, ThreadRecord } from '../../store/port';
import type { ServiceDeps } from '../deps';
import type { MemberClaims } from '../identity/claims';
import { findViewerUser } from '../identity/viewer-user';
import { callToActionFor, refusalToComment } from '../entitlements/can-comment';
import { listPage } from '../comments/list-page';
import { openThread } from './open-thread';

export async function getThreadView(
  deps: ServiceDeps,
  site: SiteRecord,
  claims: MemberClaims | null,
  query: ThreadQuery,
  /** The thread when the caller already opened it (the cached read path does). */
  opened?: ThreadRecord,
): Promise<ThreadView> {
  const [thread, user] = await Promise.all([
    opened ?? openThread(deps, { site, url: query.url, pageId: query.pageId, title: query.title }),
    findViewerUser(deps, site, claims),
  ]);
  const refusal = refusalToComment(site, thread, claims && { tier: claims.tier, role: claims.role, user }, deps.now());
  const page = await listPage(deps, { site, thread, viewer: user, sort: query.sort, limit: query.limit });
  return {
    thread: threadInfo(thread),
    viewer: {
      signedIn: claims !== null,
      userId: user?.id ?? null,
      name: claims?.name ?? null,
      role: claims?.role ?? null,
      canComment: refusal === null,
      reason: refusal?.code ?? null,
      callToAction: callToActionFor(site, refusal),
    },
    site: {
      name: site.name,
      guidelines: site.guidelines,
      theme: site.settings.theme,
      editWindowSeconds: site.settings.editWindowSeconds,
      maxLength: site.settings.maxLength,
    },
    sort: query.sort,
    ...page,
  };
}

export function threadInfo(thread: ThreadRecord): ThreadView['thread'] {
  return {
    id: thread.id,
    url: thread.url,
    title: thread.title,
    section: thread.section,
    closed: thread.closed,
    commentCount: thread.commentCount,
  };
}
