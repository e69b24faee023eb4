// E-mail's storage: members' preferences and follows, notices folded into messages, messages
// sent at least once under a lease (as deliveries are), and moderators' alert state.
import type { InStatement, Row } from '@libsql/client';
import type { Db } from './db';
import type {
  ClaimedMail,
  MailMessageRecord,
  MailOutcome,
  MailPreferencesChange,
  MailPreferencesRecord,
  NoticeKind,
  QueueHealth,
  UnsubscribeList,
  WaitingNotice,
} from '../mail-port';

/** An address is kept only while its member wants something: no list and no follow, no row. */
const forgetIfNothingWanted = (userId: string): InStatement => ({
  sql: `DELETE FROM mail_preferences WHERE user_id = ? AND replies = 0 AND decisions = 0
          AND NOT EXISTS (SELECT 1 FROM thread_follows WHERE user_id = mail_preferences.user_id)`,
  args: [userId],
});

export async function getMailPreferences(db: Db, siteId: string, userId: string, threadId?: string): Promise<MailPreferencesRecord | null> {
  const rs = await db.read({
    sql: `SELECT email, replies, decisions, EXISTS (SELECT 1 FROM thread_follows f WHERE f.user_id = p.user_id AND f.thread_id = ?) AS following
          FROM mail_preferences p WHERE p.user_id = ? AND p.site_id = ?`,
    args: [threadId ?? '', userId, siteId],
  });
  const row = rs.rows[0];
  return row ? { email: String(row.email), replies: Number(row.replies) === 1, decisions: Number(row.decisions) === 1, following: Number(row.following) === 1 } : null;
}

export async function saveMailPreferences(db: Db, c: MailPreferencesChange): Promise<MailPreferencesRecord | null> {
  const flag = (v: boolean | undefined) => (v === undefined ? null : v ? 1 : 0);
  const stmts: InStatement[] = [
    {
      sql: `INSERT INTO mail_preferences (user_id, site_id, email, replies, decisions, updated_at) VALUES (?, ?, ?, COALESCE(?, 0), COALESCE(?, 0), ?)
            ON CONFLICT (user_id) DO UPDATE SET email = excluded.email, updated_at = excluded.updated_at,
              replies = COALESCE(?, replies), decisions = COALESCE(?, decisions)`,
      args: [c.userId, c.siteId, c.email, flag(c.replies), flag(c.decisions), c.now, flag(c.replies), flag(c.decisions)],
    },
  ];
  if (c.follow?.on)
    stmts.push({ sql: 'INSERT OR IGNORE INTO thread_follows (user_id, thread_id, site_id, created_at) SELECT ?, id, site_id, ? FROM threads WHERE id = ? AND site_id = ?', args: [c.userId, c.now, c.follow.threadId, c.siteId] });
  else if (c.follow) stmts.push({ sql: 'DELETE FROM thread_follows WHERE user_id = ? AND thread_id = ?', args: [c.userId, c.follow.threadId] });
  stmts.push(forgetIfNothingWanted(c.userId));
  await db.write(stmts);
  return getMailPreferences(db, c.siteId, c.userId, c.follow?.threadId);
}

export async function unsubscribe(db: Db, siteId: string, userId: string, list: Exclude<UnsubscribeList, 'moderators'>, threadId?: string): Promise<boolean> {
  const stmt: InStatement =
    list === 'follow'
      ? { sql: 'DELETE FROM thread_follows WHERE user_id = ? AND thread_id = ? AND site_id = ?', args: [userId, threadId ?? '', siteId] }
      : { sql: `UPDATE mail_preferences SET ${list} = 0 WHERE user_id = ? AND site_id = ? AND ${list} = 1`, args: [userId, siteId] };
  // Also the notices still waiting: a member who unsubscribed gets nothing more of that list.
  const kinds = list === 'replies' ? "('reply')" : list === 'decisions' ? "('approved', 'rejected')" : "('follow')";
  const waiting: InStatement = {
    sql: `DELETE FROM mail_notices WHERE user_id = ? AND site_id = ? AND message_id IS NULL AND kind IN ${kinds} AND (? = '' OR thread_id = ?)`,
    args: [userId, siteId, list === 'follow' ? (threadId ?? '') : '', threadId ?? ''],
  };
  const [changed] = await db.write([stmt, waiting, forgetIfNothingWanted(userId)]);
  return changed.rowsAffected > 0;
}

export async function suppressAddress(db: Db, siteId: string, address: string, now: number): Promise<void> {
  await db.write([{ sql: 'INSERT OR IGNORE INTO mail_suppressions (site_id, address, created_at) VALUES (?, ?, ?)', args: [siteId, address.toLowerCase(), now] }]);
}

export async function suppressedAddresses(db: Db, siteId: string): Promise<Set<string>> {
  const rs = await db.read({ sql: 'SELECT address FROM mail_suppressions WHERE site_id = ?', args: [siteId] });
  return new Set(rs.rows.map((r) => String(r.address)));
}

/**
 * The notices an event batch makes, for the transaction that marks those events fanned out
 * (`events` selects their ids). A reply notice comes first so a follower who is also the one
 * replied to gets one notice, the reply's, for the comment.
 */
export function noticeStatements(events: string, args: (string | number)[]): InStatement[] {
  const field = (path: string) => `json_extract(e.payload, '$.${path}')`;
  const notice = (kind: NoticeKind | string, recipients: string, where: string, id: string, reason = 'NULL'): InStatement => ({
    sql: `INSERT OR IGNORE INTO mail_notices (id, site_id, user_id, thread_id, comment_id, kind, reason, created_at)
          SELECT ${id}, e.site_id, p.user_id, ${field('comment.threadId')}, ${field('comment.id')}, ${kind}, ${reason}, e.created_at
          FROM outbox_events e ${recipients}
          WHERE e.id IN (${events}) AND ${where}`,
    args,
  });
  const newComment = `${field('comment.id')} || ':' || p.user_id || ':new'`;
  return [
    notice(
      "'reply'",
      `JOIN mail_preferences p ON p.user_id = ${field('comment.parentAuthorId')} AND p.site_id = e.site_id`,
      `e.type = 'comment.reply' AND p.replies = 1 AND p.user_id != ${field('comment.authorId')}`,
      newComment,
    ),
    notice(
      "'follow'",
      `JOIN thread_follows f ON f.thread_id = ${field('comment.threadId')} JOIN mail_preferences p ON p.user_id = f.user_id`,
      `e.type = 'comment.published' AND p.user_id != ${field('comment.authorId')}`,
      newComment,
    ),
    // A moderator's decision on the member's own comment (events a moderator caused carry the actor).
    notice(
      "CASE e.type WHEN 'comment.published' THEN 'approved' ELSE 'rejected' END",
      `JOIN mail_preferences p ON p.user_id = ${field('comment.authorId')} AND p.site_id = e.site_id`,
      `e.type IN ('comment.published', 'comment.rejected') AND ${field('actor')} IS NOT NULL AND p.decisions = 1`,
      `e.id || ':' || p.user_id`,
      field('reason'),
    ),
  ];
}

export async function waitingNotices(db: Db, limit: number): Promise<WaitingNotice[]> {
  const rs = await db.read({
    sql: `SELECT n.*, c.body_html, c.body_src, c.created_at AS comment_created_at, c.deleted_at, c.status, u.display_name, t.url, t.title,
            CASE WHEN (n.kind = 'reply' AND p.replies = 1) OR (n.kind IN ('approved', 'rejected') AND p.decisions = 1)
                   OR (n.kind = 'follow' AND EXISTS (SELECT 1 FROM thread_follows f WHERE f.user_id = n.user_id AND f.thread_id = n.thread_id))
              THEN p.email END AS email
          FROM mail_notices n JOIN comments c ON c.id = n.comment_id JOIN users u ON u.id = c.author_id JOIN threads t ON t.id = n.thread_id
            LEFT JOIN mail_preferences p ON p.user_id = n.user_id
          WHERE n.message_id IS NULL ORDER BY n.created_at, n.id LIMIT ?`,
    args: [limit],
  });
  return rs.rows.map((r) => ({
    id: String(r.id),
    siteId: String(r.site_id),
    userId: String(r.user_id),
    threadId: String(r.thread_id),
    kind: String(r.kind) as NoticeKind,
    reason: r.reason == null ? null : String(r.reason),
    createdAt: Number(r.created_at),
    email: r.email == null ? null : String(r.email),
    comment: {
      id: String(r.comment_id),
      authorName: String(r.display_name),
      bodyHtml: String(r.body_html),
      bodySrc: String(r.body_src),
      createdAt: Number(r.comment_created_at),
      deleted: r.deleted_at != null,
      published: String(r.status) === 'published',
    },
    thread: { url: String(r.url), title: String(r.title) },
  }));
}

export async function lastRepliesMessageAt(db: Db, userId: string, threadId: string): Promise<number | null> {
  const rs = await db.read({ sql: "SELECT MAX(created_at) AS at FROM mail_messages WHERE user_id = ? AND thread_id = ? AND kind = 'replies'", args: [userId, threadId] });
  return rs.rows[0]?.at == null ? null : Number(rs.rows[0].at);
}

const insertMessage = (m: MailMessageRecord, guard: string, guardArgs: string[]): InStatement => ({
  sql: `INSERT OR IGNORE INTO mail_messages (id, site_id, user_id, thread_id, kind, from_address, to_address, subject, text_body, html_body, headers, status, next_at, created_at)
        SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ? WHERE ${guard}`,
  args: [m.id, m.siteId, m.userId, m.threadId, m.kind, m.from, m.to, m.subject, m.text, m.html, JSON.stringify(m.headers), m.createdAt, m.createdAt, ...guardArgs],
});

export async function composeMessage(db: Db, message: MailMessageRecord, noticeIds: string[]): Promise<boolean> {
  const ids = noticeIds.map(() => '?').join(', ');
  // Only if no other pass put any of these notices in a message meanwhile; then all of them go in this one.
  const [inserted] = await db.write([
    insertMessage(message, `NOT EXISTS (SELECT 1 FROM mail_notices WHERE id IN (${ids}) AND message_id IS NOT NULL)`, noticeIds),
    { sql: `UPDATE mail_notices SET message_id = ? WHERE id IN (${ids}) AND EXISTS (SELECT 1 FROM mail_messages WHERE id = ?)`, args: [message.id, ...noticeIds, message.id] },
  ]);
  return inserted.rowsAffected > 0;
}

export async function dropNotices(db: Db, ids: string[]): Promise<void> {
  if (ids.length) await db.write([{ sql: `DELETE FROM mail_notices WHERE id IN (${ids.map(() => '?').join(', ')}) AND message_id IS NULL`, args: ids }]);
}

export async function queueMessage(db: Db, message: MailMessageRecord): Promise<void> {
  await db.write([insertMessage(message, '1', [])]);
}

export async function hasMailWork(db: Db, now: number): Promise<boolean> {
  const rs = await db.read({
    sql: `SELECT EXISTS (SELECT 1 FROM mail_notices WHERE message_id IS NULL)
            OR EXISTS (SELECT 1 FROM mail_messages WHERE status = 'pending' AND next_at <= ?)
            OR EXISTS (SELECT 1 FROM mail_messages WHERE status = 'sending' AND lease_until <= ?) AS work`,
    args: [now, now],
  });
  return Number(rs.rows[0]?.work) === 1;
}

export async function claimMail(db: Db, now: number, leaseUntil: number, limit: number): Promise<ClaimedMail[]> {
  const [claimed] = await db.write([
    {
      sql: `UPDATE mail_messages SET status = 'sending', lease_until = ?, attempts = attempts + 1
            WHERE id IN (SELECT id FROM mail_messages
                         WHERE (status = 'pending' AND next_at <= ?) OR (status = 'sending' AND lease_until <= ?)
                         ORDER BY next_at, id LIMIT ?)
            RETURNING *`,
      args: [leaseUntil, now, now, limit],
    },
  ]);
  return claimed.rows.map((r) => ({ ...toMessage(r), attempts: Number(r.attempts) }));
}

export async function finishMail(db: Db, o: MailOutcome, attempts: number): Promise<void> {
  const current = `WHERE id = ? AND status = 'sending' AND attempts = ?`;
  const stmt =
    o.kind === 'sent'
      ? { sql: `UPDATE mail_messages SET status = 'sent', sent_at = ?, last_error = NULL, lease_until = NULL ${current}`, args: [o.now, o.id, attempts] }
      : o.kind === 'retry'
        ? { sql: `UPDATE mail_messages SET status = 'pending', last_error = ?, next_at = ?, lease_until = NULL ${current}`, args: [o.error, o.nextAt, o.id, attempts] }
        : { sql: `UPDATE mail_messages SET status = 'dead', last_error = ?, lease_until = NULL ${current}`, args: [o.error, o.id, attempts] };
  await db.write([stmt]);
}

export async function listMail(db: Db, siteId: string, limit: number) {
  const rs = await db.read({ sql: 'SELECT * FROM mail_messages WHERE site_id = ? ORDER BY created_at DESC, id DESC LIMIT ?', args: [siteId, limit] });
  return rs.rows.map((r) => ({ ...toMessage(r), status: String(r.status), attempts: Number(r.attempts), lastError: r.last_error == null ? null : String(r.last_error) }));
}

export async function sitesMailingModerators(db: Db): Promise<string[]> {
  const rs = await db.read(
    "SELECT id FROM sites WHERE json_array_length(json_extract(settings, '$.mail.moderatorEmails')) > 0 AND json_extract(settings, '$.mail.enabled') IS NOT 0",
  );
  return rs.rows.map((r) => String(r.id));
}

export async function queueHealth(db: Db, siteId: string): Promise<QueueHealth> {
  const rs = await db.read({
    sql: "SELECT COUNT(*) AS pending, MIN(created_at) AS oldest FROM comments WHERE site_id = ? AND status = 'pending' AND deleted_at IS NULL",
    args: [siteId],
  });
  const row = rs.rows[0];
  return { pending: Number(row?.pending ?? 0), oldestAt: row?.oldest == null ? null : Number(row.oldest) };
}

export async function moderationSince(db: Db, siteId: string, since: number) {
  const rs = await db.read({
    sql: `SELECT type, COUNT(*) AS n FROM outbox_events WHERE site_id = ? AND created_at >= ?
            AND type IN ('comment.published', 'comment.rejected', 'comment.reported') GROUP BY type`,
    args: [siteId, since],
  });
  const count = (type: string) => Number(rs.rows.find((r) => r.type === type)?.n ?? 0);
  return { published: count('comment.published'), rejected: count('comment.rejected'), reported: count('comment.reported') };
}

export async function alertState(db: Db, siteId: string, kind: string) {
  const rs = await db.read({ sql: 'SELECT armed, last_at FROM mail_alert_state WHERE site_id = ? AND kind = ?', args: [siteId, kind] });
  const row = rs.rows[0];
  return row ? { armed: Number(row.armed) === 1, lastAt: Number(row.last_at) } : { armed: true, lastAt: 0 };
}

export async function setAlertState(db: Db, siteId: string, kind: string, s: { armed: boolean; lastAt: number }): Promise<void> {
  await db.write([
    {
      sql: 'INSERT INTO mail_alert_state (site_id, kind, armed, last_at) VALUES (?, ?, ?, ?) ON CONFLICT (site_id, kind) DO UPDATE SET armed = excluded.armed, last_at = excluded.last_at',
      args: [siteId, kind, s.armed ? 1 : 0, s.lastAt],
    },
  ]);
}

export async function instanceSecret(db: Db, name: string, fresh: string): Promise<string> {
  await db.write([{ sql: 'INSERT OR IGNORE INTO instance_secrets (name, value) VALUES (?, ?)', args: [name, fresh] }]);
  const rs = await db.read({ sql: 'SELECT value FROM instance_secrets WHERE name = ?', args: [name] });
  return String(rs.rows[0].value);
}

function toMessage(r: Row): MailMessageRecord {
  return {
    id: String(r.id),
    siteId: String(r.site_id),
    userId: r.user_id == null ? null : String(r.user_id),
    threadId: r.thread_id == null ? null : String(r.thread_id),
    kind: String(r.kind) as MailMessageRecord['kind'],
    from: String(r.from_address),
    to: String(r.to_address),
    subject: String(r.subject),
    text: String(r.text_body),
    html: String(r.html_body),
    headers: JSON.parse(String(r.headers)) as Record<string, string>,
    createdAt: Number(r.created_at),
  };
}
