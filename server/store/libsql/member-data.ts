// Members' data rights in SQL: one member's data read back, and erasure in one transaction, so a
// request that fails leaves the member as they were, never half erased.
import type { InStatement } from '@libsql/client';
import type { Db } from './db';
import type { EraseRequest, Erasure, MemberData } from '../member-data-port';

const json = <T>(v: unknown, fallback: T): T => (v == null ? fallback : (JSON.parse(String(v)) as T));

export async function memberData(db: Db, siteId: string, userId: string): Promise<MemberData | null> {
  const [users, comments, likes, reports, prefs, follows, actions] = await Promise.all([
    db.read({ sql: 'SELECT * FROM users WHERE id = ? AND site_id = ?', args: [userId, siteId] }),
    db.read({
      sql: `SELECT c.id, c.parent_id, c.body_src, c.status, c.created_at, c.edited_at, c.deleted_at, c.like_count, t.url, t.title
            FROM comments c JOIN threads t ON t.id = c.thread_id WHERE c.author_id = ? AND c.site_id = ? ORDER BY c.created_at`,
      args: [userId, siteId],
    }),
    db.read({ sql: 'SELECT comment_id, created_at FROM reactions WHERE user_id = ? ORDER BY created_at', args: [userId] }),
    db.read({ sql: 'SELECT comment_id, reason, note, created_at, resolved_at FROM reports WHERE user_id = ? AND site_id = ? ORDER BY created_at', args: [userId, siteId] }),
    db.read({ sql: 'SELECT email, replies, decisions FROM mail_preferences WHERE user_id = ? AND site_id = ?', args: [userId, siteId] }),
    db.read({ sql: 'SELECT t.url, f.created_at FROM thread_follows f JOIN threads t ON t.id = f.thread_id WHERE f.user_id = ? ORDER BY f.created_at', args: [userId] }),
    db.read({
      sql: `SELECT action, target_type, target_id, detail, created_at FROM moderation_actions
            WHERE site_id = ?1 AND ((target_type = 'user' AND target_id = ?2) OR (target_type = 'comment' AND target_id IN (SELECT id FROM comments WHERE author_id = ?2)))
            ORDER BY created_at`,
      args: [siteId, userId],
    }),
  ]);
  const u = users.rows[0];
  if (!u) return null;
  const p = prefs.rows[0];
  return {
    member: {
      id: String(u.id),
      externalId: String(u.external_id),
      displayName: String(u.display_name),
      tier: String(u.tier),
      role: String(u.role),
      badges: json(u.badges, [] as string[]),
      avatarUrl: u.avatar_url == null ? null : String(u.avatar_url),
      banned: Number(u.banned) === 1,
      suspendedUntil: u.suspended_until == null ? null : Number(u.suspended_until),
      createdAt: Number(u.created_at),
    },
    comments: comments.rows.map((r) => ({
      id: String(r.id),
      threadUrl: String(r.url),
      threadTitle: String(r.title),
      parentId: r.parent_id == null ? null : String(r.parent_id),
      body: String(r.body_src),
      status: String(r.status),
      createdAt: Number(r.created_at),
      editedAt: r.edited_at == null ? null : Number(r.edited_at),
      deletedAt: r.deleted_at == null ? null : Number(r.deleted_at),
      likes: Number(r.like_count),
    })),
    likes: likes.rows.map((r) => ({ commentId: String(r.comment_id), createdAt: Number(r.created_at) })),
    reports: reports.rows.map((r) => ({ commentId: String(r.comment_id), reason: String(r.reason), note: String(r.note), createdAt: Number(r.created_at), resolvedAt: r.resolved_at == null ? null : Number(r.resolved_at) })),
    mail: p
      ? { email: String(p.email), replies: Number(p.replies) === 1, decisions: Number(p.decisions) === 1, following: follows.rows.map((r) => ({ threadUrl: String(r.url), since: Number(r.created_at) })) }
      : null,
    moderation: actions.rows.map((r) => ({ action: String(r.action), targetType: String(r.target_type), targetId: String(r.target_id), note: String(r.detail), createdAt: Number(r.created_at) })),
  };
}

/** Erases one member: see the README's "Members' data" for what goes, what stays, and why. */
export async function eraseMember(db: Db, r: EraseRequest): Promise<Erasure | null> {
  const exists = await db.read({ sql: 'SELECT 1 FROM users WHERE id = ? AND site_id = ?', args: [r.userId, r.siteId] });
  if (!exists.rows.length) return null;
  const remove = r.mode === 'remove';
  const stmts: InStatement[] = [
    // What of their e-mail there is, counted before it goes (for the answer).
    { sql: 'SELECT (SELECT COUNT(*) FROM mail_preferences WHERE user_id = ?1) + (SELECT COUNT(*) FROM thread_follows WHERE user_id = ?1) AS n', args: [r.userId] },
    // The audit row, before any change so its counts are of what was there (and are the answer's):
    // who asked and how much went, nothing of the member.
    {
      sql: `INSERT INTO moderation_actions (id, site_id, actor, actor_name, action, target_type, target_id, before, after, detail, created_at)
            VALUES (?1, ?2, ?3, ?4, 'erase_member', 'user', ?5, '{}', json_object('mode', ?6,
              'comments', (SELECT COUNT(*) FROM comments WHERE author_id = ?5 AND deleted_at IS NULL),
              'likes', (SELECT COUNT(*) FROM reactions WHERE user_id = ?5),
              'reports', (SELECT COUNT(*) FROM reports WHERE user_id = ?5)), '', ?7)
            RETURNING after`,
      args: [r.audit.id, r.siteId, r.audit.actor, r.audit.actorName, r.userId, r.mode, r.now],
    },
    // Likes given: the counts they made go with them.
    { sql: 'UPDATE comments SET like_count = MAX(0, like_count - 1) WHERE id IN (SELECT comment_id FROM reactions WHERE user_id = ?)', args: [r.userId] },
    { sql: 'DELETE FROM reactions WHERE user_id = ?', args: [r.userId] },
    // Reports made: those not yet reviewed stop counting toward the queue.
    { sql: 'UPDATE comments SET open_reports = MAX(0, open_reports - 1) WHERE id IN (SELECT comment_id FROM reports WHERE user_id = ? AND resolved_at IS NULL)', args: [r.userId] },
    { sql: 'DELETE FROM reports WHERE user_id = ? AND site_id = ?', args: [r.userId, r.siteId] },
    // E-mail: the address, what they asked for, and what was waiting to be sent.
    { sql: 'DELETE FROM mail_notices WHERE user_id = ?1 OR comment_id IN (SELECT id FROM comments WHERE author_id = ?1)', args: [r.userId] },
    { sql: 'DELETE FROM mail_messages WHERE user_id = ?', args: [r.userId] },
    { sql: 'DELETE FROM thread_follows WHERE user_id = ?', args: [r.userId] },
    { sql: 'DELETE FROM mail_preferences WHERE user_id = ?', args: [r.userId] },
    { sql: 'DELETE FROM nudge_events WHERE user_id = ? AND site_id = ?', args: [r.userId, r.siteId] },
    // Stored answers to their writes hold their comments' text.
    { sql: 'DELETE FROM idempotency_keys WHERE site_id = ? AND sender = ?', args: [r.siteId, `member:${r.externalId}`] },
  ];
  if (remove) {
    stmts.push(
      {
        sql: `UPDATE threads SET comment_count = comment_count - (SELECT COUNT(*) FROM comments c WHERE c.thread_id = threads.id AND c.author_id = ?1 AND c.status = 'published' AND c.deleted_at IS NULL)
              WHERE id IN (SELECT DISTINCT thread_id FROM comments WHERE author_id = ?1)`,
        args: [r.userId],
      },
      // Tombstones: replies to them keep their place; the widget hides those nobody answered.
      { sql: "UPDATE comments SET body_src = '', body_html = '', ip_hash = NULL, deleted_at = COALESCE(deleted_at, ?) WHERE author_id = ?", args: [r.now, r.userId] },
      { sql: `UPDATE outbox_events SET payload = json_set(payload, '$.comment.authorName', 'Former member', '$.comment.bodyHtml', '') WHERE json_extract(payload, '$.comment.authorId') = ?`, args: [r.userId] },
    );
  } else {
    stmts.push(
      { sql: 'UPDATE comments SET ip_hash = NULL WHERE author_id = ?', args: [r.userId] },
      { sql: `UPDATE outbox_events SET payload = json_set(payload, '$.comment.authorName', 'Former member') WHERE json_extract(payload, '$.comment.authorId') = ?`, args: [r.userId] },
    );
  }
  stmts.push(
    // Every cached page that showed them is read again.
    { sql: `UPDATE threads SET version = version + 1 WHERE id IN (SELECT DISTINCT thread_id FROM comments WHERE author_id = ?)`, args: [r.userId] },
    // The row stays (comments and the moderation log point at it), with nothing that says who it was.
    // A later token with the same sub makes a new member.
    {
      sql: `UPDATE users SET external_id = 'erased:' || id, display_name = 'Former member', tier = '', badges = '[]', avatar_url = NULL, updated_at = ? WHERE id = ? AND site_id = ?`,
      args: [r.now, r.userId, r.siteId],
    },
  );
  const [mail, audit] = await db.write(stmts);
  const counted = JSON.parse(String(audit.rows[0].after)) as { comments: number; likes: number; reports: number };
  return { comments: counted.comments, likes: counted.likes, reports: counted.reports, mail: Number(mail.rows[0]?.n ?? 0) };
}
