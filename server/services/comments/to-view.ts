// What a reader may see of a stored comment, from their point of view.
import type { CommentView } from '../../../shared/schemas/comment';
import type { CommentWithAuthor, UserRecord } from '../../store/port';

export interface ViewContext {
  viewer: UserRecord | null;
  likedIds: Set<string>;
  editWindowMs: number;
  now: number;
}

export function toCommentView(c: CommentWithAuthor, ctx: ViewContext): CommentView {
  const mine = ctx.viewer?.id === c.authorId;
  const deleted = c.deletedAt !== null;
  const editableUntil = mine && !deleted ? c.createdAt + ctx.editWindowMs : null;
  const editable = editableUntil !== null && editableUntil > ctx.now;
  return {
    id: c.id,
    threadId: c.threadId,
    parentId: c.parentId,
    author: deleted ? null : { id: c.author.id, name: c.author.displayName, badges: c.author.badges, role: c.author.role, avatarUrl: c.author.avatarUrl },
    html: deleted ? '' : c.bodyHtml,
    status: c.status,
    createdAt: c.createdAt,
    editedAt: c.editedAt,
    deleted,
    featured: c.featured,
    likes: c.likeCount,
    likedByMe: ctx.likedIds.has(c.id),
    mine,
    editableUntil: editable ? editableUntil : null,
    ...(editable ? { source: c.bodySrc } : {}),
  };
}
