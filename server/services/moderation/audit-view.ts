import type { AuditEntry } from '../../../shared/schemas/moderation-api';
import type { ModerationActionRecord } from '../../store/moderation-port';

export function toAuditEntry(a: ModerationActionRecord): AuditEntry {
  return {
    id: a.id,
    actorName: a.actorName,
    action: a.action,
    targetType: a.targetType,
    targetId: a.targetId,
    before: a.before,
    after: a.after,
    detail: a.detail,
    createdAt: a.createdAt,
    undone: a.undoneBy !== null,
  };
}
