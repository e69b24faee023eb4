// Facts the moderation rules need, gathered before they run.
import type { Db } from './db';
import type { AuthorHistory, MemberRecord } from '../moderation-port';
import { stateOf } from '../../moderation/comment-states';
import type { Verdict } from '../../moderation/types';

// `+site_id` keeps the site check but stops the planner from choosing the site-wide time index
// over the author's own: without it, every post scanned all of the site's comments.
export async function authorHistory(db: Db, siteId: string, userId: string, since: number): Promise<AuthorHistory> {
  const [counts, recent] = await Promise.all([
    db.read({
      sql: `SELECT COALESCE(SUM(status = 'published' AND deleted_at IS NULL), 0) AS approved, COALESCE(SUM(status = 'rejected'), 0) AS rejected
            FROM comments WHERE author_id = ? AND +site_id = ?`,
      args: [userId, siteId],
    }),
    db.read({
      sql: `SELECT id, body_src, created_at, thread_id FROM comments
            WHERE author_id = ? AND +site_id = ? AND created_at > ? ORDER BY created_at DESC LIMIT 50`,
      args: [userId, siteId, since],
    }),
  ]);
  return {
    approvedCount: Number(counts.rows[0]?.approved ?? 0),
    rejectedCount: Number(counts.rows[0]?.rejected ?? 0),
    recent: recent.rows.map((r) => ({ id: String(r.id), body: String(r.body_src), createdAt: Number(r.created_at), threadId: String(r.thread_id) })),
  };
}

export async function countRecentByIp(db: Db, siteId: string, ipHash: string, since: number): Promise<number> {
  const rs = await db.read({
    sql: 'SELECT COUNT(*) AS n FROM comments WHERE site_id = ? AND ip_hash = ? AND created_at > ?',
    args: [siteId, ipHash, since],
  });
  return Number(rs.rows[0]?.n ?? 0);
}

export async function recordNudge(
  db: Db,
  e: { siteId: string; userId: string; kind: 'shown' | 'posted_anyway' | 'revised'; ruleIds: string[]; now: number },
): Promise<void> {
  await db.write([
    {
      sql: 'INSERT INTO nudge_events (site_id, user_id, kind, rule_ids, created_at) VALUES (?, ?, ?, ?, ?)',
      args: [e.siteId, e.userId, e.kind, JSON.stringify(e.ruleIds), e.now],
    },
  ]);
}

export async function nudgeCounts(db: Db, siteId: string, since: number) {
  const rs = await db.read({
    sql: 'SELECT kind, COUNT(*) AS n FROM nudge_events WHERE site_id = ? AND created_at >= ? GROUP BY kind',
    args: [siteId, since],
  });
  const by = Object.fromEntries(rs.rows.map((r) => [String(r.kind), Number(r.n)]));
  return { shown: by.shown ?? 0, postedAnyway: by.posted_anyway ?? 0, revised: by.revised ?? 0 };
}

/**
 * A member's record on a site for the moderators' drawer: counts by state, and their newest
 * comments with the article each is on. "Reported" counts comments anyone reported; "upheld"
 * those of them a moderator then rejected. Two reads, each over the author's own index.
 */
export async function memberRecord(db: Db, siteId: string, userId: string, limit: number): Promise<MemberRecord> {
  const reported = 'EXISTS (SELECT 1 FROM reports r WHERE r.comment_id = c.id)';
  const [counts, rows] = await Promise.all([
    db.read({
      sql: `SELECT COALESCE(SUM(c.deleted_at IS NULL AND c.status = 'published'), 0) AS published,
                   COALESCE(SUM(c.deleted_at IS NULL AND c.status = 'pending'), 0) AS pending,
                   COALESCE(SUM(c.deleted_at IS NULL AND c.status = 'rejected'), 0) AS rejected,
                   COALESCE(SUM(c.deleted_at IS NOT NULL), 0) AS deleted,
                   COALESCE(SUM(${reported}), 0) AS reported,
                   COALESCE(SUM(c.status = 'rejected' AND ${reported}), 0) AS upheld
            FROM comments c WHERE c.author_id = ? AND +c.site_id = ?`,
      args: [userId, siteId],
    }),
    db.read({
      sql: `SELECT c.id, c.body_src, c.status, c.hidden_by_reports, c.deleted_at, c.created_at, c.thread_id, t.title, t.url,
                   (SELECT COUNT(*) FROM reports r WHERE r.comment_id = c.id) AS reports
            FROM comments c JOIN threads t ON t.id = c.thread_id
            WHERE c.author_id = ? AND +c.site_id = ? ORDER BY c.created_at DESC LIMIT ?`,
      args: [userId, siteId, limit],
    }),
  ]);
  const n = (k: string) => Number(counts.rows[0]?.[k] ?? 0);
  return {
    counts: { published: n('published'), pending: n('pending'), rejected: n('rejected'), deleted: n('deleted'), reported: n('reported'), upheldReports: n('upheld') },
    comments: rows.rows.map((r) => ({
      id: String(r.id),
      body: String(r.body_src),
      state: stateOf({ status: String(r.status) as Verdict, deletedAt: r.deleted_at === null ? null : Number(r.deleted_at), hiddenByReports: Boolean(Number(r.hidden_by_reports)) }),
      createdAt: Number(r.created_at),
      threadId: String(r.thread_id),
      threadTitle: String(r.title ?? ''),
      threadUrl: String(r.url ?? ''),
      reports: Number(r.reports),
    })),
  };
}
