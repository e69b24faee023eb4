import type { Db } from './db';
import type { AddReportRequest } from '../moderation-port';

/**
 * One report per member per comment. In the same transaction: the comment's open report count
 * rises only if the report is new, and at the site's hide threshold a published comment is
 * hidden (leaving the visible count) until a moderator decides.
 */
export async function addReport(db: Db, r: AddReportRequest): Promise<{ added: boolean }> {
  const hideReason = JSON.stringify({ ruleId: 'reports', message: `Hidden after ${r.hideAt} reader reports`, spans: [] });
  const results = await db.write([
    {
      sql: `INSERT INTO reports (comment_id, user_id, site_id, reason, note, created_at) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING`,
      args: [r.commentId, r.userId, r.siteId, r.reason, r.note, r.now],
    },
    {
      sql: 'UPDATE comments SET open_reports = open_reports + (CASE WHEN changes() > 0 THEN 1 ELSE 0 END) WHERE id = ? AND site_id = ?',
      args: [r.commentId, r.siteId],
    },
    {
      sql: `UPDATE threads SET comment_count = comment_count - 1, version = version + 1
            WHERE id = (SELECT thread_id FROM comments WHERE id = ? AND site_id = ? AND status = 'published'
                        AND deleted_at IS NULL AND ? > 0 AND open_reports >= ?)`,
      args: [r.commentId, r.siteId, r.hideAt, r.hideAt],
    },
    {
      sql: `UPDATE comments SET status = 'pending', hidden_by_reports = 1, reasons = json_insert(reasons, '$[#]', json(?))
            WHERE id = ? AND site_id = ? AND status = 'published' AND deleted_at IS NULL AND ? > 0 AND open_reports >= ?`,
      args: [hideReason, r.commentId, r.siteId, r.hideAt, r.hideAt],
    },
  ]);
  return { added: results[0].rowsAffected > 0 };
}
