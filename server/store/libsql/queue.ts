// Review queues: one bounded range scan per page in each sort (migration 015 gives each its
// index), filtered by thread, rule, author, new members and a full-text search.
import type { Db } from './db';
import type { QueueItem, QueueMatch, QueueName, QueueRequest, QueueSort, ReportReason } from '../moderation-port';
import type { AfterNudge } from '../port';
import { EARLIER_PUBLISHED_CAP } from '../moderation-port';
import { COMMENT_COLUMNS, THREAD_COLUMNS, toComment, toThread } from './rows';
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
  if (req.search) {
    // The index spans every site; the join back to comments keeps a search within its own.
    where.push('c.rowid IN (SELECT rowid FROM comments_fts WHERE comments_fts MATCH ?)');
    args.push(req.search);
  }
  if (req.newMembersBelow !== undefined) {
    // As the "new member" badge counts (CONTEXT_COLUMNS): staff never are.
    where.push(`(SELECT role FROM users WHERE id = c.author_id) NOT IN ('moderator', 'admin')
      AND (SELECT COUNT(*) FROM (SELECT 1 FROM comments p WHERE p.author_id = c.author_id AND +p.site_id = c.site_id
        AND p.created_at < c.created_at AND p.status = 'published' AND p.deleted_at IS NULL LIMIT ?)) < ?`);
    args.push(req.newMembersBelow, req.newMembersBelow);
  }
  return { where, args };
}

/** Each sort's column ahead of the time and id, and its direction. */
const SORTS: Record<QueueSort, { key: string | null; dir: 'ASC' | 'DESC' }> = {
  newest: { key: null, dir: 'DESC' },
  oldest: { key: null, dir: 'ASC' },
  reports: { key: 'c.open_reports', dir: 'DESC' },
  score: { key: 'c.held_score', dir: 'DESC' },
};

/** The ORDER BY of a sort, and the keyset term that starts a page just past a position in it. */
export function sortTerms(sort: QueueSort, after: QueueRequest['after']) {
  const { key, dir } = SORTS[sort];
  const columns = [...(key ? [key] : []), 'c.created_at', 'c.id'];
  const orderBy = columns.map((col) => `${col} ${dir}`).join(', ');
  if (!after) return { orderBy, where: null, args: [] as (string | number)[] };
  const values = [...(key ? [after.key ?? 0] : []), after.createdAt, after.id];
  return { orderBy, where: `(${columns.join(', ')}) ${dir === 'DESC' ? '<' : '>'} (${columns.map(() => '?').join(', ')})`, args: values };
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
  const sort = sortTerms(req.sort ?? 'newest', req.after);
  if (sort.where) {
    where.push(sort.where);
    args.push(...sort.args);
  }
  if (req.ids) {
    where.push(`c.id IN (${req.ids.map(() => '?').join(',')})`);
    args.push(...req.ids);
  }
  // The page is found first, on the sort's index alone; only its rows are joined and given context.
  const rs = await db.read({
    sql: `WITH page AS (SELECT c.rowid AS rid FROM comments c WHERE ${where.join(' AND ')} ORDER BY ${sort.orderBy} LIMIT ?)
          SELECT ${COMMENT_COLUMNS}, c.held_score, t.title AS thread_title, t.url AS thread_url, t.section AS thread_section, ${CONTEXT_COLUMNS}
          FROM page JOIN comments c ON c.rowid = page.rid JOIN users u ON u.id = c.author_id JOIN threads t ON t.id = c.thread_id
          LEFT JOIN users m ON substr(c.reviewed_by, 1, 5) = 'user:' AND m.id = substr(c.reviewed_by, 6) AND m.site_id = c.site_id
          ORDER BY ${sort.orderBy}`,
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
      heldScore: Number(r.held_score ?? 0),
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

export async function countNewer(db: Db, match: QueueMatch, since: number): Promise<number> {
  const { where, args } = filters(match);
  const rs = await db.read({ sql: `SELECT COUNT(*) AS n FROM comments c WHERE ${where.join(' AND ')} AND c.created_at > ?`, args: [...args, since] });
  return Number(rs.rows[0]?.n ?? 0);
}

export async function listThreads(db: Db, siteId: string, before: { createdAt: number; id: string } | null, limit: number) {
  const count = (status: string) => `(SELECT COUNT(*) FROM comments c WHERE c.thread_id = t.id AND c.status = '${status}' AND c.deleted_at IS NULL)`;
  const rs = await db.read({
    sql: `SELECT ${THREAD_COLUMNS}, ${count('pending')} AS pending, ${count('rejected')} AS rejected FROM threads t
          WHERE t.site_id = ? ${before ? 'AND (t.created_at, t.id) < (?, ?)' : ''} ORDER BY t.created_at DESC, t.id DESC LIMIT ?`,
    args: before ? [siteId, before.createdAt, before.id, limit] : [siteId, limit],
  });
  return rs.rows.map((r) => ({ ...toThread(r), pending: Number(r.pending), rejected: Number(r.rejected) }));
}
