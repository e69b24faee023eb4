// The storage port's moderation half: facts for the rules, reports, queues, actions with
// their audit rows (one transaction each), nudge counts and daily statistics.
import type { CommentStatus } from '../../shared/schemas/comment';
import type { CommentWithAuthor, ThreadRecord } from './port';

export interface AuthorHistory {
  approvedCount: number;
  rejectedCount: number;
  /** Newest first. */
  recent: { id: string; body: string; createdAt: number; threadId: string }[];
}

export type ReportReason = 'personal_attack' | 'fear_anger' | 'spam' | 'off_topic' | 'other';

export interface AddReportRequest {
  siteId: string;
  commentId: string;
  userId: string;
  reason: ReportReason;
  note: string;
  now: number;
  /** Open reports at which a published comment is hidden (status → pending); 0 never hides. */
  hideAt: number;
}

export type QueueName = 'pending' | 'reported' | 'rejected' | 'recent';

export interface QueueRequest {
  siteId: string;
  queue: QueueName;
  reportThreshold: number;
  threadId?: string;
  ruleId?: string;
  before?: { createdAt: number; id: string } | null;
  limit: number;
}

export interface QueueItem {
  comment: CommentWithAuthor;
  thread: Pick<ThreadRecord, 'id' | 'title' | 'url' | 'section'>;
  reports: { reason: ReportReason; note: string; count: number }[];
}

export interface ModerationActionRecord {
  id: string;
  siteId: string;
  actor: string;
  actorName: string;
  action: string;
  targetType: 'comment' | 'user' | 'thread';
  targetId: string;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  detail: string;
  createdAt: number;
  undoneBy: string | null;
}

/** The state an action changes, written in the same transaction as its audit row. */
export type StateChange =
  | {
      kind: 'comment';
      commentId: string;
      threadId: string;
      set: { status?: CommentStatus; featured?: boolean; deletedAt?: number | null; rejectReason?: string | null };
      /** Reviewing resolves the open reports. */
      resolveReports: boolean;
      /** Change in the thread's visible comment count. */
      countDelta: number;
    }
  | { kind: 'user'; userId: string; set: { banned?: boolean; suspendedUntil?: number | null; alwaysPremoderate?: boolean } }
  | { kind: 'thread'; threadId: string; set: { closed?: boolean; premoderate?: boolean } };

export interface DailyStats {
  day: string; // YYYY-MM-DD (UTC)
  total: number;
  held: number;
  rejected: number;
}

export interface ModerationStore {
  authorHistory(siteId: string, userId: string, since: number): Promise<AuthorHistory>;
  countRecentByIp(siteId: string, ipHash: string, since: number): Promise<number>;
  listFeatured(threadId: string): Promise<CommentWithAuthor[]>;
  recordNudge(e: { siteId: string; userId: string; kind: 'shown' | 'posted_anyway' | 'revised'; ruleIds: string[]; now: number }): Promise<void>;
  nudgeCounts(siteId: string, since: number): Promise<{ shown: number; postedAnyway: number; revised: number }>;

  /** Adds the member's report unless they already reported it; returns whether it was new. */
  addReport(req: AddReportRequest): Promise<{ added: boolean }>;

  listQueue(req: QueueRequest): Promise<QueueItem[]>;
  queueCounts(siteId: string, reportThreshold: number, threadId?: string): Promise<Record<QueueName, number>>;
  /** Applies the change and appends the audit row atomically; `undoes` marks an earlier action undone by this one. */
  applyAction(action: ModerationActionRecord, change: StateChange, undoes?: string): Promise<void>;
  lastUndoableAction(siteId: string, actor: string): Promise<ModerationActionRecord | null>;
  listActions(siteId: string, filter: { targetType?: string; targetId?: string; limit: number; before?: number }): Promise<ModerationActionRecord[]>;
  ruleHits(siteId: string, since: number): Promise<Record<string, number>>;
  dailyStats(siteId: string, since: number): Promise<DailyStats[]>;
}
