// Undoing a bulk operation is itself one: it covers the comments the operation changed, restores
// each one only where the operation is still the last to have decided it (a later decision, by
// anyone, stands), runs in batches, and is audited once, marking the original undone.
import type { BulkOperationRecord } from '../../store/bulk-port';
import type { SiteRecord } from '../../store/port';
import type { ServiceDeps } from '../deps';
import type { Moderator } from './moderator';
import { AppError } from '../errors';
import { findOperation, newOperation } from './bulk-operation';
import { runBulkBatch } from './run-bulk-operation';

/** Starts the undo, or carries on the one already started; answers the undo operation. */
export async function undoBulkOperation(deps: ServiceDeps, site: SiteRecord, moderator: Moderator, id: string): Promise<BulkOperationRecord> {
  const original = await findOperation(deps, site, id);
  if (original.undoes) throw new AppError('not_undoable', 'An undo cannot itself be undone; take the action again');
  // A moderator undoes their own operations; admins and the site owner anyone's.
  if (moderator.rank === 'moderator' && original.actor !== moderator.actor) throw new AppError('forbidden', 'Moderators may undo only their own actions');
  if (original.status !== 'done' || !original.actionId) throw new AppError('operation_running', 'This operation has not finished; let it finish, then undo it');
  if (original.undoneBy) {
    const started = await findOperation(deps, site, original.undoneBy);
    if (started.status === 'done') throw new AppError('already_undone', 'This operation was already undone');
    return runBulkBatch(deps, site, started);
  }
  const record = newOperation(deps, site, moderator, { action: 'undo', reason: null, filter: original.filter, undoes: original.id });
  let op = await deps.store.createBulkOperation(record, { kind: 'undo', operationId: original.id });
  if (!op) {
    // Another request started the undo first: the store keeps that one, and this request carries it on.
    const winner = (await findOperation(deps, site, id)).undoneBy;
    if (!winner) throw new AppError('conflict', 'The undo could not be started; try again');
    op = await findOperation(deps, site, winner);
  }
  return runBulkBatch(deps, site, op);
}
