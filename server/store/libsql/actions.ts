// Moderation actions: the state change and its audit row in one transaction, so the log
// never disagrees with what happened.
import type { InStatement, InValue, Row } from '@libsql/client';
import type { Db } from './db';
import { changeEvents } from './outbox-statements';
import type { AuditFilter, ModerationActionRecord, StateChange } from '../moderation-port';

type Value = string | number | boolean | null | undefined;

/** `SET a = ?, b = ?` from the defined entries, with booleans stored as 0/1. */
function setClause(columns: Record<string, Value>): { sql: string; args: InValue[] } {
  const entries = Object.entries(columns).filter(([, v]) => v !== undefined);
  return {
    sql: entries.map(([column]) => `${column} = ?`).join(', '),
    args: entries.map(([, v]) => (typeof v === 'boolean' ? (v ? 1 : 0) : (v as InValue))),
  };
}

/** Who wrote a change: the actor, and the action or bulk operation it is part of (a comment's `decided_by`). */
export interface ChangeAuthor {
  actor: string;
  decidedBy: string;
  now: number;
}

/**
 * The statements of a change. A comment's statements all carry the guard (the state the action
 * was decided on), and its UPDATE comes last so the statement after it can tell whether it held.
 */
export function changeStatements(siteId: string, change: StateChange, by: ChangeAuthor): InStatement[] {
  const { now, actor } = by;
  switch (change.kind) {
    case 'comment': {
      const e = change.expect;
      const decided = e.decidedBy === undefined ? '' : ' AND decided_by = ?';
      const guard = `id = ? AND site_id = ? AND status = ? AND hidden_by_reports = ? AND featured = ? AND (deleted_at IS NOT NULL) = ?${decided}`;
      const guardArgs: InValue[] = [change.commentId, siteId, e.status, e.hiddenByReports ? 1 : 0, e.featured ? 1 : 0, e.deleted ? 1 : 0];
      if (e.decidedBy !== undefined) guardArgs.push(e.decidedBy);
      const set = setClause({
        status: change.set.status,
        hidden_by_reports: change.set.hiddenByReports,
        featured: change.set.featured,
        deleted_at: change.set.deletedAt,
        reject_reason: change.set.rejectReason,
        reviewed_at: now,
        reviewed_by: actor,
        decided_by: by.decidedBy,
        open_reports: change.resolveReports ? 0 : undefined,
      });
      const statements: InStatement[] = [
        {
          sql: `UPDATE threads SET comment_count = comment_count + ?, version = version + 1
                WHERE id = ? AND site_id = ? AND EXISTS (SELECT 1 FROM comments WHERE ${guard})`,
          args: [change.countDelta, change.threadId, siteId, ...guardArgs],
        },
      ];
      if (change.resolveReports) {
        statements.push({
          sql: `UPDATE reports SET resolved_at = ? WHERE comment_id = ? AND resolved_at IS NULL AND EXISTS (SELECT 1 FROM comments WHERE ${guard})`,
          args: [now, change.commentId, ...guardArgs],
        });
      }
      // A moderator's delete keeps the text for the audit trail and undo; readers see a tombstone.
      // Last, so the audit insert can ask changes() whether the guard held.
      statements.push({ sql: `UPDATE comments SET ${set.sql} WHERE ${guard}`, args: [...set.args, ...guardArgs] });
      return statements;
    }
    case 'user': {
      const set = setClause({ banned: change.set.banned, suspended_until: change.set.suspendedUntil, always_premoderate: change.set.alwaysPremoderate });
      return [{ sql: `UPDATE users SET ${set.sql} WHERE id = ? AND site_id = ?`, args: [...set.args, change.userId, siteId] }];
    }
    case 'thread': {
      const set = setClause({ closed: change.set.closed, premoderate: change.set.premoderate, kept_open: change.set.keptOpen });
      return [{ sql: `UPDATE threads SET ${set.sql}, version = version + 1 WHERE id = ? AND site_id = ?`, args: [...set.args, change.threadId, siteId] }];
    }
    case 'settings':
      return [{ sql: `UPDATE sites SET settings = json_set(settings, '$.moderation', json(?)) WHERE id = ?`, args: [JSON.stringify(change.moderation), siteId] }];
    case 'site': {
      const { config } = change;
      // The moderation settings stay as stored (the Rules tab may have saved them meanwhile), and so
      // does an older document's length limit, which tightens them.
      return [
        {
          sql: `UPDATE sites SET name = ?, allowed_origins = ?, sso = ?, policy = ?, guidelines = ?, calls_to_action = ?,
                  settings = json_patch(
                    json_set(json(?), '$.moderation', json(COALESCE(json_extract(settings, '$.moderation'), '{}'))),
                    json_object('maxLength', json_extract(settings, '$.maxLength')))
                WHERE id = ?`,
          args: [
            config.name, JSON.stringify(config.allowedOrigins), JSON.stringify(config.sso), JSON.stringify(config.policy), config.guidelines,
            JSON.stringify(config.callsToAction), JSON.stringify(config.settings), siteId,
          ],
        },
      ];
    }
    case 'api-key':
      return [{ sql: 'UPDATE sites SET api_key_hash = ? WHERE id = ? AND api_key_hash IS ?', args: [change.apiKeyHash, siteId, change.expect] }];
    case 'civility-model':
      return [
        {
          sql: 'UPDATE sites SET civility_model_id = ? WHERE id = ? AND (? IS NULL OR EXISTS (SELECT 1 FROM civility_models WHERE id = ? AND site_id = ?))',
          args: [change.modelId, siteId, change.modelId, change.modelId, siteId],
        },
      ];
  }
}

/**
 * The audit row's INSERT, next in the site's sequence. `guarded`: written only if the statement
 * just before it changed a row (the guard held).
 */
export function auditInsert(a: ModerationActionRecord, guarded: boolean): InStatement {
  return {
    sql: `INSERT INTO moderation_actions (id, site_id, seq, actor, actor_name, action, target_type, target_id, summary, before, after, detail, created_at)
          SELECT ?, ?, COALESCE((SELECT MAX(seq) FROM moderation_actions WHERE site_id = ?), 0) + 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
          WHERE ${guarded ? 'changes() > 0' : '1'}`,
    args: [
      a.id, a.siteId, a.siteId, a.actor, a.actorName, a.action, a.targetType, a.targetId, a.summary,
      JSON.stringify(a.before), JSON.stringify(a.after), a.detail, a.createdAt,
    ],
  };
}

/** Marks `undoes` undone by `a`, if `a` was written. */
export function markUndone(a: ModerationActionRecord, undoes: string): InStatement {
  return {
    sql: 'UPDATE moderation_actions SET undone_by = ? WHERE id = ? AND site_id = ? AND undone_by IS NULL AND EXISTS (SELECT 1 FROM moderation_actions WHERE id = ?)',
    args: [a.id, undoes, a.siteId, a.id],
  };
}

export async function applyAction(db: Db, a: ModerationActionRecord, change: StateChange, undoes?: string): Promise<boolean> {
  const marks = undoes ? [markUndone(a, undoes)] : [];
  const by = { actor: a.actor, decidedBy: a.id, now: a.createdAt };
  const changes = changeStatements(a.siteId, change, by);
  // The events come after the audit row: each is written only if that row was.
  const results = await db.write([...changes, auditInsert(a, change.kind === 'comment' || change.kind === 'api-key'), ...marks, ...changeEvents(a.siteId, change, a, a.createdAt)]);
  return results[changes.length].rowsAffected > 0;
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
    summary: String(r.summary ?? ''),
    before: JSON.parse(String(r.before)),
    after: JSON.parse(String(r.after)),
    detail: String(r.detail),
    createdAt: Number(r.created_at),
    undoneBy: r.undone_by == null ? null : String(r.undone_by),
    seq: Number(r.seq),
  };
}

export async function getAction(db: Db, siteId: string, actionId: string): Promise<ModerationActionRecord | null> {
  const rs = await db.read({ sql: 'SELECT * FROM moderation_actions WHERE id = ? AND site_id = ?', args: [actionId, siteId] });
  return rs.rows[0] ? toAction(rs.rows[0]) : null;
}

export async function hasLaterAction(db: Db, a: ModerationActionRecord): Promise<boolean> {
  const rs = await db.read({
    sql: `SELECT 1 FROM moderation_actions WHERE site_id = ? AND target_type = ? AND target_id = ? AND seq > ?
            AND undone_by IS NULL AND action NOT IN ('undo', 'note') LIMIT 1`,
    args: [a.siteId, a.targetType, a.targetId, a.seq ?? 0],
  });
  return rs.rows.length > 0;
}

/** Newest first by sequence; each filter narrows one of the indexes that start with site_id. */
export async function listActions(db: Db, siteId: string, f: AuditFilter): Promise<ModerationActionRecord[]> {
  const where = ['site_id = ?'];
  const args: InValue[] = [siteId];
  const add = (sql: string, ...values: InValue[]) => {
    where.push(sql);
    args.push(...values);
  };
  if (f.actor) add('actor = ?', f.actor);
  if (f.targetType) add('target_type = ?', f.targetType);
  if (f.targetId) add('target_id = ?', f.targetId);
  if (f.action) add('action = ?', f.action);
  if (f.since !== undefined) add('created_at >= ?', f.since);
  if (f.until !== undefined) add('created_at < ?', f.until);
  if (f.beforeSeq !== undefined) add('seq < ?', f.beforeSeq);
  const rs = await db.read({
    sql: `SELECT * FROM moderation_actions WHERE ${where.join(' AND ')} ORDER BY seq DESC LIMIT ?`,
    args: [...args, f.limit],
  });
  return rs.rows.map(toAction);
}
