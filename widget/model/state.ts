// The widget's state and the pure reducer that changes it; each mounted widget owns one.
import type { CommentPage, CommentView } from '../../shared/schemas/comment';
import type { Sort } from '../../shared/schemas/common';
import type { ThreadView, TokenState } from '../../shared/schemas/thread';
import { FIRST_SORT } from '../api/request';
import type { ApiError } from '../api/result';

export interface ThreadState {
  phase: 'loading' | 'ready' | 'failed';
  /** Why the thread could not load (phase 'failed'), or why the last list action failed. */
  error: ApiError | null;
  view: Pick<ThreadView, 'thread' | 'viewer' | 'site'> | null;
  sort: Sort;
  comments: CommentView[];
  nextCursor: string | null;
  busy: boolean;
  highlightId: string | null;
  /** The comment that should take keyboard focus next (a fresh object each time it is asked). */
  focus: { id: string } | null;
  /** The top-level comment of a permalinked conversation from pages not loaded, shown apart above the rest. */
  linked: string | null;
  /** Replies to the reader's own comments among the last ones live updates brought in: marked New. */
  fresh?: string[];
}

export type ThreadAction =
  | { type: 'loading' }
  | { type: 'loaded'; view: ThreadView }
  | { type: 'failed'; error: ApiError }
  | { type: 'busy' }
  | { type: 'page'; page: CommentPage; sort: Sort; append: boolean }
  /** The reader's own new comment, or one live updates brought in. */
  | { type: 'added'; comment: CommentView }
  /** A change made by code the first load goes without (members' writes, permalinks, live updates): a pure function of the state. */
  | { type: 'update'; update: (state: ThreadState) => ThreadState }
  | { type: 'session'; session: TokenState }
  | { type: 'focus'; id: string };

export const initialState = (sort: Sort = FIRST_SORT): ThreadState => ({
  phase: 'loading',
  error: null,
  view: null,
  sort,
  comments: [],
  nextCursor: null,
  busy: false,
  highlightId: null,
  focus: null,
  linked: null,
});

export function mergeInto(list: CommentView[], incoming: CommentView[]): CommentView[] {
  const fresh = new Map(incoming.map((c) => [c.id, c]));
  const kept = list.map((c) => fresh.get(c.id) ?? c);
  const known = new Set(list.map((c) => c.id));
  return [...kept, ...incoming.filter((c) => !known.has(c.id))];
}

// What the heading counts, as the server does: published comments, not those held, rejected or deleted.
export const counted = (c: CommentView | undefined) => +(c?.status === 'published' && !c.deleted);

export function recount(view: ThreadState['view'], by: number): ThreadState['view'] {
  return view && by ? { ...view, thread: { ...view.thread, commentCount: view.thread.commentCount + by } } : view;
}

export function threadReducer(state: ThreadState, action: ThreadAction): ThreadState {
  switch (action.type) {
    case 'loading':
      return { ...state, phase: 'loading', error: null };
    case 'loaded': {
      const { comments, nextCursor, sort, ...view } = action.view;
      return { ...state, phase: 'ready', error: null, view, comments, nextCursor, sort, busy: false, linked: null };
    }
    case 'failed':
      return { ...state, phase: state.view ? state.phase : 'failed', error: action.error, busy: false };
    case 'busy':
      return { ...state, busy: true, error: null };
    case 'page': {
      const { linked } = state;
      // A conversation shown apart moves into its place once its page arrives.
      const arrived = action.page.comments.some((c) => c.id === linked);
      const kept = arrived ? state.comments.filter((c) => c.id !== linked) : state.comments;
      const comments = action.append ? mergeInto(kept, action.page.comments) : action.page.comments;
      return { ...state, comments, nextCursor: action.page.nextCursor, sort: action.sort, busy: false, linked: action.append && !arrived ? linked : null };
    }
    case 'added': {
      const { comment } = action;
      // A new top-level comment goes first so its author sees it right under the composer.
      const comments = comment.parentId === null ? [comment, ...state.comments] : [...state.comments, comment];
      return { ...state, comments, view: recount(state.view, counted(comment)) };
    }
    case 'update':
      return action.update(state);
    case 'session':
      // No more replies offered until the member signs in again; the open composer stays, disabled (see gate.tsx).
      return state.view ? { ...state, view: { ...state.view, viewer: { ...state.view.viewer, session: action.session, canComment: false } } } : state;
    case 'focus':
      return { ...state, focus: { id: action.id } };
  }
}
