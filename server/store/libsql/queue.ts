// Review queues: one bounded range scan per page, filtered by thread and by the rule that
// put a comment there.
import type { Db } from './db';
import type { QueueItem, QueueMatch, QueueName, QueueRequest, ReportReason } from '../moderation-port';
import { COMMENT_COLUMNS, toComment, toThread } from './rows';
import { QUEUES } from '../../../shared/schemas/moderation-api';

function queueWhere(queue: QueueName | 'all'): string {
  switch (queue) {
    case 'all':
      return '1 = 1';
    case 'pending':
      return "c.status = 'pending'";
    case 'rejected':
      return "c.status = 'rejected'";
    case 'reported':
      return "c.open_reports >= ? AND c.open_reports > 0 AND c.status IN ('published', 'pending') AND c.deleted_at IS NULL";
    case 'recent':
      return "c.status = 'published' AND c.deleted_at IS NULL";
  }
}

/** The WHERE terms (over `comments c`) and their arguments that select a queue under its filters. */
export function filters(req: QueueMatch) {
  const where = ['c.site_id = ?', queueWhere(req.queue)];
  const args: (string | number)[] = [req.siteId];
  if (req.queue === 'reported') args.push(req.reportThreshold);
  if (req.threadId) {
    where.push('c.thread_id = ?');
    args.push(req.threadId);
  }
  if (req.authorId) {
    where.push('c.author_id = ?');
    args.push(req.authorId);
  }
  if (req.ruleId) {
    where.push("EXISTS (SELECT 1 FROM json_each(c.reasons) j WHERE json_extract(j.value, '$.ruleId') = ?)");
    args.push(req.ruleId);
  }
  return { where, args };
}

export async function listQueue(db: Db, req: QueueRequest): Promise<QueueItem[]> {
  const { where, args } = filters(req);
  if (req.before) {
    where.push('(c.created_at, c.id) < (?, ?)');
    args.push(req.before.createdAt, req.before.id);
  }
  const rs = await db.read({
    sql: `SELECT ${COMMENT_COLUMNS}, t.title AS thread_title, t.url AS thread_url, t.section AS thread_section
          FROM comments c JOIN users u ON u.id = c.author_id JOIN threads t ON t.id = c.thread_id
          WHERE ${where.join(' AND ')} ORDER BY c.created_at DESC, c.id DESC LIMIT ?`,
    args: [...args, req.limit],
  });
  const items: QueueItem[] = rs.rows.map((r) => ({
    comment: toComment(r),
    thread: { id: String(r.thread_id), title: String(r.thread_title), url: String(r.thread_url), section: String(r.thread_section) },
    reports: [],
  }));
  const reported = items.filter((i) => i.comment.openReports > 0).map((i) => i.comment.id);
  if (reported.length) {
    const reports = await db.read({
      sql: `SELECT comment_id, reason, COUNT(*) AS n, GROUP_CONCAT(NULLIF(note, ''), ' · ') AS notes FROM reports
            WHERE comment_id IN (${reported.map(() => '?').join(',')}) AND resolved_at IS NULL GROUP BY comment_id, reason`,
      args: reported,
    });
    const byComment = new Map(items.map((i) => [i.comment.id, i]));
    for (const r of reports.rows) {
      byComment.get(String(r.comment_id))?.reports.push({ reason: String(r.reason) as ReportReason, note: String(r.notes ?? ''), count: Number(r.n) });
    }
  }
  return items;
}

export async function queueCounts(db: Db, siteId: string, reportThreshold: number, threadId?: string): Promise<Record<QueueName, number>> {
  const counts = await Promise.all(
    QUEUES.map(async (queue) => {
      return [queue, await countMatching(db, { siteId, queue, reportThreshold, threadId })] as const;
    }),
  );
  return Object.fromEntries(counts) as Record<QueueName, number>;
}

export async function countMatching(db: Db, match: QueueMatch): Promise<number> {
  const { where, args } = filters(match);
  const rs = await db.read({ sql: `SELECT COUNT(*) AS n FROM comments c WHERE ${where.join(' AND ')}`, args });
  return Number(rs.rows[0]?.n ?? 0);
}

export async function listThreads(db: Db, siteId: string, before: { createdAt: number; id: string } | null, limit: number) {
  const count = (status: string) => `(SELECT COUNT(*) FROM comments c WHERE c.thread_id = t.id AND c.status = '${status}' AND c.deleted_at IS NULL)`;
  const rs = await db.read({
    sql: `SELECT t.*, ${count('pending')} AS pending, ${count('rejected')} AS rejected FROM threads t
          WHERE t.site_id = ? ${before ? 'AND (t.created_at, t.id) < (?, ?)' : ''} ORDER BY t.created_at DESC, t.id DESC LIMIT ?`,
    args: before ? [siteId, before.createdAt, before.id, limit] : [siteId, limit],
  });
  return rs.rows.map((r) => ({ ...toThread(r), pending: Number(r.pending), rejected: Number(r.rejected) }));
}
