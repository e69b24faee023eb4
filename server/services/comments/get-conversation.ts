// A permalink's conversation: the top-level comment the linked one belongs to, with all its
// replies, so the widget can show the linked comment in context even when it is pages away.
import type { CommentView } from '../../../shared/schemas/comment';
import type { SiteRecord } from '../../store/port';
import type { ServiceDeps } from '../deps';
import type { MemberClaims } from '../identity/claims';
import { findViewerUser } from '../identity/viewer-user';
import { loadVisibleComment } from './load';
import { toCommentView } from './to-view';

export async function getConversation(
  deps: ServiceDeps,
  site: SiteRecord,
  commentId: string,
  claims: MemberClaims | null,
): Promise<{ rootId: string; comments: CommentView[] }> {
  const user = await findViewerUser(deps, site, claims);
  const linked = await loadVisibleComment(deps, site, commentId, user?.id ?? null);
  const stored = linked.rootId === linked.id ? linked : await deps.store.getComment(site.id, linked.rootId);
  // A root rejected or held after it was answered stays hidden, as it is on the thread's pages.
  const root = stored && (stored.status === 'published' || stored.authorId === user?.id) ? stored : null;
  const replies = await deps.store.listReplies(linked.threadId, [linked.rootId]);
  const all = [...(root ? [root] : []), ...replies];
  if (!all.some((c) => c.id === linked.id)) all.push(linked); // the viewer's own pending reply
  const likedIds = user ? await deps.store.likedBy(user.id, all.map((c) => c.id)) : new Set<string>();
  const ctx = { viewer: user, likedIds, editWindowMs: site.settings.editWindowSeconds * 1000, now: deps.now() };
  return { rootId: linked.rootId, comments: all.map((c) => toCommentView(c, ctx)) };
}
