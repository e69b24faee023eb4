// One like per member per comment; liking twice or unliking twice changes nothing. Liking is
// taking part, so it follows the same rules as the composer (signed in, in good standing, an
// open thread, a tier allowed in this section).
import type { SiteRecord } from '../../store/port';
import type { ServiceDeps } from '../deps';
import type { MemberClaims } from '../identity/claims';
import { AppError } from '../errors';
import { ensureViewerUser } from '../identity/viewer-user';
import { judgeWrite } from '../writes/judge-write';
import { loadThread, loadVisibleComment } from './load';

export async function setLike(
  deps: ServiceDeps,
  site: SiteRecord,
  commentId: string,
  claims: MemberClaims | null,
  liked: boolean,
): Promise<{ likes: number; likedByMe: boolean }> {
  const comment = await loadVisibleComment(deps, site, commentId, null);
  if (comment.deletedAt !== null) throw new AppError('comment_not_found', 'This comment was deleted');
  const thread = await loadThread(deps, site, comment.threadId);
  const user = claims ? await ensureViewerUser(deps, site, claims) : null;
  const { ctx } = await judgeWrite(deps, { kind: liked ? 'like' : 'unlike', site, thread, claims, user });
  if (comment.authorId === user!.id) throw new AppError('forbidden', 'You cannot like your own comment');
  const likes = await deps.store.setLike({ siteId: site.id, commentId, userId: user!.id, liked, now: ctx.now });
  return { likes, likedByMe: liked };
}
