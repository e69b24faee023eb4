// Queue items as moderators see them: the source (spans index into it), reasons and reports.
import type { QueueItemView } from '../../../shared/schemas/moderation-api';
import type { QueueItem } from '../../store/moderation-port';
import { stateOf } from '../../moderation/comment-states';

export function toQueueItemView(item: QueueItem): QueueItemView {
  const c = item.comment;
  return {
    id: c.id,
    body: c.bodySrc,
    html: c.bodyHtml,
    status: c.status,
    state: stateOf(c),
    featured: c.featured,
    deleted: c.deletedAt !== null,
    createdAt: c.createdAt,
    editedAt: c.editedAt,
    parentId: c.parentId,
    reasons: c.reasons,
    rejectReason: c.rejectReason,
    reports: item.reports,
    author: { id: c.author.id, name: c.author.displayName, role: c.author.role, avatarUrl: c.author.avatarUrl },
    thread: item.thread,
  };
}
