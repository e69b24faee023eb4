// Moderation actions: the state change and its audit row in one transaction, so the log
// never disagrees with what happened.
import type { InStatement, InValue, Row } from '@libsql/client';
import type { Db } from './db';
import type { ModerationActionRecord, StateChange } from '../moderation-port';

type Value = string | number | boolean | null | undefined;

/** `SET a = ?, b = ?` from the defined entries, with booleans stored as 0/1. */
function setClause(columns: Record<string, Value>): { sql: string; args: InValue[] } {
  const entries = Object.entries(columns).filter(([, v]) => v !== undefined);
  return {
    sql: entries.map(([column]) => `${column} = ?`).join(', '),
    args: entries.map(([, v]) => (typeof v === 'boolean' ? (v ? 1 : 0) : (v as InValue))),
  };
}

function changeStatements(siteId: string, change: StateChange, now: number, actor: string): InStatement[] {
  switch (change.kind) {
    case 'comment': {
      const set = setClause({
        status: change.set.status,
        featured: change.set.featured,
        deleted_at: change.set.deletedAt,
        reject_reason: change.set.rejectReason,
        reviewed_at: now,
        reviewed_by: actor,
        open_reports: change.resolveReports ? 0 : undefined,
      });
      const statements: InStatement[] = [
        { sql: `UPDATE comments SET ${set.sql} WHERE id = ? AND site_id = ?`, args: [...set.args, change.commentId, siteId] },
        {
          sql: 'UPDATE threads SET comment_count = comment_count + ?, version = version + 1 WHERE id = ? AND site_id = ?',
          args: [change.countDelta, change.threadId, siteId],
        },
      ];
      if (change.resolveReports) {
        statements.push({ sql: 'UPDATE reports SET resolved_at = ? WHERE comment_id = ? AND resolved_at IS NULL', args: [now, change.commentId] });
      }
      return statements;
    }
    case 'user': {
      const set = setClause({ banned: change.set.banned, suspended_until: change.set.suspendedUntil, always_premoderate: change.set.alwaysPremoderate });
      return [{ sql: `UPDATE users SET ${set.sql} WHERE id = ? AND site_id = ?`, args: [...set.args, change.userId, siteId] }];
    }
    case 'thread': {
      const set = setClause({ closed: change.set.closed, premoderate: change.set.premoderate });
      return [{ sql: `UPDATE threads SET ${set.sql}, version = version + 1 WHERE id = ? AND site_id = ?`, args: [...set.args, change.threadId, siteId] }];
    }
  }
}

export async function applyAction(db: Db, a: ModerationActionRecord, change: StateChange, undoes?: string): Promise<void> {
  const markUndone: InStatement[] = undoes
    ? [{ sql: 'UPDATE moderation_actions SET undone_by = ? WHERE id = ? AND site_id = ?', args: [a.id, undoes, a.siteId] }]
    : [];
  await db.write([
    ...changeStatements(a.siteId, change, a.createdAt, a.actor),
    ...markUndone,
    {
      sql: `INSERT INTO moderation_actions (id, site_id, actor, actor_name, action, target_type, target_id, before, after, detail, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      args: [a.id, a.siteId, a.actor, a.actorName, a.action, a.targetType, a.targetId, JSON.stringify(a.before), JSON.stringify(a.after), a.detail, a.createdAt],
    },
  ]);
}

function toAction(r: Row): ModerationActionRecord {
  return {
    id: String(r.id),
    siteId: String(r.site_id),
    actor: String(r.actor),
    actorName: String(r.actor_name),
    action: String(r.action),
    targetType: String(r.target_type) as ModerationActionRecord['targetType'],
    targetId: String(r.target_id),
    before: JSON.parse(String(r.before)),
    after: JSON.parse(String(r.after)),
    detail: String(r.detail),
    createdAt: Number(r.created_at),
    undoneBy: r.undone_by == null ? null : String(r.undone_by),
  };
}

export async function lastUndoableAction(db: Db, siteId: string, actor: string): Promise<ModerationActionRecord | null> {
  const rs = await db.read({
    sql: `SELECT * FROM moderation_actions WHERE site_id = ? AND actor = ? AND undone_by IS NULL AND action <> 'undo'
          ORDER BY created_at DESC, rowid DESC LIMIT 1`,
    args: [siteId, actor],
  });
  return rs.rows[0] ? toAction(rs.rows[0]) : null;
}

export async function listActions(
  db: Db,
  siteId: string,
  filter: { targetType?: string; targetId?: string; limit: number; before?: number },
): Promise<ModerationActionRecord[]> {
  const where = ['site_id = ?'];
  const args: InValue[] = [siteId];
  if (filter.targetType && filter.targetId) {
    where.push('target_type = ? AND target_id = ?');
    args.push(filter.targetType, filter.targetId);
  }
  if (filter.before) {
    where.push('created_at < ?');
    args.push(filter.before);
  }
  const rs = await db.read({
    sql: `SELECT * FROM moderation_actions WHERE ${where.join(' AND ')} ORDER BY created_at DESC, rowid DESC LIMIT ?`,
    args: [...args, filter.limit],
  });
  return rs.rows.map(toAction);
}
