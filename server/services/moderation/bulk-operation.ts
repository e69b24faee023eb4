// A bulk operation's record: a new one, the moderator it acts as (whoever started it, with the
// rank they had then, whoever asks for it to go on), and how the dashboard sees it.
import type { BulkOperationView } from '../../../shared/schemas/moderation-api';
import type { BulkOperationRecord } from '../../store/bulk-port';
import type { SiteRecord } from '../../store/port';
import type { ServiceDeps } from '../deps';
import type { Moderator } from './moderator';
import { AppError } from '../errors';
import { toActionSummary } from './action-record';

/** A new operation, started now by this moderator; the store fills in what it covers. */
export function newOperation(
  deps: ServiceDeps,
  site: SiteRecord,
  moderator: Moderator,
  what: Pick<BulkOperationRecord, 'action' | 'reason' | 'filter' | 'undoes'>,
): BulkOperationRecord {
  const now = deps.now();
  return {
    id: deps.newId(),
    siteId: site.id,
    actor: moderator.actor,
    actorName: moderator.name,
    actorUserId: moderator.userId,
    actorRank: moderator.rank,
    ...what,
    status: 'running',
    total: 0,
    done: 0,
    skipped: 0,
    actionId: null,
    undoneBy: null,
    createdAt: now,
    updatedAt: now,
  };
}

export function operationModerator(op: BulkOperationRecord): Moderator {
  return { actor: op.actor, name: op.actorName, userId: op.actorUserId, via: op.actor === 'api-key' ? 'api-key' : 'token', rank: op.actorRank };
}

export async function findOperation(deps: ServiceDeps, site: SiteRecord, id: string): Promise<BulkOperationRecord> {
  const op = await deps.store.getBulkOperation(site.id, id);
  if (!op) throw new AppError('not_found', 'No such bulk operation on this site');
  return op;
}

export async function toBulkView(deps: ServiceDeps, site: SiteRecord, op: BulkOperationRecord, viewer: Moderator): Promise<BulkOperationView> {
  const audit = op.actionId ? await deps.store.getAction(site.id, op.actionId) : null;
  return {
    id: op.id,
    action: op.action,
    reason: op.reason,
    filter: op.filter,
    status: op.status,
    total: op.total,
    done: op.done,
    skipped: op.skipped,
    actorName: op.actorName,
    createdAt: op.createdAt,
    updatedAt: op.updatedAt,
    audit: audit && toActionSummary(audit),
    undoes: op.undoes,
    undoneBy: op.undoneBy,
    mine: op.actor === viewer.actor,
  };
}
