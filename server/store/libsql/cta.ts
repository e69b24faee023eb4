// Calls to action: one upsert per event into the day's counter, and the totals over a window.
import type { Db } from './db';
import type { CtaCount, CtaTotals } from '../port';

export async function countCtaEvent(db: Db, e: CtaCount): Promise<void> {
  const column = e.event === 'click' ? 'clicks' : 'impressions';
  await db.write([
    {
      sql: `INSERT INTO cta_daily (site_id, day, section, tier, kind, ${column}) VALUES (?, ?, ?, ?, ?, 1)
            ON CONFLICT (site_id, day, section, tier, kind) DO UPDATE SET ${column} = ${column} + 1`,
      args: [e.siteId, e.day, e.section, e.tier, e.kind],
    },
  ]);
}

/** Totals per section, tier and kind from `sinceDay` (inclusive), most shown first. */
export async function ctaTotals(db: Db, siteId: string, sinceDay: string): Promise<CtaTotals[]> {
  const rs = await db.read({
    sql: `SELECT section, tier, kind, SUM(impressions) AS impressions, SUM(clicks) AS clicks FROM cta_daily
          WHERE site_id = ? AND day >= ? GROUP BY section, tier, kind ORDER BY impressions DESC, clicks DESC, section, tier, kind`,
    args: [siteId, sinceDay],
  });
  return rs.rows.map((r) => ({
    section: String(r.section),
    tier: String(r.tier),
    kind: r.kind === 'upgrade' ? 'upgrade' : 'guest',
    impressions: Number(r.impressions),
    clicks: Number(r.clicks),
  }));
}
