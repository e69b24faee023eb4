// The storage port: what services may ask of storage, one request type per operation.
// Only store/libsql/ knows SQL; services and routes see these types alone.
import type { CommentStatus } from '../../shared/schemas/comment';
import type { Sort } from '../../shared/schemas/common';
import type { SiteConfig } from '../../shared/schemas/site';
import type { Reason } from '../../shared/schemas/moderation-settings';

import type { Role } from '../../shared/schemas/common';
export type { Role };

export interface SiteRecord extends SiteConfig {
  apiKeyHash: string | null;
  /** The site's own civility model in use; absent or null: the shipped model. */
  civilityModelId?: string | null;
}

export interface ThreadRecord {
  id: string;
  siteId: string;
  pageKey: string;
  url: string;
  title: string;
  section: string;
  sectionLocked: boolean;
  /** Closed by a moderator (or the site API); its age may close it too (see threads/closed-state.ts). */
  closed: boolean;
  premoderate: boolean;
  commentCount: number;
  version: number;
  createdAt: number;
  /** When the article was published, as the site API gave it; null when it did not. */
  publishedAt: number | null;
  /** When its first comment (in any state) was posted; null before there is one. */
  firstCommentAt: number | null;
  /** A moderator reopened it after its age had closed it: age no longer closes it. */
  keptOpen: boolean;
}

export interface UserRecord {
  id: string;
  siteId: string;
  externalId: string;
  displayName: string;
  tier: string;
  role: Role;
  badges: string[];
  /** From the token's avatar claim (see identity/claims.ts); null shows initials. */
  avatarUrl: string | null;
  banned: boolean;
  suspendedUntil: number | null;
  alwaysPremoderate: boolean;
}

export interface CommentRecord {
  id: string;
  siteId: string;
  threadId: string;
  parentId: string | null;
  rootId: string;
  depth: number;
  authorId: string;
  bodySrc: string;
  bodyHtml: string;
  status: CommentStatus;
  featured: boolean;
  likeCount: number;
  createdAt: number;
  editedAt: number | null;
  deletedAt: number | null;
  /** Why moderation held or rejected it (empty when published cleanly). */
  reasons: Reason[];
  /** Reader reports since a moderator last reviewed it. */
  openReports: number;
  /** Reports took it down (status pending) until a moderator decides: the `hidden` state. */
  hiddenByReports: boolean;
  rejectReason: string | null;
}

/** A comment joined with what a reader needs to see of its author. */
export interface CommentWithAuthor extends CommentRecord {
  author: { id: string; displayName: string; badges: string[]; role: Role; avatarUrl: string | null };
}

/** Position of the last row of a page; the next page starts strictly after it. */
export interface Keyset {
  likeCount?: number;
  createdAt: number;
  id: string;
}

export interface CreateThreadRequest {
  id: string;
  siteId: string;
  pageKey: string;
  url: string;
  title: string;
  section: string;
  sectionLocked: boolean;
  closed: boolean;
  createdAt: number;
  publishedAt?: number | null;
}

export interface UpdateThreadRequest {
  siteId: string;
  threadId: string;
  title?: string;
  url?: string;
  section?: string;
  sectionLocked?: boolean;
  closed?: boolean;
  publishedAt?: number;
}

export interface UpsertUserRequest {
  id: string; // used only when the user is new
  siteId: string;
  externalId: string;
  displayName: string;
  tier: string;
  role: Role;
  badges: string[];
  avatarUrl: string | null;
  now: number;
}

export interface ListTopLevelRequest {
  threadId: string;
  sort: Sort;
  after: Keyset | null;
  limit: number;
}

export interface InsertCommentRequest {
  comment: CommentRecord;
  /** Salted hash of the client address, kept for flooding checks only. */
  ipHash: string | null;
  /** The author saw the civility nudge for this text and posted it anyway, or revised it first. */
  afterNudge?: AfterNudge | null;
}

export type AfterNudge = 'posted_anyway' | 'revised';

export interface EditCommentRequest {
  siteId: string;
  commentId: string;
  bodySrc: string;
  bodyHtml: string;
  editedAt: number;
  /** Status and reasons after re-moderating the edit. */
  status: CommentStatus;
  reasons: Reason[];
  /**
   * The state the edit was judged against. The write happens only if the comment is still in it,
   * so a moderator's decision that lands meanwhile is never overwritten.
   */
  expected: { status: CommentStatus; hiddenByReports: boolean };
}

export interface DeleteCommentRequest {
  siteId: string;
  commentId: string;
  deletedAt: number;
}

export interface SetLikeRequest {
  siteId: string;
  commentId: string;
  userId: string;
  liked: boolean;
  now: number;
}

import type { ModerationStore } from './moderation-port';
import type { IdempotencyStore } from './idempotency-port';
import type { BulkStore } from './bulk-port';
import type { EventStore } from './events-port';
import type { MailStore } from './mail-port';
import type { MemberDataStore } from './member-data-port';
import type { ExportStore, ImportStore } from './import-port';

/** One more of something counted in a fixed window (see services/limits). */
export interface RateHit {
  siteId: string;
  /** What is counted, for whom: "member-writes:u-123", "address-token-failures:ab12…". */
  bucket: string;
  windowMs: number;
  now: number;
}

/** One call-to-action event, counted into its day's totals (see libsql/cta.ts). */
export interface CtaCount {
  siteId: string;
  /** YYYY-MM-DD, UTC. */
  day: string;
  section: string;
  tier: string;
  kind: 'guest' | 'upgrade';
  event: 'impression' | 'click';
}

export interface CtaTotals {
  section: string;
  tier: string;
  kind: 'guest' | 'upgrade';
  impressions: number;
  clicks: number;
}

export interface Store extends ModerationStore, IdempotencyStore, BulkStore, EventStore, MailStore, MemberDataStore, ImportStore, ExportStore {
  /** Adds one impression or click to the day's counter for its section, tier and kind. */
  countCtaEvent(e: CtaCount): Promise<void>;
  /** Totals per section, tier and kind since that day (inclusive). */
  ctaTotals(siteId: string, sinceDay: string): Promise<CtaTotals[]>;
  /** Counts the hit and returns the window's count, this one included. */
  countHit(hit: RateHit): Promise<number>;
  /** The window's count so far, counting nothing. */
  peekHits(hit: RateHit): Promise<number>;
  getSite(siteId: string): Promise<SiteRecord | null>;
  saveSite(site: SiteRecord, now: number): Promise<void>;

  getThread(siteId: string, threadId: string): Promise<ThreadRecord | null>;
  findThreadByPageKey(siteId: string, pageKey: string): Promise<ThreadRecord | null>;
  /** Creates the thread unless one exists for the same page key; returns the stored one either way. */
  createThread(req: CreateThreadRequest): Promise<ThreadRecord>;
  updateThread(req: UpdateThreadRequest): Promise<ThreadRecord | null>;
  countComments(siteId: string, pageKeys: string[]): Promise<Map<string, number>>;

  upsertUser(req: UpsertUserRequest): Promise<UserRecord>;
  getUser(siteId: string, userId: string): Promise<UserRecord | null>;
  findUserByExternalId(siteId: string, externalId: string): Promise<UserRecord | null>;

  getComment(siteId: string, commentId: string): Promise<CommentWithAuthor | null>;
  listTopLevel(req: ListTopLevelRequest): Promise<CommentWithAuthor[]>;
  /** Published replies (and tombstones) under the given top-level comments, oldest first. */
  listReplies(threadId: string, rootIds: string[]): Promise<CommentWithAuthor[]>;
  /** The author's own comments awaiting review in a thread, so they can see them. */
  listPendingByAuthor(threadId: string, authorId: string): Promise<CommentWithAuthor[]>;
  /** Names of the thread's recent commenters other than this member, the replied-to author first, then newest first (at most 100). */
  recentCommenters(threadId: string, exceptUserId: string, parentId: string | null): Promise<string[]>;
  likedBy(userId: string, commentIds: string[]): Promise<Set<string>>;

  insertComment(req: InsertCommentRequest): Promise<void>;
  /** Returns false, changing nothing, when the comment has left the expected state. */
  editComment(req: EditCommentRequest): Promise<boolean>;
  deleteComment(req: DeleteCommentRequest): Promise<void>;
  /** Sets or clears the viewer's like and returns the comment's like count after the change. */
  setLike(req: SetLikeRequest): Promise<number>;
}
