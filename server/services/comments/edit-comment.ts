// Authors may edit their own comment within the site's edit window; it is then marked edited.
import type { CommentView } from '../../../shared/schemas/comment';
import type { SiteRecord } from '../../store/port';
import type { ServiceDeps } from '../deps';
import type { MemberClaims } from '../identity/claims';
import { AppError } from '../errors';
import { gatherFacts } from '../moderation/gather-facts';
import { refusalError } from '../moderation/outcome';
import { moderate } from '../../moderation/rules';
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
  if (user.banned) throw new AppError('banned', 'This account is banned from commenting on this site');
  if (comment.deletedAt !== null) throw new AppError('comment_not_found', 'This comment was deleted');
  const now = deps.now();
  const windowMs = site.settings.editWindowSeconds * 1000;
  if (now > comment.createdAt + windowMs) throw new AppError('edit_window_passed', 'The edit window for this comment has passed');
  if (req.body.length > site.settings.maxLength) {
    throw new AppError('invalid_input', 'The comment is too long', { body: `must be at most ${site.settings.maxLength} characters` });
  }
  // Edits are moderated again, so a clean comment cannot be edited into an attack after approval.
  // The author already saw any nudge when posting, so findings hold it rather than nudge again.
  const thread = await loadThread(deps, site, comment.threadId);
  const ctx = await gatherFacts(deps, { site, thread, user, ipHash: null, nudgeAcknowledged: true });
  const outcome = moderate({ body: req.body, parentId: comment.parentId, isEdit: true }, ctx);
  if (outcome.kind === 'refused') throw refusalError(outcome.refusal);
  const status = outcome.kind === 'decided' ? outcome.status : 'pending';
  const bodyHtml = renderMarkdown(req.body);
  await deps.store.editComment({ siteId: site.id, commentId: comment.id, bodySrc: req.body, bodyHtml, editedAt: now, status, reasons: outcome.reasons });
  const liked = await deps.store.likedBy(user.id, [comment.id]);
  const edited = { ...comment, bodySrc: req.body, bodyHtml, editedAt: now, status, reasons: outcome.reasons };
  return toCommentView(edited, { viewer: user, likedIds: liked, editWindowMs: windowMs, now });
}
