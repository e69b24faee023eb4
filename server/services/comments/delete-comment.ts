// Authors delete their own comments: a tombstone keeps the replies in place, and the text is gone.
// A moderator deleting someone else's comment is a moderation action: audited and undoable.
import type { CommentView } from '../../../shared/schemas/comment';
import type { SiteRecord } from '../../store/port';
import type { ServiceDeps } from '../deps';
import type { MemberClaims } from '../identity/claims';
import { isStaff } from '../../../shared/schemas/common';
import { AppError } from '../errors';
import { actOnComment } from '../moderation/act-on-comment';
import { moderatorFromClaims } from '../moderation/moderator';
import { judgeWrite } from '../writes/judge-write';
import { loadVisibleComment } from './load';
import { toCommentView } from './to-view';

export async function deleteComment(deps: ServiceDeps, site: SiteRecord, commentId: string, claims: MemberClaims | null): Promise<CommentView> {
  const user = claims ? await deps.store.findUserByExternalId(site.id, claims.sub) : null;
  const comment = await loadVisibleComment(deps, site, commentId, user?.id ?? null);
  const own = user !== null && comment.authorId === user.id;
  if (!own && claims && isStaff(claims.role)) {
    const moderator = await moderatorFromClaims(deps, site, claims);
    await actOnComment(deps, site, moderator, commentId, { action: 'delete' });
    return tombstone(comment, user, deps.now());
  }
  const { ctx } = await judgeWrite(deps, { kind: 'delete_own', site, thread: null, claims, user });
  if (!own) throw new AppError('not_author', 'Only the author may delete this comment');
  if (comment.deletedAt === null) await deps.store.deleteComment({ siteId: site.id, commentId, deletedAt: ctx.now });
  return tombstone(comment, user, comment.deletedAt ?? ctx.now);
}

function tombstone(comment: Parameters<typeof toCommentView>[0], viewer: Parameters<typeof toCommentView>[1]['viewer'], deletedAt: number): CommentView {
  return toCommentView(
    { ...comment, bodySrc: '', bodyHtml: '', deletedAt: comment.deletedAt ?? deletedAt },
    { viewer, likedIds: new Set(), editWindowMs: 0, now: deletedAt },
  );
}
