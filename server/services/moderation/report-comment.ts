// A member reports a comment. One report per member per comment; enough reports put it in the
// reported queue, and the site may hide it at a higher count until a moderator decides.
import type { ReportBody } from '../../../shared/schemas/moderation-api';
import type { SiteRecord } from '../../store/port';
import type { ServiceDeps } from '../deps';
import type { MemberClaims } from '../identity/claims';
import { AppError } from '../errors';
import { ensureViewerUser } from '../identity/viewer-user';
import { loadVisibleComment } from '../comments/load';

export async function reportComment(
  deps: ServiceDeps,
  site: SiteRecord,
  commentId: string,
  claims: MemberClaims | null,
  body: ReportBody,
): Promise<{ reported: true; alreadyReported: boolean }> {
  if (!claims) throw new AppError('not_signed_in', 'Sign in to report comments');
  const comment = await loadVisibleComment(deps, site, commentId, null);
  if (comment.deletedAt !== null) throw new AppError('comment_not_found', 'This comment was deleted');
  const user = await ensureViewerUser(deps, site, claims);
  if (comment.authorId === user.id) throw new AppError('forbidden', 'You cannot report your own comment');
  const { added } = await deps.store.addReport({
    siteId: site.id,
    commentId,
    userId: user.id,
    reason: body.reason,
    note: body.note,
    now: deps.now(),
    hideAt: site.settings.moderation.reports.toHide,
  });
  return { reported: true, alreadyReported: !added };
}
