// Posting a comment or a reply: who may write here → gather facts → moderate → persist.
import type { CommentView, CreateCommentBody, NudgeResponse } from '../../../shared/schemas/comment';
import type { CommentRecord, SiteRecord } from '../../store/port';
import type { ServiceDeps } from '../deps';
import type { MemberClaims } from '../identity/claims';
import { AppError } from '../errors';
import { ensureViewerUser } from '../identity/viewer-user';
import { refusalToComment } from '../entitlements/can-comment';
import { gatherFacts, hashClientAddress } from '../moderation/gather-facts';
import { scoreExternally } from '../moderation/external-scorer';
import { moderate } from '../../moderation/rules';
import { nudgeMessage, refusalError } from '../moderation/outcome';
import { loadThread, loadVisibleComment } from './load';
import { renderMarkdown } from './render-markdown';
import { toCommentView } from './to-view';

export interface CreateCommentRequest {
  site: SiteRecord;
  threadId: string;
  claims: MemberClaims | null;
  input: CreateCommentBody;
  clientAddress?: string | null;
}

export type CreateCommentResult = { comment: CommentView } | NudgeResponse;

export async function createComment(deps: ServiceDeps, req: CreateCommentRequest): Promise<CreateCommentResult> {
  const { site, claims, input } = req;
  const thread = await loadThread(deps, site, req.threadId);
  const existingUser = claims ? await deps.store.findUserByExternalId(site.id, claims.sub) : null;
  const refusal = refusalToComment(site, thread, claims && { tier: claims.tier, role: claims.role, user: existingUser }, deps.now());
  if (refusal || !claims) throw new AppError(refusal?.code ?? 'not_signed_in', refusal?.message ?? 'Sign in to comment');
  if (input.body.length > site.settings.maxLength) {
    throw new AppError('invalid_input', 'The comment is too long', { body: `must be at most ${site.settings.maxLength} characters` });
  }

  let parent = null;
  if (input.parentId) {
    parent = await loadVisibleComment(deps, site, input.parentId, existingUser?.id ?? null);
    if (parent.threadId !== thread.id) throw new AppError('invalid_input', 'The parent comment is in another thread', { parentId: 'is not in this thread' });
    if (parent.deletedAt !== null || parent.status !== 'published') {
      throw new AppError('invalid_input', 'Replies can only be made to published comments', { parentId: 'cannot be replied to' });
    }
  }

  const user = await ensureViewerUser(deps, site, claims, existingUser);
  const ipHash = await hashClientAddress(deps.ipSalt, site.id, req.clientAddress ?? null);
  const [ctxWithoutScores, external] = await Promise.all([
    gatherFacts(deps, { site, thread, user, ipHash, nudgeAcknowledged: input.afterNudge === 'post_anyway' }),
    scoreExternally(deps.fetch, site.settings.moderation.externalScorer, { siteId: site.id, threadId: thread.id, authorId: user.id, text: input.body }),
  ]);
  const ctx = { ...ctxWithoutScores, external };
  const outcome = moderate({ body: input.body, parentId: parent?.id ?? null, isEdit: false }, ctx);
  const now = ctx.now;

  if (outcome.kind === 'refused') throw refusalError(outcome.refusal);
  if (outcome.kind === 'nudge') {
    await deps.store.recordNudge({ siteId: site.id, userId: user.id, kind: 'shown', ruleIds: outcome.reasons.map((r) => r.ruleId), now });
    return { nudge: { message: nudgeMessage(outcome.reasons), reasons: outcome.reasons } };
  }
  if (input.afterNudge) {
    const kind = input.afterNudge === 'post_anyway' ? 'posted_anyway' : 'revised';
    await deps.store.recordNudge({ siteId: site.id, userId: user.id, kind, ruleIds: outcome.reasons.map((r) => r.ruleId), now });
  }

  const id = deps.newId();
  const record: CommentRecord = {
    id,
    siteId: site.id,
    threadId: thread.id,
    parentId: parent?.id ?? null,
    rootId: parent?.rootId ?? id,
    depth: parent ? parent.depth + 1 : 0,
    authorId: user.id,
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
    rejectReason: null,
  };
  await deps.store.insertComment({ comment: record, ipHash });
  const author = { id: user.id, displayName: user.displayName, badges: user.badges, role: user.role };
  return {
    comment: toCommentView({ ...record, author }, { viewer: user, likedIds: new Set(), editWindowMs: site.settings.editWindowSeconds * 1000, now }),
  };
}
