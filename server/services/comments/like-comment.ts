// One like per member per comment; liking twice or unliking twice changes nothing.
import type { SiteRecord } from '../../store/port';
import type { ServiceDeps } from '../deps';
import type { MemberClaims } from '../identity/claims';
import { AppError } from '../errors';
import { ensureViewerUser } from '../identity/viewer-user';
import { loadVisibleComment } from './load';

export async function setLike(
  deps: ServiceDeps,
  site: SiteRecord,
  commentId: string,
  claims: MemberClaims | null,
  liked: boolean,
): Promise<{ likes: number; likedByMe: boolean }> {
  if (!claims) throw new AppError('not_signed_in', 'Sign in to react to comments');
  const comment = await loadVisibleComment(deps, site, commentId, null);
  if (comment.deletedAt !== null) throw new AppError('comment_not_found', 'This comment was deleted');
  const user = await ensureViewerUser(deps, site, claims);
  if (user.banned) throw new AppError('banned', 'This account is banned from this site');
  if (comment.authorId === user.id) throw new AppError('forbidden', 'You cannot like your own comment');
  const likes = await deps.store.setLike({ siteId: site.id, commentId, userId: user.id, liked, now: deps.now() });
  return { likes, likedByMe: liked };
}
