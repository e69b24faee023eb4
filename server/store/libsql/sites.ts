import type { Db } from './db';
import type { SiteRecord } from '../port';
import { toSite } from './rows';

export async function getSite(db: Db, siteId: string): Promise<SiteRecord | null> {
  const rs = await db.read({ sql: 'SELECT * FROM sites WHERE id = ?', args: [siteId] });
  return rs.rows[0] ? toSite(rs.rows[0]) : null;
}

export async function saveSite(db: Db, site: SiteRecord, now: number): Promise<void> {
  await db.write([
    {
      sql: `INSERT INTO sites (id, name, allowed_origins, sso, policy, guidelines, calls_to_action, settings, api_key_hash, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, allowed_origins = excluded.allowed_origins,
              sso = excluded.sso, policy = excluded.policy, guidelines = excluded.guidelines,
              calls_to_action = excluded.calls_to_action, settings = excluded.settings, api_key_hash = excluded.api_key_hash`,
      args: [
        site.id,
        site.name,
        JSON.stringify(site.allowedOrigins),
        JSON.stringify(site.sso),
        JSON.stringify(site.policy),
        site.guidelines,
        JSON.stringify(site.callsToAction),
        JSON.stringify(site.settings),
        site.apiKeyHash,
        now,
      ],
    },
  ]);
}
