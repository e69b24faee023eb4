// Facts the moderation rules need, gathered before they run.
import type { Db } from './db';
import type { AuthorHistory } from '../moderation-port';

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
