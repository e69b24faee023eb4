// One batch of a bulk operation: the next comments still to do, each decided as a single action
// would be (the same state machine, the same rank rules, the same guarded write), in one
// transaction. A comment that left the filter, or that another decision reached first, is
// skipped, never overridden. Once none is left, the operation's one audit row is written.
import { BULK_MAX_IDS, type CommentActionBody } from '../../../shared/schemas/moderation-api';
import type { BulkEntry, BulkItem, BulkOperationRecord } from '../../store/bulk-port';
import type { SiteRecord } from '../../store/port';
import type { ServiceDeps } from '../deps';
import type { Moderator } from './moderator';
import { AppError } from '../errors';
import { commentChange, commentState, nextState, type CommentState } from './act-on-comment';
import { actionRecord, bulkSummary } from './action-record';
import { findOperation, operationModerator } from './bulk-operation';
import { queueMatch } from './list-queue';
import { assertMayActOn } from './moderator';
import { same } from './undo-action';

/** Comments per batch: what one bulk request may name, so a batch costs what such a request does. */
export const BULK_BATCH_SIZE = BULK_MAX_IDS;

/** Runs `decide`, turning a refusal (this comment is not the moderator's to decide) into a skip. */
function unlessRefused(commentId: string, decide: () => BulkEntry): BulkEntry {
  try {
    return decide();
  } catch (error) {
    if (error instanceof AppError) return { commentId, change: null };
    throw error;
  }
}

function decideAction(op: BulkOperationRecord, moderator: Moderator, item: BulkItem, now: number): BulkEntry {
  const c = item.comment;
  if (!c || !item.matches) return { commentId: item.commentId, change: null };
  return unlessRefused(item.commentId, () => {
    assertMayActOn(moderator, { userId: c.authorId, role: c.author.role });
    const before = commentState(c);
    const body = { action: op.action, reason: op.reason ?? undefined } as CommentActionBody;
    const after = nextState(before, body, now);
    if (same(before, after)) return { commentId: c.id, change: null };
    return { commentId: c.id, change: commentChange(c, before, after, true), before, after };
  });
}

/** Back to what it was, only if the reversed operation is still the last to have decided it and left it as it was. */
function decideUndo(op: BulkOperationRecord, moderator: Moderator, item: BulkItem): BulkEntry {
  const c = item.comment;
  if (!c || !item.undo || item.decidedBy !== op.undoes) return { commentId: item.commentId, change: null };
  const undo = item.undo;
  return unlessRefused(item.commentId, () => {
    const current = commentState(c);
    if (!same(current, undo.after)) return { commentId: c.id, change: null };
    assertMayActOn(moderator, { userId: c.authorId, role: c.author.role });
    const restored = { ...current, ...undo.before } as CommentState;
    const change = commentChange(c, current, restored, false);
    return { commentId: c.id, change: { ...change, expect: { ...change.expect, decidedBy: op.undoes! } }, before: current, after: restored };
  });
}

/** Carries out the next batch, finishing the operation when nothing is left; answers it as stored now. */
export async function runBulkBatch(deps: ServiceDeps, site: SiteRecord, op: BulkOperationRecord): Promise<BulkOperationRecord> {
  if (op.status === 'done') return op;
  const moderator = operationModerator(op);
  const items = await deps.store.nextBulkItems(op, BULK_BATCH_SIZE, op.undoes ? null : queueMatch(site, op.filter));
  const now = deps.now();
  if (items.length) {
    const entries = items.map((item) => (op.undoes ? decideUndo(op, moderator, item) : decideAction(op, moderator, item, now)));
    await deps.store.applyBulkBatch(op, entries, now);
  }
  const fresh = (await deps.store.getBulkOperation(site.id, op.id)) ?? op;
  // A short batch was the last: the comments are all settled, and with them the counts.
  if (items.length < BULK_BATCH_SIZE && fresh.status === 'running') await finish(deps, site, fresh);
  return (await deps.store.getBulkOperation(site.id, op.id)) ?? fresh;
}

async function finish(deps: ServiceDeps, site: SiteRecord, op: BulkOperationRecord): Promise<void> {
  const moderator = operationModerator(op);
  const counts = { count: op.done, skipped: op.skipped };
  if (!op.undoes) {
    const [thread, author] = await Promise.all([
      op.filter.threadId ? deps.store.getThread(site.id, op.filter.threadId) : null,
      op.filter.authorId ? deps.store.getUser(site.id, op.filter.authorId) : null,
    ]);
    const summary = bulkSummary(op.action, op.done, op.filter, op.filter.threadId ? (thread?.title ?? '') : null, author?.displayName);
    const audit = actionRecord(deps, site, moderator, {
      action: op.action,
      targetType: 'bulk',
      targetId: op.id,
      before: { ...op.filter, matched: op.total },
      after: counts,
      detail: op.reason ?? '',
      summary,
    });
    await deps.store.finishBulkOperation(op, audit);
    return;
  }
  const reversed = await deps.store.getBulkOperation(site.id, op.undoes);
  const original = reversed?.actionId ? await deps.store.getAction(site.id, reversed.actionId) : null;
  const audit = actionRecord(deps, site, moderator, {
    action: 'undo',
    targetType: 'bulk',
    targetId: op.undoes,
    before: { count: reversed?.done ?? 0 },
    after: counts,
    detail: `undo ${reversed?.action ?? 'bulk'} (${original?.id ?? op.undoes})`,
    summary: `Undid: ${original?.summary ?? 'a bulk operation'}`,
  });
  await deps.store.finishBulkOperation(op, audit, original?.id);
}

/** Who may ask for an operation to go on: whoever started it, or an admin or the site owner. */
export function assertMayContinue(moderator: Moderator, op: BulkOperationRecord): void {
  if (op.actor === moderator.actor || moderator.rank === 'admin' || moderator.rank === 'owner') return;
  throw new AppError('forbidden', 'Only the moderator who started this operation, or an admin, may carry it on');
}

/** The next batch of an operation, at a moderator's request ("run"). */
export async function continueBulkOperation(deps: ServiceDeps, site: SiteRecord, moderator: Moderator, id: string): Promise<BulkOperationRecord> {
  const op = await findOperation(deps, site, id);
  assertMayContinue(moderator, op);
  return runBulkBatch(deps, site, op);
}
