// Thirty-day figures for the dashboard's charts.
import type { Db } from './db';
import type { ArticleStats, DailyStats, RuleDecisions } from '../moderation-port';

export async function dailyStats(db: Db, siteId: string, since: number): Promise<DailyStats[]> {
  const rs = await db.read({
    sql: `SELECT strftime('%Y-%m-%d', created_at / 1000, 'unixepoch') AS day, COUNT(*) AS total,
            COUNT(DISTINCT author_id) AS commenters, SUM(reasons <> '[]') AS held, SUM(status = 'rejected') AS rejected
          FROM comments WHERE site_id = ? AND created_at >= ? GROUP BY day ORDER BY day`,
    args: [siteId, since],
  });
  return rs.rows.map((r) => ({ day: String(r.day), total: Number(r.total), commenters: Number(r.commenters), held: Number(r.held), rejected: Number(r.rejected) }));
}

export async function ruleHits(db: Db, siteId: string, since: number): Promise<Record<string, number>> {
  const rs = await db.read({
    sql: `SELECT json_extract(j.value, '$.ruleId') AS rule, COUNT(*) AS n
          FROM comments c, json_each(c.reasons) j WHERE c.site_id = ? AND c.created_at >= ? GROUP BY rule`,
    args: [siteId, since],
  });
  return Object.fromEntries(rs.rows.map((r) => [String(r.rule), Number(r.n)]));
}

/** The articles with the most comments since then, with how many different members wrote them. */
export async function articleStats(db: Db, siteId: string, since: number, limit: number): Promise<ArticleStats[]> {
  const rs = await db.read({
    sql: `SELECT c.thread_id, t.title, t.url, COUNT(*) AS total, COUNT(DISTINCT c.author_id) AS commenters
          FROM comments c JOIN threads t ON t.id = c.thread_id
          WHERE c.site_id = ? AND c.created_at >= ? GROUP BY c.thread_id ORDER BY total DESC, c.thread_id LIMIT ?`,
    args: [siteId, since, limit],
  });
  return rs.rows.map((r) => ({ threadId: String(r.thread_id), title: String(r.title), url: String(r.url), comments: Number(r.total), commenters: Number(r.commenters) }));
}

// A moderator's decision on a comment: their approval or rejection that still stands.
const DECIDED = `EXISTS (SELECT 1 FROM moderation_actions a WHERE a.site_id = c.site_id AND a.target_type = 'comment'
                   AND a.target_id = c.id AND a.action IN ('approve', 'reject') AND a.undone_by IS NULL)`;

/**
 * How long comments posted since then waited for a moderator's first approval or rejection, in
 * milliseconds, one figure per decided comment (the service takes its percentiles).
 */
export async function decisionWaits(db: Db, siteId: string, since: number): Promise<number[]> {
  const rs = await db.read({
    sql: `SELECT MIN(a.created_at) - c.created_at AS wait FROM moderation_actions a JOIN comments c ON c.id = a.target_id
          WHERE a.site_id = ? AND a.target_type = 'comment' AND a.action IN ('approve', 'reject') AND a.created_at >= ? AND c.created_at >= ?
          GROUP BY a.target_id`,
    args: [siteId, since, since],
  });
  return rs.rows.map((r) => Math.max(0, Number(r.wait)));
}

/** What waits now: how many comments are pending, and since when the oldest has. */
export async function pendingNow(db: Db, siteId: string): Promise<{ pending: number; oldest: number | null }> {
  const rs = await db.read({
    sql: `SELECT COUNT(*) AS n, MIN(created_at) AS oldest FROM comments WHERE site_id = ? AND status = 'pending' AND deleted_at IS NULL`,
    args: [siteId],
  });
  const row = rs.rows[0];
  return { pending: Number(row?.n ?? 0), oldest: row?.oldest == null ? null : Number(row.oldest) };
}

/**
 * For each rule, the comments it stopped since then and what became of them: approved or rejected
 * by a moderator, rejected by the rule itself, or still waiting. A moderator's rejection upholds
 * the rule; an approval overturns it.
 */
export async function ruleDecisions(db: Db, siteId: string, since: number): Promise<Record<string, RuleDecisions>> {
  const rs = await db.read({
    sql: `SELECT json_extract(j.value, '$.ruleId') AS rule, c.status, ${DECIDED} AS decided, COUNT(*) AS n
          FROM comments c, json_each(c.reasons) j WHERE c.site_id = ? AND c.created_at >= ? GROUP BY rule, c.status, decided`,
    args: [siteId, since],
  });
  const out: Record<string, RuleDecisions> = {};
  for (const r of rs.rows) {
    const d = (out[String(r.rule)] ??= { stopped: 0, approved: 0, rejected: 0, autoRejected: 0, waiting: 0 });
    const n = Number(r.n);
    d.stopped += n;
    if (Number(r.decided)) d[r.status === 'rejected' ? 'rejected' : 'approved'] += n;
    else if (r.status === 'rejected') d.autoRejected += n;
    else if (r.status === 'pending') d.waiting += n;
  }
  return out;
}
