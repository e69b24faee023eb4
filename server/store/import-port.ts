// The storage port's import half: what moving a site in from another system (and claiming its
// imported authors) needs. A chunk of an import is one transaction: its threads, authors,
// comments, their source ids and the staging rows it resolves or adds all land together or not at all.
import type { ExportRow, ExportRowType } from '../../shared/schemas/export';
import type { CommentRecord, CreateThreadRequest } from './port';

export type ImportKind = 'thread' | 'comment';

/** Where an already stored comment sits, for placing its replies. */
export interface PlacedComment {
  id: string;
  threadId: string;
  rootId: string;
  depth: number;
}

export interface ImportedUser {
  id: string;
  externalId: string;
  displayName: string;
  createdAt: number;
}

/** A record of this run that cannot be written yet (see services/import/run-import.ts). */
export interface StagedRecord {
  kind: ImportKind;
  sourceId: string;
  parentSourceId: string | null;
  record: unknown;
}

export interface ImportChunk {
  siteId: string;
  source: string;
  runId: string;
  now: number;
  threads: CreateThreadRequest[];
  users: ImportedUser[];
  /** Parents before their replies. */
  comments: CommentRecord[];
  mappings: { kind: ImportKind; sourceId: string; parleyId: string }[];
  /** Published, undeleted comments added per thread. */
  counts: { threadId: string; delta: number }[];
  stage: StagedRecord[];
  unstage: { kind: ImportKind; sourceId: string }[];
}

/** Which staged comments to take: parent absent or already stored; parent in no file and no staging; the rest. */
export type StagedSelection = 'ready' | 'orphans' | 'rest';

export interface ImportStore {
  importedThreads(siteId: string, source: string, sourceIds: string[]): Promise<Map<string, string>>;
  importedComments(siteId: string, source: string, sourceIds: string[]): Promise<Map<string, PlacedComment>>;
  /** External id → user id, for those that exist. */
  usersByExternalIds(siteId: string, externalIds: string[]): Promise<Map<string, string>>;
  writeImportChunk(chunk: ImportChunk): Promise<void>;
  stagedThreads(runId: string, sourceIds: string[]): Promise<Map<string, unknown>>;
  stagedComments(runId: string, siteId: string, source: string, selection: StagedSelection, limit: number): Promise<StagedRecord[]>;
  /** How many threads were staged and never written (articles nobody commented on). */
  countStagedThreads(runId: string): Promise<number>;
  /** Removes the site's staging rows: a finished run's, or those a run that died left behind. */
  clearImportStaging(siteId: string): Promise<void>;

  /** Imported users with these external ids that no member has claimed yet. */
  unclaimedImportedUsers(siteId: string, externalIds: string[]): Promise<{ id: string; displayName: string }[]>;
  /** Moves the imported users' comments to the member, in one transaction; returns how many moved. */
  claimImportedUsers(siteId: string, memberId: string, importedIds: string[], now: number): Promise<number>;
}

/** One page of a site's rows of one type, for `npm run export`; `after` is the previous page's `next`. */
export interface ExportPage {
  rows: ExportRow[];
  next: unknown[] | null;
}

export interface ExportStore {
  exportPage(siteId: string, type: ExportRowType, after: unknown[] | null, limit: number): Promise<ExportPage>;
  /** Inserts rows of one type exactly as exported, into the site, in one transaction. */
  restoreRows(siteId: string, type: ExportRowType, rows: ExportRow[]): Promise<void>;
  /** Whether the site has no threads, users or comments yet (a restore goes only into such a site). */
  siteIsEmpty(siteId: string): Promise<boolean>;
  /** Which of these comment ids the site has (a restored reply waits until its parent is in). */
  existingCommentIds(siteId: string, ids: string[]): Promise<Set<string>>;
}
