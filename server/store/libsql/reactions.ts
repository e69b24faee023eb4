import type { Db } from './db';
import type { SetLikeRequest } from '../port';

export async function setLike(db: Db, req: SetLikeRequest): Promise<number> {
  // The count changes only when the reaction row really changes, so double clicks cannot inflate it.
  const change = req.liked
    ? { sql: 'INSERT INTO reactions (comment_id, user_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', args: [req.commentId, req.userId, req.now] }
    : { sql: 'DELETE FROM reactions WHERE comment_id = ? AND user_id = ?', args: [req.commentId, req.userId] };
  const results = await db.write([
    change,
    {
      sql: `UPDATE comments SET like_count = like_count + (CASE WHEN changes() > 0 THEN ? ELSE 0 END)
            WHERE id = ? AND site_id = ?`,
      args: [req.liked ? 1 : -1, req.commentId, req.siteId],
    },
    { sql: 'UPDATE threads SET version = version + 1 WHERE id = (SELECT thread_id FROM comments WHERE id = ?)', args: [req.commentId] },
    { sql: 'SELECT like_count FROM comments WHERE id = ? AND site_id = ?', args: [req.commentId, req.siteId] },
  ]);
  return Number(results[3].rows[0]?.like_count ?? 0);
}

export async function likedBy(db: Db, userId: string, commentIds: string[]): Promise<Set<string>> {
  if (!commentIds.length) return new Set();
  const rs = await db.read({
    sql: `SELECT comment_id FROM reactions WHERE user_id = ? AND comment_id IN (${commentIds.map(() => '?').join(',')})`,
    args: [userId, ...commentIds],
  });
  return new Set(rs.rows.map((r) => String(r.comment_id)));
}
