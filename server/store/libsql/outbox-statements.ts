// The outbox rows a change writes, as statements to append to the change's own transaction: an
// event exists exactly when its change was committed. Payloads are built in SQL from the rows as
// the transaction left them, so an event never describes a state that was not stored.
import type { InStatement } from '@libsql/client';
import type { EventType } from '../../../shared/schemas/events';
import type { StateChange } from '../moderation-port';

/** Who acted and why, merged into the payload (absent fields left out). */
export interface EventExtra {
  actor?: { id: string; name: string };
  reason?: string | null;
  until?: number | null;
  note?: string | null;
}

/** A condition, in SQL, under which the event is written; '1' when its change cannot have failed. */
export interface EventGuard {
  sql: string;
  args: (string | number)[];
}

export const ALWAYS: EventGuard = { sql: '1', args: [] };
/** Written only if the audit row of this moderation action was (its guard held). */
export const actionWritten = (actionId: string): EventGuard => ({ sql: 'EXISTS (SELECT 1 FROM moderation_actions WHERE id = ?)', args: [actionId] });

const extraJson = (extra: EventExtra) =>
  JSON.stringify(Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined && v !== null && v !== '')));

/**
 * comment.* events of one comment, in one statement: the comment, its thread, the author replied
 * to. Each event's id is `${source}.${type}`; comment.reply is written only for a reply.
 */
export function commentEvents(source: string, types: EventType[], siteId: string, commentId: string, now: number, guard: EventGuard, extra: EventExtra = {}): InStatement {
  return {
    sql: `WITH k(type) AS (VALUES ${types.map(() => '(?)').join(', ')})
          INSERT OR IGNORE INTO outbox_events (id, site_id, type, payload, created_at)
          SELECT ? || '.' || k.type, c.site_id, k.type, json_patch(json_object('version', 1,
              'comment', json_object('id', c.id, 'threadId', c.thread_id, 'parentId', c.parent_id, 'parentAuthorId', p.author_id,
                'authorId', c.author_id, 'authorName', u.display_name, 'status', c.status, 'bodyHtml', c.body_html, 'createdAt', c.created_at),
              'thread', json_object('id', t.id, 'url', t.url, 'title', t.title)), ?), ?
          FROM k, comments c JOIN threads t ON t.id = c.thread_id JOIN users u ON u.id = c.author_id
            LEFT JOIN comments p ON p.id = c.parent_id
          WHERE c.id = ? AND c.site_id = ? AND (k.type != 'comment.reply' OR c.parent_id IS NOT NULL) AND ${guard.sql}`,
    args: [...types, source, extraJson(extra), now, commentId, siteId, ...guard.args],
  };
}

/** An event about one row of `table`, its payload `{ version: 1, [key]: json_object(fields) }` plus extra. */
function rowEvent(table: 'users' | 'threads', key: string, fields: string, id: string, type: EventType, siteId: string, rowId: string, now: number, guard: EventGuard, extra: EventExtra): InStatement {
  return {
    sql: `INSERT OR IGNORE INTO outbox_events (id, site_id, type, payload, created_at)
          SELECT ?, site_id, ?, json_patch(json_object('version', 1, '${key}', json_object(${fields})), ?), ?
          FROM ${table} WHERE id = ? AND site_id = ? AND ${guard.sql}`,
    args: [id, type, extraJson(extra), now, rowId, siteId, ...guard.args],
  };
}

/** member.*: the member as the site knows them. */
export const memberEvent = (id: string, type: EventType, siteId: string, userId: string, now: number, guard: EventGuard, extra: EventExtra = {}) =>
  rowEvent('users', 'member', `'id', id, 'externalId', external_id, 'displayName', display_name`, id, type, siteId, userId, now, guard, extra);

/** thread.*: the article's page. */
export const threadEvent = (id: string, type: EventType, siteId: string, threadId: string, now: number, guard: EventGuard, extra: EventExtra = {}) =>
  rowEvent('threads', 'thread', `'id', id, 'url', url, 'title', title`, id, type, siteId, threadId, now, guard, extra);

/** The events of a newly stored comment: created, and published (with reply) when it went up at once. */
export function newCommentEvents(siteId: string, commentId: string, status: string, now: number): InStatement {
  const types: EventType[] = status === 'published' ? ['comment.created', 'comment.published', 'comment.reply'] : ['comment.created'];
  return commentEvents(commentId, types, siteId, commentId, now, ALWAYS);
}

type CommentChange = Extract<StateChange, { kind: 'comment' }>;

/** What a comment's change tells the world: it went up, it was rejected, it was deleted. */
export function commentChangeEventTypes(change: CommentChange): EventType[] {
  const { set, expect } = change;
  const types: EventType[] = [];
  if (set.status === 'published' && expect.status !== 'published' && !set.deletedAt) types.push('comment.published', 'comment.reply');
  if (set.status === 'rejected' && expect.status !== 'rejected') types.push('comment.rejected');
  if (set.deletedAt && !expect.deleted) types.push('comment.deleted');
  return types;
}

/** The events of a moderation change, written only if the change (its audit row) was. */
export function changeEvents(
  siteId: string,
  change: StateChange,
  action: { id: string; actor: string; actorName: string; detail?: string | null; before: Record<string, unknown>; after: Record<string, unknown> },
  now: number,
): InStatement[] {
  const guard = actionWritten(action.id);
  const actor = { id: action.actor, name: action.actorName };
  // Users' and threads' changes carry their whole state: what tells is what moved.
  const moved = (key: string) => action.before[key] !== action.after[key];
  switch (change.kind) {
    case 'comment': {
      const types = commentChangeEventTypes(change);
      return types.length ? [commentEvents(action.id, types, siteId, change.commentId, now, guard, { actor, reason: change.set.rejectReason })] : [];
    }
    case 'user': {
      const member = (type: EventType, extra: EventExtra = {}) => [memberEvent(`${action.id}.${type}`, type, siteId, change.userId, now, guard, { actor, note: action.detail, ...extra })];
      const until = Number(action.after.suspendedUntil ?? 0);
      if (moved('banned')) return member(action.after.banned ? 'member.banned' : 'member.reinstated');
      if (moved('suspendedUntil')) return until > now ? member('member.suspended', { until }) : member('member.reinstated');
      return [];
    }
    case 'thread': {
      // Reopening a thread its age had closed moves keptOpen alone: readers see it reopen all the same.
      const reopenedAged = moved('keptOpen') && action.after.keptOpen === true && !action.after.closed;
      if (!moved('closed') && !reopenedAged) return [];
      const type: EventType = action.after.closed ? 'thread.closed' : 'thread.reopened';
      return [threadEvent(`${action.id}.${type}`, type, siteId, change.threadId, now, guard, { actor })];
    }
    default:
      return [];
  }
}
