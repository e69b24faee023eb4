// Authors delete their own comments (moderators too): a tombstone keeps the replies in place.
import type { CommentView } from '../../../shared/schemas/comment';
import type { SiteRecord } from '../../store/port';
import type { ServiceDeps } from '../deps';
import type { MemberClaims } from '../identity/claims';
import { AppError } from '../errors';
import { loadVisibleComment } from './load';
import { toCommentView } from './to-view';

export async function deleteComment(deps: ServiceDeps, site: SiteRecord, commentId: string, claims: MemberClaims | null): Promise<CommentView> {
  if (!claims) throw new AppError('not_signed_in', 'Sign in to delete your comments');
  const user = await deps.store.findUserByExternalId(site.id, claims.sub);
  const comment = await loadVisibleComment(deps, site, commentId, user?.id ?? null);
  const staff = claims.role === 'moderator' || claims.role === 'admin';
  if (!staff && (!user || comment.authorId !== user.id)) throw new AppError('not_author', 'Only the author may delete this comment');
  const now = deps.now();
  if (comment.deletedAt === null) await deps.store.deleteComment({ siteId: site.id, commentId, deletedAt: now });
  return toCommentView(
    { ...comment, bodySrc: '', bodyHtml: '', deletedAt: comment.deletedAt ?? now },
    { viewer: user, likedIds: new Set(), editWindowMs: 0, now },
  );
}
