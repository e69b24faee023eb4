// Conversations as moderators see them: every comment of a top-level comment's tree, whatever its
// state, and the comments queue items reply to, each read for a whole page of items at once.
// `+site_id` keeps the site check off the planner's choice of index: ids and roots narrow further.
import type { Db } from './db';
import type { CommentWithAuthor } from '../port';
import { FROM } from './comments';
import { toComment } from './rows';

const marks = (values: unknown[]) => values.map(() => '?').join(',');

export async function commentsByIds(db: Db, siteId: string, ids: string[]): Promise<CommentWithAuthor[]> {
  if (ids.length === 0) return [];
  const rs = await db.read({ sql: `${FROM} WHERE c.id IN (${marks(ids)}) AND +c.site_id = ?`, args: [...ids, siteId] });
  return rs.rows.map(toComment);
}

/** How many comments each conversation holds, its top-level comment included (root_id is its own id). */
export async function conversationSizes(db: Db, siteId: string, rootIds: string[]): Promise<Map<string, number>> {
  if (rootIds.length === 0) return new Map();
  const rs = await db.read({
    sql: `SELECT root_id, COUNT(*) AS n FROM comments WHERE root_id IN (${marks(rootIds)}) AND +site_id = ? GROUP BY root_id`,
    args: [...rootIds, siteId],
  });
  return new Map(rs.rows.map((r) => [String(r.root_id), Number(r.n)]));
}

/** Oldest first, so each reply follows what it answers. */
export async function listConversation(db: Db, siteId: string, rootId: string, limit: number): Promise<CommentWithAuthor[]> {
  const rs = await db.read({
    sql: `${FROM} WHERE c.root_id = ? AND +c.site_id = ? ORDER BY c.created_at ASC, c.id ASC LIMIT ?`,
    args: [rootId, siteId, limit],
  });
  return rs.rows.map(toComment);
}
