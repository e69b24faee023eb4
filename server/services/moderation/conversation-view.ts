// "Show thread" on a queue item: its whole conversation as a moderator sees it, every comment in
// every state, so a reply can be judged with what it answers and what answered it.
import { MAX_CONVERSATION, type ModeratorConversation } from '../../../shared/schemas/moderation-api';
import type { SiteRecord } from '../../store/port';
import type { ServiceDeps } from '../deps';
import { stateOf } from '../../moderation/comment-states';
import { AppError } from '../errors';

export async function moderatorConversation(deps: ServiceDeps, site: SiteRecord, commentId: string): Promise<ModeratorConversation> {
  const comment = await deps.store.getComment(site.id, commentId);
  if (!comment) throw new AppError('comment_not_found', 'No such comment on this site');
  const rows = await deps.store.listConversation(site.id, comment.rootId, MAX_CONVERSATION + 1);
  const truncated = rows.length > MAX_CONVERSATION;
  const shown = rows.slice(0, MAX_CONVERSATION);
  if (!shown.some((c) => c.id === comment.id)) shown.push(comment);
  return {
    rootId: comment.rootId,
    comments: shown.map((c) => ({
      id: c.id,
      parentId: c.parentId,
      depth: c.depth,
      authorName: c.author.displayName,
      body: c.bodySrc,
      state: stateOf(c),
      createdAt: c.createdAt,
    })),
    truncated,
  };
}
