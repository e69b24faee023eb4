// A site's own civility models: stored whole, listed without their weights, and the one in use
// named on the site's row.
import type { Row } from '@libsql/client';
import type { Db } from './db';
import type { CivilityModelRecord, CivilityModelSummary, ModeratorDecision } from '../moderation-port';

const SUMMARY_COLUMNS = 'id, site_id, name, created_at, figures';

function toSummary(r: Row): CivilityModelSummary {
  return { id: String(r.id), siteId: String(r.site_id), name: String(r.name), createdAt: Number(r.created_at), figures: JSON.parse(String(r.figures)) };
}

export async function saveCivilityModel(db: Db, m: CivilityModelRecord): Promise<void> {
  await db.write([
    {
      sql: 'INSERT INTO civility_models (id, site_id, name, created_at, figures, model) VALUES (?, ?, ?, ?, ?, ?)',
      args: [m.id, m.siteId, m.name, m.createdAt, JSON.stringify(m.figures), m.model],
    },
  ]);
}

export async function getCivilityModel(db: Db, siteId: string, id: string): Promise<CivilityModelRecord | null> {
  const rs = await db.read({ sql: `SELECT ${SUMMARY_COLUMNS}, model FROM civility_models WHERE id = ? AND site_id = ?`, args: [id, siteId] });
  const r = rs.rows[0];
  return r ? { ...toSummary(r), model: String(r.model) } : null;
}

/** Newest first. */
export async function listCivilityModels(db: Db, siteId: string, limit: number): Promise<CivilityModelSummary[]> {
  const rs = await db.read({ sql: `SELECT ${SUMMARY_COLUMNS} FROM civility_models WHERE site_id = ? ORDER BY created_at DESC, id DESC LIMIT ?`, args: [siteId, limit] });
  return rs.rows.map(toSummary);
}

/**
 * The moderators' standing decisions on held comments, newest first: for each comment its latest
 * approve or reject that was not undone, with the text the moderator saw and the reason given.
 * Comments their authors deleted since are left out (their text is gone).
 */
export async function listModeratorDecisions(db: Db, siteId: string, limit: number): Promise<ModeratorDecision[]> {
  const rs = await db.read({
    sql: `SELECT c.id, c.body_src, a.action, json_extract(a.after, '$.rejectReason') AS reason, c.reasons, a.created_at
          FROM moderation_actions a JOIN comments c ON c.id = a.target_id AND c.site_id = a.site_id
          WHERE a.site_id = ? AND a.target_type = 'comment' AND a.action IN ('approve', 'reject') AND a.undone_by IS NULL
            AND c.body_src <> ''
            AND a.seq = (SELECT MAX(b.seq) FROM moderation_actions b
                         WHERE b.site_id = a.site_id AND b.target_type = 'comment' AND b.target_id = a.target_id
                           AND b.action IN ('approve', 'reject') AND b.undone_by IS NULL)
          ORDER BY a.seq DESC LIMIT ?`,
    args: [siteId, limit],
  });
  return rs.rows.map((r) => ({
    commentId: String(r.id),
    body: String(r.body_src),
    decision: r.action === 'approve' ? 'approve' : 'reject',
    reason: r.reason == null ? null : String(r.reason),
    ruleIds: (JSON.parse(String(r.reasons ?? '[]')) as { ruleId?: string }[]).map((x) => String(x.ruleId ?? '')).filter(Boolean),
    decidedAt: Number(r.created_at),
  }));
}
