// A member reports a comment. One report per member per comment; enough reports put it in the
// reported queue, and the site may hide it once the reports' weights (each from its reporter's
// record, see moderation/report-weight) reach a higher bar, until a moderator decides. Any member
// in good standing may report, whatever their tier or the thread's state.
import type { ReportBody } from '../../../shared/schemas/moderation-api';
import type { SiteRecord } from '../../store/port';
import type { ServiceDeps } from '../deps';
import type { MemberClaims } from '../identity/claims';
import { AppError } from '../errors';
import { ensureViewerUser } from '../identity/viewer-user';
import { loadThread, loadVisibleComment } from '../comments/load';
import { judgeWrite } from '../writes/judge-write';
import { reportWeight } from '../../moderation/report-weight';

export async function reportComment(
  deps: ServiceDeps,
  site: SiteRecord,
  commentId: string,
  claims: MemberClaims | null,
  body: ReportBody,
): Promise<{ reported: true; alreadyReported: boolean }> {
  const comment = await loadVisibleComment(deps, site, commentId, null);
  if (comment.deletedAt !== null) throw new AppError('comment_not_found', 'This comment was deleted');
  const thread = await loadThread(deps, site, comment.threadId);
  const user = claims ? await ensureViewerUser(deps, site, claims) : null;
  const { ctx } = await judgeWrite(deps, { kind: 'report', site, thread, claims, user });
  if (comment.authorId === user!.id) throw new AppError('forbidden', 'You cannot report your own comment');
  const records = await deps.store.reporterRecords(site.id, [user!.id]);
  const { added } = await deps.store.addReport({
    siteId: site.id,
    commentId,
    userId: user!.id,
    reason: body.reason,
    note: body.note,
    now: ctx.now,
    hideAt: site.settings.moderation.reports.toHide,
    weight: reportWeight(records.get(user!.id) ?? { upheld: 0, decided: 0 }),
  });
  return { reported: true, alreadyReported: !added };
}
