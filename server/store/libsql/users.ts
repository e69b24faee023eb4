import type { Db } from './db';
import type { UpsertUserRequest, UserRecord } from '../port';
import { toUser } from './rows';

/** Name, tier, role, badges and avatar follow the latest token; moderation flags stay as moderators set them. */
export async function upsertUser(db: Db, u: UpsertUserRequest): Promise<UserRecord> {
  await db.write([
    {
      sql: `INSERT INTO users (id, site_id, external_id, display_name, tier, role, badges, avatar_url, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (site_id, external_id) DO UPDATE SET display_name = excluded.display_name, tier = excluded.tier,
              role = excluded.role, badges = excluded.badges, avatar_url = excluded.avatar_url, updated_at = excluded.updated_at`,
      args: [u.id, u.siteId, u.externalId, u.displayName, u.tier, u.role, JSON.stringify(u.badges), u.avatarUrl, u.now, u.now],
    },
  ]);
  const rs = await db.read({
    sql: 'SELECT * FROM users WHERE site_id = ? AND external_id = ?',
    args: [u.siteId, u.externalId],
  });
  return toUser(rs.rows[0]);
}

export async function getUser(db: Db, siteId: string, userId: string): Promise<UserRecord | null> {
  const rs = await db.read({ sql: 'SELECT * FROM users WHERE id = ? AND site_id = ?', args: [userId, siteId] });
  return rs.rows[0] ? toUser(rs.rows[0]) : null;
}

export async function findUserByExternalId(db: Db, siteId: string, externalId: string): Promise<UserRecord | null> {
  const rs = await db.read({
    sql: 'SELECT * FROM users WHERE site_id = ? AND external_id = ?',
    args: [siteId, externalId],
  });
  return rs.rows[0] ? toUser(rs.rows[0]) : null;
}
