import type { Db } from './db';
import { ALWAYS, commentEvents } from './outbox-statements';
import type { AddReportRequest, ReporterRecord } from '../moderation-port';

/**
 * One report per member per comment. In the same transaction: the comment's open report count
 * rises only if the report is new, and when the open reports' weights reach the site's hide
 * threshold a published comment is hidden (leaving the visible count) until a moderator decides.
 */
export async function addReport(db: Db, r: AddReportRequest): Promise<{ added: boolean }> {
  const hideReason = JSON.stringify({ ruleId: 'reports', message: `Hidden after reader reports weighing ${r.hideAt} or more`, spans: [] });
  // Weights are in hundredths; a threshold of 0 never hides.
  const reachesHide = `? > 0 AND (SELECT COALESCE(SUM(weight), 0) FROM reports WHERE comment_id = ? AND resolved_at IS NULL) >= ? * 100`;
  const hideArgs = [r.hideAt, r.commentId, r.hideAt];
  const results = await db.write([
    {
      sql: `INSERT INTO reports (comment_id, user_id, site_id, reason, note, created_at, weight) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING`,
      args: [r.commentId, r.userId, r.siteId, r.reason, r.note, r.now, r.weight],
    },
    {
      sql: 'UPDATE comments SET open_reports = open_reports + (CASE WHEN changes() > 0 THEN 1 ELSE 0 END) WHERE id = ? AND site_id = ?',
      args: [r.commentId, r.siteId],
    },
    {
      sql: `UPDATE threads SET comment_count = comment_count - 1, version = version + 1
            WHERE id = (SELECT thread_id FROM comments WHERE id = ? AND site_id = ? AND status = 'published'
                        AND deleted_at IS NULL AND ${reachesHide})`,
      args: [r.commentId, r.siteId, ...hideArgs],
    },
    {
      sql: `UPDATE comments SET status = 'pending', hidden_by_reports = 1, reasons = json_insert(reasons, '$[#]', json(?))
            WHERE id = ? AND site_id = ? AND status = 'published' AND deleted_at IS NULL AND ${reachesHide}`,
      args: [hideReason, r.commentId, r.siteId, ...hideArgs],
    },
    // One per reporter and comment, as the report itself.
    commentEvents(`${r.commentId}.${r.userId}`, ['comment.reported'], r.siteId, r.commentId, r.now, ALWAYS, { reason: r.reason }),
  ]);
  return { added: results[0].rowsAffected > 0 };
}

// A moderator's delete keeps the text (for the audit trail and undo); an author's empties it, and
// no comment is stored empty.
const REMOVED_BY_MODERATOR = "c.deleted_at IS NOT NULL AND c.body_src <> ''";
const UPHELD = `c.status = 'rejected' OR (${REMOVED_BY_MODERATOR})`;

/**
 * How moderators decided on these members' past reports on the site: a report a moderator
 * resolved is upheld when the comment is now rejected or removed by a moderator, dismissed when
 * it is published, and undecided otherwise (held again, or put back by an undo). Read from the
 * comments' state now, so an undone decision stops counting.
 */
export async function reporterRecords(db: Db, siteId: string, userIds: string[]): Promise<Map<string, ReporterRecord>> {
  const records = new Map<string, ReporterRecord>();
  if (userIds.length === 0) return records;
  const rs = await db.read({
    sql: `SELECT r.user_id, SUM(CASE WHEN ${UPHELD} THEN 1 ELSE 0 END) AS upheld,
                 SUM(CASE WHEN ${UPHELD} OR c.status = 'published' THEN 1 ELSE 0 END) AS decided
          FROM reports r JOIN comments c ON c.id = r.comment_id AND c.site_id = r.site_id
          WHERE r.site_id = ? AND r.user_id IN (${userIds.map(() => '?').join(',')}) AND r.resolved_at IS NOT NULL
          GROUP BY r.user_id`,
    args: [siteId, ...userIds],
  });
  for (const row of rs.rows) records.set(String(row.user_id), { upheld: Number(row.upheld), decided: Number(row.decided) });
  return records;
}
