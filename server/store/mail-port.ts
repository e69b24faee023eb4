// The storage port for e-mail: members' preferences and follows, the notices waiting to be
// mailed, the messages to send (at least once, like webhook deliveries), moderators' alert state.

export interface MailPreferencesRecord {
  email: string;
  replies: boolean;
  decisions: boolean;
  /** Whether the member follows the thread asked about. */
  following: boolean;
}

export interface MailPreferencesChange {
  siteId: string;
  userId: string;
  /** The address from the member's current token: stored, or refreshed, only with an opt-in. */
  email: string;
  replies?: boolean;
  decisions?: boolean;
  /** Follow (true) or stop following (false) this thread. */
  follow?: { threadId: string; on: boolean };
  now: number;
}

export type UnsubscribeList = 'replies' | 'decisions' | 'follow' | 'moderators';

export type NoticeKind = 'reply' | 'follow' | 'approved' | 'rejected';

/** A notice waiting to be mailed, with what its message shows. */
export interface WaitingNotice {
  id: string;
  siteId: string;
  userId: string;
  threadId: string;
  kind: NoticeKind;
  reason: string | null;
  createdAt: number;
  /** The recipient's address; null when they no longer want this kind (the notice is dropped). */
  email: string | null;
  comment: { id: string; authorName: string; bodyHtml: string; bodySrc: string; createdAt: number; deleted: boolean; published: boolean };
  thread: { url: string; title: string };
}

export interface MailMessageRecord {
  id: string;
  siteId: string;
  userId: string | null;
  threadId: string | null;
  kind: 'replies' | 'decisions' | 'alert' | 'digest';
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  createdAt: number;
}

export interface ClaimedMail extends MailMessageRecord {
  attempts: number;
}

export type MailOutcome =
  | { id: string; kind: 'sent'; now: number }
  | { id: string; kind: 'retry'; error: string; nextAt: number }
  | { id: string; kind: 'dead'; error: string };

export interface QueueHealth {
  pending: number;
  /** When the oldest pending comment was posted; null with none. */
  oldestAt: number | null;
}

export interface MailStore {
  getMailPreferences(siteId: string, userId: string, threadId?: string): Promise<MailPreferencesRecord | null>;
  /** Applies the change; a member left wanting nothing (no list, no follow) has their address deleted. */
  saveMailPreferences(change: MailPreferencesChange): Promise<MailPreferencesRecord | null>;
  /** Turns one list off, as an unsubscribe link says; true when there was something to turn off. */
  unsubscribe(siteId: string, userId: string, list: Exclude<UnsubscribeList, 'moderators'>, threadId?: string): Promise<boolean>;
  suppressAddress(siteId: string, address: string, now: number): Promise<void>;
  suppressedAddresses(siteId: string): Promise<Set<string>>;

  /** Notices not yet in a message, oldest first. */
  waitingNotices(limit: number): Promise<WaitingNotice[]>;
  /** When the newest reply notice to this member about this thread was made (the throttle). */
  lastRepliesMessageAt(userId: string, threadId: string): Promise<number | null>;
  /** Stores the message and marks its notices as sent in it, in one transaction (nothing if another pass took them). */
  composeMessage(message: MailMessageRecord, noticeIds: string[]): Promise<boolean>;
  dropNotices(ids: string[]): Promise<void>;
  /** Queues a message that no notice led to (moderators' mail). */
  queueMessage(message: MailMessageRecord): Promise<void>;
  hasMailWork(now: number): Promise<boolean>;
  claimMail(now: number, leaseUntil: number, limit: number): Promise<ClaimedMail[]>;
  finishMail(outcome: MailOutcome, attempts: number): Promise<void>;
  /** Messages a site sent or is sending, newest first (for tests and the admins' record). */
  listMail(siteId: string, limit: number): Promise<(MailMessageRecord & { status: string; attempts: number; lastError: string | null })[]>;

  /** Sites that mail their moderators: their id and settings JSON. */
  sitesMailingModerators(): Promise<string[]>;
  queueHealth(siteId: string): Promise<QueueHealth>;
  /** What happened in a site since then: published, rejected and reported comments. */
  moderationSince(siteId: string, since: number): Promise<{ published: number; rejected: number; reported: number }>;
  alertState(siteId: string, kind: 'queue' | 'digest'): Promise<{ armed: boolean; lastAt: number }>;
  setAlertState(siteId: string, kind: 'queue' | 'digest', state: { armed: boolean; lastAt: number }): Promise<void>;

  /** A random secret this installation made for itself under that name, made on first ask. */
  instanceSecret(name: string, fresh: string): Promise<string>;
}
