// Thirty-day figures for the dashboard's charts.
import type { Db } from './db';
import type { DailyStats } from '../moderation-port';

export async function dailyStats(db: Db, siteId: string, since: number): Promise<DailyStats[]> {
  const rs = await db.read({
    sql: `SELECT strftime('%Y-%m-%d', created_at / 1000, 'unixepoch') AS day, COUNT(*) AS total,
            SUM(reasons <> '[]') AS held, SUM(status = 'rejected') AS rejected
          FROM comments WHERE site_id = ? AND created_at >= ? GROUP BY day ORDER BY day`,
    args: [siteId, since],
  });
  return rs.rows.map((r) => ({ day: String(r.day), total: Number(r.total), held: Number(r.held), rejected: Number(r.rejected) }));
}

export async function ruleHits(db: Db, siteId: string, since: number): Promise<Record<string, number>> {
  const rs = await db.read({
    sql: `SELECT json_extract(j.value, '$.ruleId') AS rule, COUNT(*) AS n
          FROM comments c, json_each(c.reasons) j WHERE c.site_id = ? AND c.created_at >= ? GROUP BY rule`,
    args: [siteId, since],
  });
  return Object.fromEntries(rs.rows.map((r) => [String(r.rule), Number(r.n)]));
}
