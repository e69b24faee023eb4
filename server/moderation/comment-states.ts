// The life of a comment, as one state machine: which state it is in, and where each party may move
// it. Pure, so the services, the store's guards and the property tests share one definition.
//
//   published ──edit (rules hold)──▶ pending        published ──reports' weight reaches the site's bar──▶ hidden
//   pending/hidden/rejected/published ──moderator approves──▶ published
//   pending/hidden/published ──moderator rejects──▶ rejected
//   any ──author or moderator deletes──▶ deleted (a tombstone; replies keep their place)
//
// An author's edit never publishes: it keeps pending and hidden comments where they are, can hold
// a published one, and is refused on a rejected one. Only a moderator (or an undo, which is a
// moderator's action) takes a comment out of pending, hidden or rejected. `featured` is a flag on
// published comments, cleared when a comment leaves that state.
import type { CommentState } from '../../shared/schemas/comment';
import type { ErrorCode } from '../../shared/errors';
import type { Verdict } from './types';

export type { CommentState };

/** The stored columns a state is read from. */
export interface StoredState {
  status: Verdict;
  deletedAt: number | null;
  hiddenByReports: boolean;
}

export function stateOf(c: StoredState): CommentState {
  if (c.deletedAt !== null) return 'deleted';
  if (c.status === 'pending' && c.hiddenByReports) return 'hidden';
  return c.status;
}

/** What a reader's view calls it: a hidden comment reads as awaiting review to its author. */
export function readerStatus(state: Exclude<CommentState, 'deleted'>): Verdict {
  return state === 'hidden' ? 'pending' : state;
}

export type Move = { to: CommentState } | { refused: ErrorCode; message: string };

/**
 * An author's edit, given what the rules decided about the new text. Rejected text is refused
 * rather than stored, so a typo'd edit never takes down a published comment.
 */
export function afterAuthorEdit(state: CommentState, verdict: Verdict): Move {
  switch (state) {
    case 'deleted':
      return { refused: 'comment_not_found', message: 'This comment was deleted' };
    case 'rejected':
      return { refused: 'rejected_not_editable', message: 'This comment was rejected and can no longer be edited' };
    default:
      if (verdict === 'rejected') return { refused: 'rejected', message: 'The edited text does not meet the community guidelines' };
      // Pending and hidden comments stay where they are until a moderator decides.
      if (state !== 'published') return { to: state };
      return { to: verdict };
  }
}

export type ModeratorMove = 'approve' | 'reject' | 'feature' | 'unfeature' | 'delete';

export function afterModerator(state: CommentState, move: ModeratorMove): Move {
  if (state === 'deleted' && move !== 'delete' && move !== 'unfeature') {
    return { refused: 'conflict', message: 'This comment was deleted' };
  }
  switch (move) {
    case 'approve':
      return { to: 'published' };
    case 'reject':
      return { to: 'rejected' };
    case 'feature':
      return state === 'published' ? { to: state } : { refused: 'conflict', message: 'Only published comments can be featured' };
    case 'unfeature':
      return { to: state };
    case 'delete':
      return { to: 'deleted' };
  }
}

/**
 * Reader reports take a published comment down once their summed weight (a new reporter's report
 * weighs one, see report-weight.ts) reaches the site's bar (0: never).
 */
export function afterReports(state: CommentState, reportWeight: number, hideAt: number): CommentState {
  return state === 'published' && hideAt > 0 && reportWeight >= hideAt ? 'hidden' : state;
}

/** The stored columns for a state. */
export function storedState(state: Exclude<CommentState, 'deleted'>): { status: Verdict; hiddenByReports: boolean } {
  return state === 'hidden' ? { status: 'pending', hiddenByReports: true } : { status: state, hiddenByReports: false };
}

/** Whether readers see it, and so whether it counts in the thread's comment count. */
export const isVisible = (state: CommentState): boolean => state === 'published';
