// Posting a comment or a reply: judge the write → record a nudge, or store the comment.
import type { CommentView } from '../../../shared/schemas/comment';
import type { CreateCommentBody, NudgeResponse } from '../../../shared/schemas/comment-writes';
import type { CommentRecord, CommentWithAuthor, SiteRecord, ThreadRecord } from '../../store/port';
import type { ServiceDeps } from '../deps';
import type { MemberClaims } from '../identity/claims';
import { AppError } from '../errors';
import { ensureViewerUser } from '../identity/viewer-user';
import { nudgeMessage } from '../moderation/outcome';
import { judgeWrite } from '../writes/judge-write';
import { loadThread, loadVisibleComment } from './load';
import { renderMarkdown } from './render-markdown';
import { toCommentView } from './to-view';

export interface CreateCommentRequest {
  site: SiteRecord;
  threadId: string;
  claims: MemberClaims | null;
  input: CreateCommentBody;
  /** The client's address as hashed for this site (see middleware/site/address-key); null when unknown. */
  ipHash?: string | null;
}

export type CreateCommentResult = { comment: CommentView } | NudgeResponse;

export async function createComment(deps: ServiceDeps, req: CreateCommentRequest): Promise<CreateCommentResult> {
  const { site, claims, input } = req;
  const thread = await loadThread(deps, site, req.threadId);
  const user = claims ? await ensureViewerUser(deps, site, claims) : null;
  // A guest is refused whatever they reply to; for members the parent must exist first.
  const parent = input.parentId && user ? await loadParent(deps, site, thread, input.parentId, user.id) : null;
  const ipHash = req.ipHash ?? null;
  const { ctx, outcome } = await judgeWrite(deps, {
    kind: 'create',
    site,
    thread,
    claims,
    user,
    body: input.body,
    parentId: parent?.id ?? null,
    ipHash,
    nudgeAcknowledged: input.afterNudge === 'post_anyway',
  });
  // Signed in, or the rules would have refused.
  const author = user!;
  const now = ctx.now;
  const ruleIds = outcome.reasons.map((r) => r.ruleId);
  if (outcome.kind === 'nudge') {
    await deps.store.recordNudge({ siteId: site.id, userId: author.id, kind: 'shown', ruleIds, now });
    return { nudge: { message: nudgeMessage(outcome.reasons), reasons: outcome.reasons } };
  }
  const afterNudge = input.afterNudge ? (input.afterNudge === 'post_anyway' ? 'posted_anyway' : 'revised') : null;
  if (afterNudge) await deps.store.recordNudge({ siteId: site.id, userId: author.id, kind: afterNudge, ruleIds, now });

  const id = deps.newId();
  const record: CommentRecord = {
    id,
    siteId: site.id,
    threadId: thread.id,
    parentId: parent?.id ?? null,
    rootId: parent?.rootId ?? id,
    depth: parent ? parent.depth + 1 : 0,
    authorId: author.id,
    bodySrc: input.body,
    bodyHtml: renderMarkdown(input.body),
    status: outcome.status,
    featured: false,
    likeCount: 0,
    createdAt: now,
    editedAt: null,
    deletedAt: null,
    reasons: outcome.reasons,
    openReports: 0,
    hiddenByReports: false,
    rejectReason: null,
  };
  await deps.store.insertComment({ comment: record, ipHash, afterNudge });
  const authorView = { id: author.id, displayName: author.displayName, badges: author.badges, role: author.role, avatarUrl: author.avatarUrl };
  return {
    comment: toCommentView({ ...record, author: authorView }, { viewer: author, likedIds: new Set(), editWindowMs: site.settings.editWindowSeconds * 1000, now }),
  };
}

async function loadParent(deps: ServiceDeps, site: SiteRecord, thread: ThreadRecord, parentId: string, viewerId: string | null): Promise<CommentWithAuthor> {
  const parent = await loadVisibleComment(deps, site, parentId, viewerId);
  if (parent.threadId !== thread.id) throw new AppError('invalid_input', 'The parent comment is in another thread', { parentId: 'is not in this thread' });
  if (parent.deletedAt !== null || parent.status !== 'published') {
    throw new AppError('invalid_input', 'Replies can only be made to published comments', { parentId: 'cannot be replied to' });
  }
  return parent;
}
