// Events Parley tells the publisher's systems about, as webhooks deliver them (Standard Webhooks
// payloads: `{ type, timestamp, data }`). `data.version` is the payload's version: a receiver
// checks it, and a change that could break one comes as a new version, never a changed field.
import * as z from 'zod/mini';
import { Id, Timestamp } from './common';

export const COMMENT_EVENTS = ['comment.created', 'comment.published', 'comment.reply', 'comment.rejected', 'comment.reported', 'comment.deleted'] as const;
export const MEMBER_EVENTS = ['member.banned', 'member.suspended', 'member.reinstated'] as const;
export const THREAD_EVENTS = ['thread.closed', 'thread.reopened'] as const;
export const EVENT_TYPES = [...COMMENT_EVENTS, ...MEMBER_EVENTS, ...THREAD_EVENTS, 'webhook.test'] as const;
export const EventType = z.enum(EVENT_TYPES);
export type EventType = z.infer<typeof EventType>;

/** Who acted, when a moderator (or the site's key) did; absent for a member's own doing. */
const Actor = z.object({ id: z.string(), name: z.string() });

const ThreadRef = z.object({ id: Id, url: z.string(), title: z.string() });

export const CommentEventData = z.object({
  version: z.literal(1),
  comment: z.object({
    id: Id,
    threadId: Id,
    parentId: z.nullable(Id),
    /** The author of the comment replied to: whom a comment.reply concerns. */
    parentAuthorId: z.nullable(Id),
    authorId: Id,
    authorName: z.string(),
    status: z.enum(['published', 'pending', 'rejected']),
    bodyHtml: z.string(),
    createdAt: Timestamp,
  }),
  thread: ThreadRef,
  actor: z.optional(Actor),
  /** Why: a rejection's reason, a report's. */
  reason: z.optional(z.string()),
});

export const MemberEventData = z.object({
  version: z.literal(1),
  member: z.object({ id: Id, externalId: z.string(), displayName: z.string() }),
  /** A suspension's end. */
  until: z.optional(Timestamp),
  note: z.optional(z.string()),
  actor: z.optional(Actor),
});

export const ThreadEventData = z.object({ version: z.literal(1), thread: ThreadRef, actor: z.optional(Actor) });

export const TestEventData = z.object({ version: z.literal(1), message: z.string() });

/** The data of an event by its type. */
export function eventDataSchema(type: EventType) {
  if (type === 'webhook.test') return TestEventData;
  if (type.startsWith('comment.')) return CommentEventData;
  if (type.startsWith('member.')) return MemberEventData;
  return ThreadEventData;
}

/** The body of a webhook request. */
export const WebhookPayload = z.object({
  type: EventType,
  /** When the event happened, ISO 8601. */
  timestamp: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type WebhookPayload = z.infer<typeof WebhookPayload>;
