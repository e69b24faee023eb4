// The widget's state and the pure reducer that changes it; each mounted widget owns one.
import type { CommentPage, CommentView } from '../../shared/schemas/comment';
import type { Sort } from '../../shared/schemas/common';
import type { ThreadView } from '../../shared/schemas/thread';
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
}

export type ThreadAction =
  | { type: 'loading' }
  | { type: 'loaded'; view: ThreadView }
  | { type: 'failed'; error: ApiError }
  | { type: 'busy' }
  | { type: 'page'; page: CommentPage; sort: Sort; append: boolean }
  | { type: 'added'; comment: CommentView }
  | { type: 'replaced'; comment: CommentView }
  | { type: 'merged'; comments: CommentView[] }
  | { type: 'liked'; id: string; likes: number; likedByMe: boolean }
  | { type: 'highlight'; id: string | null }
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
});

function mergeInto(list: CommentView[], incoming: CommentView[]): CommentView[] {
  const fresh = new Map(incoming.map((c) => [c.id, c]));
  const kept = list.map((c) => fresh.get(c.id) ?? c);
  const known = new Set(list.map((c) => c.id));
  return [...kept, ...incoming.filter((c) => !known.has(c.id))];
}

export function threadReducer(state: ThreadState, action: ThreadAction): ThreadState {
  switch (action.type) {
    case 'loading':
      return { ...state, phase: 'loading', error: null };
    case 'loaded': {
      const { comments, nextCursor, sort, ...view } = action.view;
      return { ...state, phase: 'ready', error: null, view, comments, nextCursor, sort, busy: false };
    }
    case 'failed':
      return { ...state, phase: state.view ? state.phase : 'failed', error: action.error, busy: false };
    case 'busy':
      return { ...state, busy: true, error: null };
    case 'page': {
      const comments = action.append ? mergeInto(state.comments, action.page.comments) : action.page.comments;
      return { ...state, comments, nextCursor: action.page.nextCursor, sort: action.sort, busy: false };
    }
    case 'added': {
      const { view } = state;
      // A new top-level comment goes first so its author sees it right under the composer.
      const comments = action.comment.parentId === null ? [action.comment, ...state.comments] : [...state.comments, action.comment];
      // A rejected comment is shown to its author only, so it counts for no one.
      const thread = view && { ...view.thread, commentCount: view.thread.commentCount + (action.comment.status === 'rejected' ? 0 : 1) };
      return { ...state, comments, view: view && thread ? { ...view, thread } : view };
    }
    case 'replaced':
    case 'merged':
      return { ...state, comments: mergeInto(state.comments, action.type === 'merged' ? action.comments : [action.comment]) };
    case 'liked':
      return {
        ...state,
        comments: state.comments.map((c) => (c.id === action.id ? { ...c, likes: action.likes, likedByMe: action.likedByMe } : c)),
      };
    case 'highlight':
      return { ...state, highlightId: action.id };
    case 'focus':
      return { ...state, focus: { id: action.id } };
  }
}
