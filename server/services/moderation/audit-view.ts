// The audit log as the API shows it: newest first, a keyset cursor on the per-site sequence.
import type { AuditEntry, AuditPage, AuditQuery } from '../../../shared/schemas/moderation-api';
import type { SiteRecord } from '../../store/port';
import type { ModerationActionRecord } from '../../store/moderation-port';
import type { ServiceDeps } from '../deps';
import { packCursor, unpackCursor } from '../cursor-codec';
import { AppError } from '../errors';

export function toAuditEntry(a: ModerationActionRecord): AuditEntry {
  return {
    id: a.id,
    actor: a.actor,
    actorName: a.actorName,
    action: a.action,
    targetType: a.targetType,
    targetId: a.targetId,
    summary: a.summary,
    before: a.before,
    after: a.after,
    detail: a.detail,
    createdAt: a.createdAt,
    undone: a.undoneBy !== null,
    undoneBy: a.undoneBy,
  };
}

export async function auditPage(deps: ServiceDeps, site: SiteRecord, query: AuditQuery): Promise<AuditPage> {
  let beforeSeq: number | undefined;
  if (query.cursor) {
    const parts = unpackCursor(query.cursor);
    if (!parts || parts.length !== 1 || !Number.isInteger(parts[0])) throw new AppError('invalid_input', 'The cursor is not valid', { cursor: 'is not a cursor from this listing' });
    beforeSeq = parts[0] as number;
  }
  const { cursor: _cursor, limit, ...filters } = query;
  const rows = await deps.store.listActions(site.id, { ...filters, beforeSeq, limit: limit + 1 });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { entries: page.map(toAuditEntry), nextCursor: rows.length > limit && last?.seq !== undefined ? packCursor([last.seq]) : null };
}
