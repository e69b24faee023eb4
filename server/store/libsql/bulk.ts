// Bulk operations by filter. An operation fixes the comments it covers when it is written (the
// queue's order, newest first); each batch changes some of them with the same guarded statements
// a single action uses, and marks each done or skipped in the same transaction, so a batch that
// two requests both carry out lands once, and an interrupted operation goes on where it stopped.
import type { InStatement, InValue, Row } from '@libsql/client';
import type { Db } from './db';
import type { BulkEntry, BulkItem, BulkOperationRecord, BulkSource } from '../bulk-port';
import type { CommentChange, ModerationActionRecord, QueueMatch } from '../moderation-port';
import { commentChangeEventTypes, commentEvents } from './outbox-statements';
import { auditInsert, changeStatements, markUndone } from './actions';
import { filters } from './queue';
import { COMMENT_COLUMNS, toComment } from './rows';

const SELECT_OP = `SELECT o.*, (SELECT u.id FROM bulk_operations u WHERE u.undoes = o.id) AS undone_by FROM bulk_operations o`;

function toOperation(r: Row): BulkOperationRecord {
  const text = (v: unknown) => (v == null ? null : String(v));
  return {
    id: String(r.id),
    siteId: String(r.site_id),
    actor: String(r.actor),
    actorName: String(r.actor_name),
    actorUserId: text(r.actor_user_id),
    actorRank: String(r.actor_rank) as BulkOperationRecord['actorRank'],
    action: String(r.action) as BulkOperationRecord['action'],
    reason: text(r.reason),
    filter: JSON.parse(String(r.filter)),
    undoes: text(r.undoes),
    status: String(r.status) as BulkOperationRecord['status'],
    total: Number(r.total),
    done: Number(r.done),
    skipped: Number(r.skipped),
    actionId: text(r.action_id),
    undoneBy: text(r.undone_by),
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
  };
}

/** The comments a new operation covers: the queue as filtered now, or those another operation changed. */
function sourceStatement(op: BulkOperationRecord, source: BulkSource): InStatement {
  // Written only when the operation's own row was (an undo already started by another request wins).
  const ours = 'EXISTS (SELECT 1 FROM bulk_operations WHERE id = ?)';
  if (source.kind === 'undo') {
    return {
      sql: `INSERT INTO bulk_operation_items (operation_id, comment_id, position)
            SELECT ?, comment_id, position FROM bulk_operation_items WHERE operation_id = ? AND state = 'done' AND ${ours}`,
      args: [op.id, source.operationId, op.id],
    };
  }
  const { where, args } = filters(source.match);
  return {
    sql: `INSERT INTO bulk_operation_items (operation_id, comment_id, position)
          SELECT ?, c.id, ROW_NUMBER() OVER (ORDER BY c.created_at DESC, c.id DESC) FROM comments c
          WHERE ${where.join(' AND ')} AND ${ours} ORDER BY c.created_at DESC, c.id DESC LIMIT ?`,
    args: [op.id, ...args, op.id, source.max],
  };
}

const counted = (state: 'done' | 'skipped') => `(SELECT COUNT(*) FROM bulk_operation_items WHERE operation_id = bulk_operations.id AND state = '${state}')`;

export async function createBulkOperation(db: Db, op: BulkOperationRecord, source: BulkSource): Promise<BulkOperationRecord | null> {
  await db.write([
    {
      sql: `INSERT OR IGNORE INTO bulk_operations (id, site_id, actor, actor_name, actor_user_id, actor_rank, action, reason, filter, undoes, status, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'running', ?, ?)`,
      args: [
        op.id, op.siteId, op.actor, op.actorName, op.actorUserId, op.actorRank, op.action, op.reason,
        JSON.stringify(op.filter), op.undoes, op.createdAt, op.updatedAt,
      ],
    },
    sourceStatement(op, source),
    {
      sql: 'UPDATE bulk_operations SET total = (SELECT COUNT(*) FROM bulk_operation_items WHERE operation_id = bulk_operations.id) WHERE id = ?',
      args: [op.id],
    },
  ]);
  return getBulkOperation(db, op.siteId, op.id);
}

export async function getBulkOperation(db: Db, siteId: string, id: string): Promise<BulkOperationRecord | null> {
  const rs = await db.read({ sql: `${SELECT_OP} WHERE o.id = ? AND o.site_id = ?`, args: [id, siteId] });
  return rs.rows[0] ? toOperation(rs.rows[0]) : null;
}

export async function listBulkOperations(db: Db, siteId: string, f: { status?: 'running' | 'done'; limit: number }): Promise<BulkOperationRecord[]> {
  const status = f.status ? 'AND o.status = ?' : '';
  const rs = await db.read({
    sql: `${SELECT_OP} WHERE o.site_id = ? ${status} ORDER BY o.created_at DESC, o.id DESC LIMIT ?`,
    args: [siteId, ...(f.status ? [f.status] : []), f.limit],
  });
  return rs.rows.map(toOperation);
}

export async function nextBulkItems(db: Db, op: BulkOperationRecord, limit: number, match: QueueMatch | null): Promise<BulkItem[]> {
  const matching = match ? filters(match) : null;
  const matches = matching ? `CASE WHEN c.id IS NOT NULL AND ${matching.where.join(' AND ')} THEN 1 ELSE 0 END` : '1';
  const undo = op.undoes !== null;
  const args: InValue[] = [...(matching?.args ?? []), op.siteId, ...(undo ? [op.undoes!] : []), op.id, limit];
  const rs = await db.read({
    sql: `SELECT i.comment_id AS item_id, ${COMMENT_COLUMNS}, ${matches} AS still_matches
            ${undo ? ', o.before AS undo_before, o.after AS undo_after' : ''}
          FROM bulk_operation_items i
          LEFT JOIN comments c ON c.id = i.comment_id AND c.site_id = ?
          LEFT JOIN users u ON u.id = c.author_id
          ${undo ? 'LEFT JOIN bulk_operation_items o ON o.operation_id = ? AND o.comment_id = i.comment_id' : ''}
          WHERE i.operation_id = ? AND i.state = 'todo' ORDER BY i.position LIMIT ?`,
    args,
  });
  return rs.rows.map((r) => ({
    commentId: String(r.item_id),
    comment: r.id == null ? null : toComment(r),
    matches: Number(r.still_matches) === 1,
    decidedBy: r.decided_by == null ? null : String(r.decided_by),
    undo: undo && r.undo_before != null ? { before: JSON.parse(String(r.undo_before)), after: JSON.parse(String(r.undo_after)) } : null,
  }));
}

function entryStatements(op: BulkOperationRecord, e: BulkEntry, now: number): InStatement[] {
  const item = 'WHERE operation_id = ? AND comment_id = ? AND state = ?';
  const itemArgs = [op.id, e.commentId, 'todo'];
  if (!e.change) return [{ sql: `UPDATE bulk_operation_items SET state = 'skipped' ${item}`, args: itemArgs }];
  return [
    ...changeStatements(op.siteId, e.change, { actor: op.actor, decidedBy: op.id, now }),
    // Right after the comment's guarded UPDATE: changes() says whether its guard held.
    {
      sql: `UPDATE bulk_operation_items SET state = CASE WHEN changes() > 0 THEN 'done' ELSE 'skipped' END,
              before = CASE WHEN changes() > 0 THEN ? END, after = CASE WHEN changes() > 0 THEN ? END ${item}`,
      args: [JSON.stringify(e.before ?? {}), JSON.stringify(e.after ?? {}), ...itemArgs],
    },
    ...bulkEvents(op, e.change, now),
  ];
}

/** A comment's events in a bulk operation: written only if its item was done (its guard held). */
function bulkEvents(op: BulkOperationRecord, change: CommentChange, now: number): InStatement[] {
  const types = commentChangeEventTypes(change);
  if (!types.length) return [];
  const guard = { sql: `EXISTS (SELECT 1 FROM bulk_operation_items WHERE operation_id = ? AND comment_id = ? AND state = 'done')`, args: [op.id, change.commentId] };
  const extra = { actor: { id: op.actor, name: op.actorName }, reason: change.set.rejectReason };
  return [commentEvents(`${op.id}.${change.commentId}`, types, op.siteId, change.commentId, now, guard, extra)];
}

export async function applyBulkBatch(db: Db, op: BulkOperationRecord, entries: BulkEntry[], now: number): Promise<void> {
  await db.write([
    ...entries.flatMap((e) => entryStatements(op, e, now)),
    {
      sql: `UPDATE bulk_operations SET done = ${counted('done')}, skipped = ${counted('skipped')}, updated_at = ? WHERE id = ? AND site_id = ?`,
      args: [now, op.id, op.siteId],
    },
  ]);
}

export async function finishBulkOperation(db: Db, op: BulkOperationRecord, audit: ModerationActionRecord, undoes?: string): Promise<boolean> {
  const results = await db.write([
    {
      sql: `UPDATE bulk_operations SET status = 'done', action_id = ?, updated_at = ?, done = ${counted('done')}, skipped = ${counted('skipped')}
            WHERE id = ? AND site_id = ? AND status = 'running'
              AND NOT EXISTS (SELECT 1 FROM bulk_operation_items WHERE operation_id = ? AND state = 'todo')`,
      args: [audit.id, audit.createdAt, op.id, op.siteId, op.id],
    },
    auditInsert(audit, true),
    ...(undoes ? [markUndone(audit, undoes)] : []),
  ]);
  return results[1].rowsAffected > 0;
}
