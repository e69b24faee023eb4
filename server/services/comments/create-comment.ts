// Posting a comment or a reply: check who may write here, render the Markdown, store it.
import type { CommentView, CreateCommentBody } from '../../../shared/schemas/comment';
import type { CommentRecord, SiteRecord } from '../../store/port';
import type { ServiceDeps } from '../deps';
import type { MemberClaims } from '../identity/claims';
import { AppError } from '../errors';
import { ensureViewerUser } from '../identity/viewer-user';
import { refusalToComment } from '../entitlements/can-comment';
import { loadThread, loadVisibleComment } from './load';
import { renderMarkdown } from './render-markdown';
import { toCommentView } from './to-view';

export interface CreateCommentRequest {
  site: SiteRecord;
  threadId: string;
  claims: MemberClaims | null;
  input: CreateCommentBody;
}

export async function createComment(deps: ServiceDeps, req: CreateCommentRequest): Promise<CommentView> {
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

  const user = await ensureViewerUser(deps, site, claims);
  const id = deps.newId();
  const now = deps.now();
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
    status: 'published',
    featured: false,
    likeCount: 0,
    createdAt: now,
    editedAt: null,
    deletedAt: null,
  };
  await deps.store.insertComment({ comment: record });
  const author = { id: user.id, displayName: user.displayName, badges: user.badges, role: user.role };
  return toCommentView({ ...record, author }, { viewer: user, likedIds: new Set(), editWindowMs: site.settings.editWindowSeconds * 1000, now });
}
