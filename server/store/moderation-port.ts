// The storage port's moderation half: facts for the rules, reports, queues, actions with
// their audit rows (one transaction each), nudge counts and daily statistics.
import type { CommentState, CommentStatus } from '../../shared/schemas/comment';
import type { QueueName, REPORT_REASONS, TargetType } from '../../shared/schemas/moderation-api';
import type { ModerationSettings } from '../../shared/schemas/moderation-settings';
import type { SiteConfig } from '../../shared/schemas/site';
import type { AfterNudge, CommentWithAuthor, ThreadRecord } from './port';

export interface AuthorHistory {
  approvedCount: number;
  rejectedCount: number;
  /** Newest first. */
  recent: { id: string; body: string; createdAt: number; threadId: string }[];
}

/** What the moderators' drawer shows of a member (see libsql/facts.ts memberRecord). */
export interface MemberRecord {
  counts: { published: number; pending: number; rejected: number; deleted: number; reported: number; upheldReports: number };
  /** Newest first. */
  comments: { id: string; body: string; state: CommentState; createdAt: number; threadId: string; threadTitle: string; threadUrl: string; reports: number }[];
}

export type ReportReason = (typeof REPORT_REASONS)[number];
export type { QueueName };

export interface AddReportRequest {
  siteId: string;
  commentId: string;
  userId: string;
  reason: ReportReason;
  note: string;
  now: number;
  /** The open reports' summed weight at which a published comment is hidden (status → pending); 0 never hides. */
  hideAt: number;
  /** This report's weight toward `hideAt`, in hundredths: 100 counts as one report. */
  weight: number;
}

/** How moderators decided on a member's past reports on one site. */
export interface ReporterRecord {
  /** The comment is now rejected, or was deleted by a moderator. */
  upheld: number;
  /** Upheld, or the comment is now published after a moderator's review. */
  decided: number;
}


/** A queue under its filters: what a page lists, what is counted, what a bulk operation covers. */
export interface QueueMatch {
  siteId: string;
  /** A review queue, or `all`: every comment in every state (with threadId, a thread's whole record). */
  queue: QueueName | 'all';
  reportThreshold: number;
  threadId?: string;
  ruleId?: string;
  authorId?: string;
  /** An FTS5 query over bodies and author names (see list-queue.ts searchQuery), never the moderator's raw text. */
  search?: string;
  /** Only comments posted while their (non-staff) author had fewer published comments than this. */
  newMembersBelow?: number;
}

export type QueueSort = 'newest' | 'oldest' | 'reports' | 'score';

/** Where a page starts: just past this item in the sort's order; `key` is the sort's own column (open reports, score). */
export interface QueuePosition {
  key?: number;
  createdAt: number;
  id: string;
}

export interface QueueRequest extends QueueMatch {
  /** Newest first when absent. */
  sort?: QueueSort;
  after?: QueuePosition | null;
  /** Only these comments, when they match. */
  ids?: string[];
  limit: number;
}

export interface QueueItem {
  comment: CommentWithAuthor;
  thread: Pick<ThreadRecord, 'id' | 'title' | 'url' | 'section'>;
  reports: QueueReport[];
  /** Read with queue pages; absent where one comment is shown after an action. */
  facts?: QueueItemFacts;
}

/** The open reports of one reason. */
export interface QueueReport {
  reason: ReportReason;
  note: string;
  count: number;
  /** Oldest first, at most MAX_REPORTERS_NAMED; weights in hundredths. */
  reporters: { id: string; name: string; note: string; weight: number }[];
}

/** What the queue reads beside a comment, for the context a moderator is shown. */
export interface QueueItemFacts {
  afterNudge: AfterNudge | null;
  author: { banned: boolean; suspendedUntil: number | null; alwaysPremoderate: boolean };
  /** Who last reviewed it ("user:<id>" or "api-key"), their name now when a member, and when. */
  reviewed: { actor: string; name: string | null; at: number } | null;
  /** The author's published comments posted before this one, counted up to EARLIER_PUBLISHED_CAP. */
  earlierPublished: number;
  /** The open reports' summed weight, in hundredths. */
  openReportWeight: number;
  /** The highest score a scorer gave when the rules held it, in thousandths (the score sort's key). */
  heldScore: number;
}

/** The new-member rule asks for at most this many approved comments, so counting stops there. */
export const EARLIER_PUBLISHED_CAP = 100;

export interface ModerationActionRecord {
  id: string;
  siteId: string;
  actor: string;
  actorName: string;
  action: string;
  targetType: TargetType;
  targetId: string;
  /** One line naming what was done to what, written when it happened. */
  summary: string;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  detail: string;
  createdAt: number;
  undoneBy: string | null;
  /** Order within the site, given by the store when the action is written. */
  seq?: number;
}

/** The state an action changes, written in the same transaction as its audit row. */
export type StateChange =
  | {
      kind: 'comment';
      commentId: string;
      threadId: string;
      set: { status: CommentStatus; hiddenByReports: boolean; featured: boolean; deletedAt: number | null; rejectReason: string | null };
      /**
       * The state the action was decided on: the write happens only if the comment is still in it.
       * With `decidedBy`, also only if that action or bulk operation is still the last to have decided it.
       */
      expect: { status: CommentStatus; hiddenByReports: boolean; featured: boolean; deleted: boolean; decidedBy?: string };
      /** Reviewing resolves the open reports. */
      resolveReports: boolean;
      /** Change in the thread's visible comment count. */
      countDelta: number;
    }
  | { kind: 'user'; userId: string; set: { banned?: boolean; suspendedUntil?: number | null; alwaysPremoderate?: boolean } }
  | { kind: 'thread'; threadId: string; set: { closed?: boolean; premoderate?: boolean; keptOpen?: boolean } }
  | { kind: 'settings'; moderation: ModerationSettings }
  /** Which of the site's civility models the rules use; null: the shipped one. */
  | { kind: 'civility-model'; modelId: string | null }
  /** Everything of the site's configuration but its id, its API key and its moderation settings, which stay as stored. */
  | { kind: 'site'; config: SiteFields }
  /** A new API key's hash, written only while the key is still the one the rotation was decided on. */
  | { kind: 'api-key'; apiKeyHash: string; expect: string | null };

/** The part of a site the Site page saves (see StateChange `site`). */
export type SiteFields = Omit<SiteConfig, 'id' | 'settings'> & { settings: Omit<SiteConfig['settings'], 'moderation'> };

/** The change of one comment's state. */
export type CommentChange = Extract<StateChange, { kind: 'comment' }>;

/** A site's own civility model, as listed: what it is and how it measured, without its weights. */
export interface CivilityModelSummary {
  id: string;
  siteId: string;
  name: string;
  createdAt: number;
  figures: Record<string, unknown>;
}

/** A moderator's standing decision on a held comment: what site-trained models learn from. */
export interface ModeratorDecision {
  commentId: string;
  body: string;
  decision: 'approve' | 'reject';
  /** The reject reason given (personal_attack, fear_anger, …); null for approvals. */
  reason: string | null;
  /** The rules that held it. */
  ruleIds: string[];
  decidedAt: number;
}

export interface CivilityModelRecord extends CivilityModelSummary {
  /** The model file's JSON text. */
  model: string;
}

export interface AuditFilter {
  actor?: string;
  targetType?: TargetType;
  targetId?: string;
  action?: string;
  since?: number;
  until?: number;
  /** Entries older than this sequence number (the cursor). */
  beforeSeq?: number;
  limit: number;
}

export interface DailyStats {
  day: string; // YYYY-MM-DD (UTC)
  total: number;
  commenters: number;
  held: number;
  rejected: number;
}

export interface ArticleStats {
  threadId: string;
  title: string;
  url: string;
  comments: number;
  commenters: number;
}

/** What became of the comments one rule stopped (see libsql/stats.ts ruleDecisions). */
export interface RuleDecisions {
  stopped: number;
  approved: number;
  rejected: number;
  autoRejected: number;
  waiting: number;
}

export interface ModerationStore {
  authorHistory(siteId: string, userId: string, since: number): Promise<AuthorHistory>;
  memberRecord(siteId: string, userId: string, limit: number): Promise<MemberRecord>;
  countRecentByIp(siteId: string, ipHash: string, since: number): Promise<number>;
  listFeatured(threadId: string): Promise<CommentWithAuthor[]>;
  recordNudge(e: { siteId: string; userId: string; kind: 'shown' | 'posted_anyway' | 'revised'; ruleIds: string[]; now: number }): Promise<void>;
  nudgeCounts(siteId: string, since: number): Promise<{ shown: number; postedAnyway: number; revised: number }>;

  /** Adds the member's report unless they already reported it; returns whether it was new. */
  addReport(req: AddReportRequest): Promise<{ added: boolean }>;
  /** The records of these members as reporters on the site; members without a decided report are absent. */
  reporterRecords(siteId: string, userIds: string[]): Promise<Map<string, ReporterRecord>>;

  listQueue(req: QueueRequest): Promise<QueueItem[]>;
  /** The site's threads, newest first, with how many of each one's comments are pending and rejected. */
  listThreads(siteId: string, before: { createdAt: number; id: string } | null, limit: number): Promise<(ThreadRecord & { pending: number; rejected: number })[]>;
  /** Any of these comments on the site, in any state. */
  commentsByIds(siteId: string, ids: string[]): Promise<CommentWithAuthor[]>;
  /** Comments in each of these conversations (by top-level comment id), the top-level one included. */
  conversationSizes(siteId: string, rootIds: string[]): Promise<Map<string, number>>;
  /** A conversation in every state, oldest first: its top-level comment and replies. */
  listConversation(siteId: string, rootId: string, limit: number): Promise<CommentWithAuthor[]>;
  queueCounts(siteId: string, reportThreshold: number, threadId?: string): Promise<Record<QueueName, number>>;
  /** How many comments match and were posted after `since`. */
  countNewer(match: QueueMatch, since: number): Promise<number>;
  /**
   * Applies the change and appends the audit row atomically; `undoes` marks an earlier action undone
   * by this one. Returns false, writing nothing, when a comment is no longer in the expected state.
   */
  applyAction(action: ModerationActionRecord, change: StateChange, undoes?: string): Promise<boolean>;
  getAction(siteId: string, actionId: string): Promise<ModerationActionRecord | null>;
  /** Whether a later action on the same target that changed it (neither an undo, nor undone, nor a note) exists. */
  hasLaterAction(action: ModerationActionRecord): Promise<boolean>;
  /** Newest first. */
  listActions(siteId: string, filter: AuditFilter): Promise<ModerationActionRecord[]>;
  ruleHits(siteId: string, since: number): Promise<Record<string, number>>;
  dailyStats(siteId: string, since: number): Promise<DailyStats[]>;
  articleStats(siteId: string, since: number, limit: number): Promise<ArticleStats[]>;
  decisionWaits(siteId: string, since: number): Promise<number[]>;
  pendingNow(siteId: string): Promise<{ pending: number; oldest: number | null }>;
  ruleDecisions(siteId: string, since: number): Promise<Record<string, RuleDecisions>>;
  saveCivilityModel(model: CivilityModelRecord): Promise<void>;
  getCivilityModel(siteId: string, id: string): Promise<CivilityModelRecord | null>;
  /** Newest first, without their weights. */
  listCivilityModels(siteId: string, limit: number): Promise<CivilityModelSummary[]>;
  /** Newest first. */
  listModeratorDecisions(siteId: string, limit: number): Promise<ModeratorDecision[]>;
}
