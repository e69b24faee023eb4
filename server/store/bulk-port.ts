// The storage port's bulk half: operations by filter over a site's queue. The comments an
// operation covers are fixed when it starts; each batch is one transaction that changes its
// comments, marks them done or skipped and counts the progress; finishing writes its one audit row.
import type { QueueFilter } from '../../shared/schemas/moderation-api';
import type { CommentWithAuthor, Role } from './port';
import type { CommentChange, ModerationActionRecord, QueueMatch } from './moderation-port';

export type BulkAction = 'approve' | 'reject' | 'delete' | 'undo';

export interface BulkOperationRecord {
  id: string;
  siteId: string;
  /** Who started it; every batch acts as them, whoever asks for it to go on. */
  actor: string;
  actorName: string;
  actorUserId: string | null;
  actorRank: Role | 'owner';
  action: BulkAction;
  reason: string | null;
  filter: QueueFilter;
  /** For an undo: the operation it reverses. */
  undoes: string | null;
  status: 'running' | 'done';
  total: number;
  done: number;
  skipped: number;
  /** Its audit row, once finished. */
  actionId: string | null;
  /** The operation undoing this one, once started (read from the other side). */
  undoneBy: string | null;
  createdAt: number;
  updatedAt: number;
}

/** Where a new operation's comments come from: the queue as filtered now, or what another operation changed. */
export type BulkSource = { kind: 'queue'; match: QueueMatch; max: number } | { kind: 'undo'; operationId: string };

/** A comment still to do, as it is now. */
export interface BulkItem {
  commentId: string;
  /** null when the comment is gone from the site. */
  comment: CommentWithAuthor | null;
  /** Whether it still matches the operation's filter (operations by filter only). */
  matches: boolean;
  /** The action or operation that last decided it. */
  decidedBy: string | null;
  /** For an undo: the reversed operation's record of this comment, before and after its change. */
  undo: { before: Record<string, unknown>; after: Record<string, unknown> } | null;
}

/** One comment's outcome in a batch: its guarded change, or null to skip it. */
export interface BulkEntry {
  commentId: string;
  change: CommentChange | null;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

export interface BulkStore {
  /** How many comments the queue holds under these filters. */
  countMatching(match: QueueMatch): Promise<number>;
  /** Writes the operation and fixes the comments it covers, in one transaction; returns it as stored. */
  createBulkOperation(op: BulkOperationRecord, source: BulkSource): Promise<BulkOperationRecord | null>;
  getBulkOperation(siteId: string, id: string): Promise<BulkOperationRecord | null>;
  /** Newest first. */
  listBulkOperations(siteId: string, filter: { status?: 'running' | 'done'; limit: number }): Promise<BulkOperationRecord[]>;
  /** The next comments still to do, in the queue's order; with `match`, whether each still matches it. */
  nextBulkItems(op: BulkOperationRecord, limit: number, match: QueueMatch | null): Promise<BulkItem[]>;
  /**
   * One batch in one transaction: each change applied only if its guard holds, each comment marked
   * done or skipped (once: a batch another request already wrote changes nothing), the progress counted.
   */
  applyBulkBatch(op: BulkOperationRecord, entries: BulkEntry[], now: number): Promise<void>;
  /**
   * Marks it done and appends its audit row, once, when no comment is left to do; `undoes` marks the
   * reversed operation's audit row undone by it. Returns whether this call finished it.
   */
  finishBulkOperation(op: BulkOperationRecord, audit: ModerationActionRecord, undoes?: string): Promise<boolean>;
}
