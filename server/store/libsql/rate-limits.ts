// Counting into fixed windows: one upsert that returns the new count, and in the same write a few
// windows past any limit's reach swept away, whoever they belonged to.
import type { Db } from './db';
import type { RateHit } from '../port';

/** Older than the longest window (an hour), with room: nothing reads these windows again. */
const SWEEP_AFTER_MS = 2 * 3600 * 1000;
const SWEEP_BATCH = 100;

export async function countHit(db: Db, hit: RateHit): Promise<number> {
  const windowStart = hit.now - (hit.now % hit.windowMs);
  const [upsert] = await db.write([
    {
      sql: `INSERT INTO rate_limits (site_id, bucket, window_start, count) VALUES (?, ?, ?, 1)
            ON CONFLICT (site_id, bucket, window_start) DO UPDATE SET count = count + 1 RETURNING count`,
      args: [hit.siteId, hit.bucket, windowStart],
    },
    {
      sql: `DELETE FROM rate_limits WHERE (site_id, bucket, window_start) IN
              (SELECT site_id, bucket, window_start FROM rate_limits WHERE window_start < ? LIMIT ${SWEEP_BATCH})`,
      args: [hit.now - SWEEP_AFTER_MS],
    },
  ]);
  return Number(upsert.rows[0]?.count ?? 1);
}

export async function peekHits(db: Db, hit: RateHit): Promise<number> {
  const windowStart = hit.now - (hit.now % hit.windowMs);
  const rs = await db.read({ sql: 'SELECT count FROM rate_limits WHERE site_id = ? AND bucket = ? AND window_start = ?', args: [hit.siteId, hit.bucket, windowStart] });
  return Number(rs.rows[0]?.count ?? 0);
}
