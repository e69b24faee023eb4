// Authors may edit their own comment within the site's edit window; it is then marked edited.
// The edit is judged like a new comment, external scorer included, and may hold a published
// comment, but it never publishes one that a moderator, the rules or reader reports took down
// (see moderation/comment-states.ts).
import type { CommentView } from '../../../shared/schemas/comment';
import type { SiteRecord } from '../../store/port';
import type { ServiceDeps } from '../deps';
import type { MemberClaims } from '../identity/claims';
import type { Reason } from '../../moderation/types';
import { afterAuthorEdit, stateOf, storedState } from '../../moderation/comment-states';
import { AppError } from '../errors';
import { judgeWrite } from '../writes/judge-write';
import { loadThread, loadVisibleComment } from './load';
import { renderMarkdown } from './render-markdown';
import { toCommentView } from './to-view';

export interface EditCommentRequest {
  site: SiteRecord;
  commentId: string;
  claims: MemberClaims | null;
  body: string;
}

export async function editComment(deps: ServiceDeps, req: EditCommentRequest): Promise<CommentView> {
  const { site, claims } = req;
  if (!claims) throw new AppError('not_signed_in', 'Sign in to edit your comments');
  const user = await deps.store.findUserByExternalId(site.id, claims.sub);
  const comment = await loadVisibleComment(deps, site, req.commentId, user?.id ?? null);
  if (!user || comment.authorId !== user.id) throw new AppError('not_author', 'Only the author may edit this comment');
  const state = stateOf(comment);
  // Refused before judging: neither the scorer nor the rules need to see text that cannot be stored.
  const preflight = afterAuthorEdit(state, 'published');
  if ('refused' in preflight) throw new AppError(preflight.refused, preflight.message);

  const thread = await loadThread(deps, site, comment.threadId);
  // The author saw any nudge when posting, so findings hold the edit rather than nudge again.
  const { ctx, outcome } = await judgeWrite(deps, {
    kind: 'edit',
    site,
    thread,
    claims,
    user,
    body: req.body,
    parentId: comment.parentId,
    nudgeAcknowledged: true,
  });
  const now = ctx.now;
  const windowMs = site.settings.editWindowSeconds * 1000;
  if (now > comment.createdAt + windowMs) throw new AppError('edit_window_passed', 'The edit window for this comment has passed');
  const verdict = outcome.kind === 'decided' ? outcome.status : 'pending';
  const move = afterAuthorEdit(state, verdict);
  if ('refused' in move) throw new AppError(move.refused, move.message);
  if (move.to === 'deleted') throw new AppError('comment_not_found', 'This comment was deleted');

  const stored = storedState(move.to);
  const reasons = reasonsAfterEdit(comment.reasons, outcome.reasons, state === move.to && state !== 'published');
  const bodyHtml = renderMarkdown(req.body);
  const written = await deps.store.editComment({
    siteId: site.id,
    commentId: comment.id,
    bodySrc: req.body,
    bodyHtml,
    editedAt: now,
    status: stored.status,
    reasons,
    expected: { status: comment.status, hiddenByReports: comment.hiddenByReports },
  });
  if (!written) throw new AppError('conflict', 'The comment changed while it was being edited; reload and try again');
  const liked = await deps.store.likedBy(user.id, [comment.id]);
  const edited = { ...comment, bodySrc: req.body, bodyHtml, editedAt: now, status: stored.status, reasons };
  return toCommentView(edited, { viewer: user, likedIds: liked, editWindowMs: windowMs, now });
}

/**
 * Spans index into the text, so the old findings cannot stay as they were. A comment that waits
 * for a moderator keeps a line saying why it was first held, so the queue still explains it.
 */
const HELD_BEFORE_EDIT = 'held-before-edit';

function reasonsAfterEdit(before: Reason[], now: Reason[], stillWaiting: boolean): Reason[] {
  if (!stillWaiting || before.length === 0) return now;
  const earlier = before.find((r) => r.ruleId === HELD_BEFORE_EDIT);
  const why = [...new Set(before.map((r) => r.message))].join('; ');
  return [...now, earlier ?? { ruleId: HELD_BEFORE_EDIT, message: `Held before the author edited it: ${why}`, spans: [] }];
}
