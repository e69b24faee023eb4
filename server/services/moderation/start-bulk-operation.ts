// "Select all N matching": a moderator's decision on a whole filtered queue. The comments it
// covers are fixed now, the N the moderator was shown; its first batch runs at once and the
// client asks for the rest (see run-bulk-operation.ts).
import { BULK_FILTER_MAX, type BulkOperationBody } from '../../../shared/schemas/moderation-api';
import type { BulkOperationRecord } from '../../store/bulk-port';
import type { SiteRecord } from '../../store/port';
import type { ServiceDeps } from '../deps';
import type { Moderator } from './moderator';
import { AppError } from '../errors';
import { newOperation } from './bulk-operation';
import { queueMatch } from './list-queue';
import { runBulkBatch } from './run-bulk-operation';

export async function startBulkOperation(deps: ServiceDeps, site: SiteRecord, moderator: Moderator, body: BulkOperationBody): Promise<BulkOperationRecord> {
  if (body.action === 'reject' && !body.reason) throw new AppError('invalid_input', 'Say why the comments are rejected', { reason: 'is required to reject' });
  const match = queueMatch(site, body.filter);
  const matching = await deps.store.countMatching(match);
  if (matching === 0) throw new AppError('nothing_matches', 'No comment in this queue matches these filters');
  if (matching > BULK_FILTER_MAX) {
    throw new AppError('too_many_matching', `${matching} comments match; one operation takes at most ${BULK_FILTER_MAX}, so narrow the filters`);
  }
  const record = newOperation(deps, site, moderator, {
    action: body.action,
    reason: body.action === 'reject' ? (body.reason ?? null) : null,
    filter: body.filter,
    undoes: null,
  });
  const op = await deps.store.createBulkOperation(record, { kind: 'queue', match, max: BULK_FILTER_MAX });
  if (!op) throw new AppError('conflict', 'The operation could not be started; try again');
  return runBulkBatch(deps, site, op);
}
