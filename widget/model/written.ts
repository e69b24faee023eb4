// How the thread changes when a member edits, deletes or likes a comment. Pure; in the members'
// chunk, apart from state.ts, so a guest's first load carries none of it.
import type { CommentView } from '../../shared/schemas/comment';
import { counted, mergeInto, recount, type ThreadState } from './state';

/** An edited or deleted comment in place of the one shown. */
export function withReplaced(state: ThreadState, comment: CommentView): ThreadState {
  const before = state.comments.find((c) => c.id === comment.id);
  return { ...state, comments: mergeInto(state.comments, [comment]), view: recount(state.view, counted(comment) - counted(before)) };
}

export const withLiked = (state: ThreadState, id: string, likes: number, likedByMe: boolean): ThreadState => ({
  ...state,
  comments: state.comments.map((c) => (c.id === id ? { ...c, likes, likedByMe } : c)),
});
