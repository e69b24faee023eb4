// Queue items as moderators see them: the source (spans index into it), reasons and reports, and
// on queue pages the context around each (see queue-context.ts).
import type { QueueItemContext, QueueItemView, Reporter } from '../../../shared/schemas/moderation-api';
import type { QueueItem } from '../../store/moderation-port';
import { stateOf } from '../../moderation/comment-states';

/** How moderators decided on each reporter's earlier reports; absent: no record yet. */
export type ReporterRecords = Map<string, Pick<Reporter, 'upheld' | 'decided'>>;

export function toQueueItemView(item: QueueItem, context?: QueueItemContext, records: ReporterRecords = new Map()): QueueItemView {
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
    reports: item.reports.map((r) => ({
      ...r,
      reporters: r.reporters.map((p) => ({ ...p, ...(records.get(p.id) ?? { upheld: 0, decided: 0 }), weight: p.weight / 100 })),
    })),
    author: { id: c.author.id, name: c.author.displayName, role: c.author.role, avatarUrl: c.author.avatarUrl },
    thread: item.thread,
    ...(context ? { context } : {}),
  };
}
