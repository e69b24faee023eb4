// A member taking over the comments of an imported author their token names (identity/claim-imported).
import type { InStatement } from '@libsql/client';
import type { Db } from './db';

const marks = (n: number) => Array.from({ length: n }, () => '?').join(',');

export async function unclaimedImportedUsers(db: Db, siteId: string, externalIds: string[]): Promise<{ id: string; displayName: string }[]> {
  if (!externalIds.length) return [];
  const rs = await db.read({
    sql: `SELECT id, display_name FROM users WHERE site_id = ? AND imported = 1 AND claimed_by IS NULL AND external_id IN (${marks(externalIds.length)})`,
    args: [siteId, ...externalIds],
  });
  return rs.rows.map((r) => ({ id: String(r.id), displayName: String(r.display_name) }));
}

/**
 * One transaction: the search index learns the comments' new author name (it indexes the author
 * with the body, and no trigger sees an author change), the comments change hands, their threads'
 * cached pages go stale, and the imported users are marked claimed, so nobody claims them twice.
 */
export async function claimImportedUsers(db: Db, siteId: string, memberId: string, importedIds: string[], now: number): Promise<number> {
  if (!importedIds.length) return 0;
  const ids = marks(importedIds.length);
  const theirs = `c.site_id = ? AND c.author_id IN (${ids}) AND EXISTS (SELECT 1 FROM users i WHERE i.id = c.author_id AND i.imported = 1 AND i.claimed_by IS NULL)`;
  const args = [siteId, ...importedIds];
  const stmts: InStatement[] = [
    {
      sql: `INSERT INTO comments_fts(comments_fts, rowid, body, author)
            SELECT 'delete', c.rowid, c.body_src, (SELECT display_name FROM users WHERE id = c.author_id) FROM comments c WHERE ${theirs}`,
      args,
    },
    {
      sql: `INSERT INTO comments_fts(rowid, body, author) SELECT c.rowid, c.body_src, (SELECT display_name FROM users WHERE id = ?) FROM comments c WHERE ${theirs}`,
      args: [memberId, ...args],
    },
    { sql: `UPDATE threads SET version = version + 1 WHERE id IN (SELECT DISTINCT c.thread_id FROM comments c WHERE ${theirs})`, args },
    { sql: `UPDATE comments AS c SET author_id = ? WHERE ${theirs}`, args: [memberId, ...args] },
    {
      sql: `UPDATE users SET claimed_by = ?, updated_at = ? WHERE site_id = ? AND imported = 1 AND claimed_by IS NULL AND id IN (${ids})`,
      args: [memberId, now, siteId, ...importedIds],
    },
  ];
  const results = await db.write(stmts);
  return results[3].rowsAffected;
}
