import type { Db } from './db';
import type { CreateThreadRequest, ThreadRecord, UpdateThreadRequest } from '../port';
import { THREAD_COLUMNS, toThread } from './rows';

export async function getThread(db: Db, siteId: string, threadId: string): Promise<ThreadRecord | null> {
  const rs = await db.read({ sql: `SELECT ${THREAD_COLUMNS} FROM threads t WHERE t.id = ? AND t.site_id = ?`, args: [threadId, siteId] });
  return rs.rows[0] ? toThread(rs.rows[0]) : null;
}

export async function findThreadByPageKey(db: Db, siteId: string, pageKey: string): Promise<ThreadRecord | null> {
  const rs = await db.read({ sql: `SELECT ${THREAD_COLUMNS} FROM threads t WHERE t.site_id = ? AND t.page_key = ?`, args: [siteId, pageKey] });
  return rs.rows[0] ? toThread(rs.rows[0]) : null;
}

export async function createThread(db: Db, t: CreateThreadRequest): Promise<ThreadRecord> {
  // Two readers opening a new article at once both try to create it; the unique index decides.
  await db.write([
    {
      sql: `INSERT INTO threads (id, site_id, page_key, url, title, section, section_locked, closed, created_at, published_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (site_id, page_key) DO NOTHING`,
      args: [t.id, t.siteId, t.pageKey, t.url, t.title, t.section, t.sectionLocked ? 1 : 0, t.closed ? 1 : 0, t.createdAt, t.publishedAt ?? null],
    },
  ]);
  const stored = await findThreadByPageKey(db, t.siteId, t.pageKey);
  if (!stored) throw new Error('thread vanished after insert');
  return stored;
}

export async function updateThread(db: Db, req: UpdateThreadRequest): Promise<ThreadRecord | null> {
  const sets: string[] = [];
  const args: (string | number)[] = [];
  const set = (column: string, value: string | number | undefined) => {
    if (value === undefined) return;
    sets.push(`${column} = ?`);
    args.push(value);
  };
  set('title', req.title);
  set('url', req.url);
  set('section', req.section);
  set('section_locked', req.sectionLocked === undefined ? undefined : req.sectionLocked ? 1 : 0);
  set('closed', req.closed === undefined ? undefined : req.closed ? 1 : 0);
  set('published_at', req.publishedAt);
  if (sets.length) {
    await db.write([
      {
        sql: `UPDATE threads SET ${sets.join(', ')}, version = version + 1 WHERE id = ? AND site_id = ?`,
        args: [...args, req.threadId, req.siteId],
      },
    ]);
  }
  return getThread(db, req.siteId, req.threadId);
}

export async function countComments(db: Db, siteId: string, pageKeys: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (!pageKeys.length) return counts;
  const rs = await db.read({
    sql: `SELECT page_key, comment_count FROM threads WHERE site_id = ? AND page_key IN (${pageKeys.map(() => '?').join(',')})`,
    args: [siteId, ...pageKeys],
  });
  for (const row of rs.rows) counts.set(String(row.page_key), Number(row.comment_count));
  return counts;
}
