// Review queues: one bounded range scan per page, filtered by thread and by the rule that
// put a comment there.
import type { Db } from './db';
import type { QueueItem, QueueMatch, QueueName, QueueRequest, ReportReason } from '../moderation-port';
import type { AfterNudge } from '../port';
import { EARLIER_PUBLISHED_CAP } from '../moderation-port';
import { COMMENT_COLUMNS, toComment, toThread } from './rows';
import { MAX_REPORTERS_NAMED, QUEUES } from '../../../shared/schemas/moderation-api';

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

// Beside each comment: its author's standing, who last reviewed it (named when a member), and how
// many published comments its author had posted before it, counted no further than the
// new-member rule could ask (the author index bounds each count).
const CONTEXT_COLUMNS = `c.after_nudge, u.banned AS author_banned, u.suspended_until AS author_suspended_until,
  u.always_premoderate AS author_premoderated, m.display_name AS reviewer_name,
  (SELECT COUNT(*) FROM (SELECT 1 FROM comments p WHERE p.author_id = c.author_id AND +p.site_id = c.site_id
     AND p.created_at < c.created_at AND p.status = 'published' AND p.deleted_at IS NULL LIMIT ${EARLIER_PUBLISHED_CAP})) AS earlier_published`;

export async function listQueue(db: Db, req: QueueRequest): Promise<QueueItem[]> {
  const { where, args } = filters(req);
  if (req.before) {
    where.push('(c.created_at, c.id) < (?, ?)');
    args.push(req.before.createdAt, req.before.id);
  }
  const rs = await db.read({
    sql: `SELECT ${COMMENT_COLUMNS}, t.title AS thread_title, t.url AS thread_url, t.section AS thread_section, ${CONTEXT_COLUMNS}
          FROM comments c JOIN users u ON u.id = c.author_id JOIN threads t ON t.id = c.thread_id
          LEFT JOIN users m ON substr(c.reviewed_by, 1, 5) = 'user:' AND m.id = substr(c.reviewed_by, 6) AND m.site_id = c.site_id
          WHERE ${where.join(' AND ')} ORDER BY c.created_at DESC, c.id DESC LIMIT ?`,
    args: [...args, req.limit],
  });
  const items: QueueItem[] = rs.rows.map((r) => ({
    comment: toComment(r),
    thread: { id: String(r.thread_id), title: String(r.thread_title), url: String(r.thread_url), section: String(r.thread_section) },
    reports: [],
    facts: {
      afterNudge: r.after_nudge == null ? null : (String(r.after_nudge) as AfterNudge),
      author: {
        banned: Number(r.author_banned) === 1,
        suspendedUntil: r.author_suspended_until == null ? null : Number(r.author_suspended_until),
        alwaysPremoderate: Number(r.author_premoderated) === 1,
      },
      reviewed:
        r.reviewed_by == null
          ? null
          : { actor: String(r.reviewed_by), name: r.reviewer_name == null ? null : String(r.reviewer_name), at: Number(r.reviewed_at) },
      earlierPublished: Number(r.earlier_published),
      openReportWeight: 0,
    },
  }));
  await addOpenReports(db, items);
  return items;
}

/** Each reported item's open reports by reason, with their reporters and summed weight: one query for the page. */
async function addOpenReports(db: Db, items: QueueItem[]): Promise<void> {
  const reported = items.filter((i) => i.comment.openReports > 0);
  if (reported.length === 0) return;
  const rs = await db.read({
    sql: `SELECT r.comment_id, r.reason, r.note, r.user_id, r.weight, u.display_name FROM reports r JOIN users u ON u.id = r.user_id
          WHERE r.comment_id IN (${reported.map(() => '?').join(',')}) AND r.resolved_at IS NULL ORDER BY r.created_at, r.user_id`,
    args: reported.map((i) => i.comment.id),
  });
  const byComment = new Map(reported.map((i) => [i.comment.id, i]));
  for (const r of rs.rows) {
    const item = byComment.get(String(r.comment_id));
    if (!item) continue;
    const reason = String(r.reason) as ReportReason;
    let group = item.reports.find((g) => g.reason === reason);
    if (!group) item.reports.push((group = { reason, note: '', count: 0, reporters: [] }));
    const note = String(r.note ?? '');
    group.count += 1;
    if (note) group.note = group.note ? `${group.note} · ${note}` : note;
    if (group.reporters.length < MAX_REPORTERS_NAMED) group.reporters.push({ id: String(r.user_id), name: String(r.display_name), note, weight: Number(r.weight) });
    item.facts!.openReportWeight += Number(r.weight);
  }
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
