// Following a link to one comment (`#comment-ID` in the host page's address): loaded when the
// page has one, so a reader who came to read the article downloads none of it.
import type { CommentView } from '../../shared/schemas/comment';
import type { Sort } from '../../shared/schemas/common';
import type { ApiClient } from '../api/client';
import { mergeInto, type ThreadState } from './state';
import type { ThreadActions } from './use-thread';

/** Whether top-level comment `a` comes before `b` in the order the server pages them (see listTopLevel). */
export function precedes(a: CommentView, b: CommentView, sort: Sort): boolean {
  const key = (c: CommentView) => (sort === 'top' ? [c.likes, c.createdAt, c.id] : [c.createdAt, c.id]);
  const [x, y] = sort === 'oldest' ? [key(a), key(b)] : [key(b), key(a)];
  const i = x.findIndex((v, n) => v !== y[n]);
  return i >= 0 && x[i] < y[i];
}

/**
 * A conversation fetched for a permalink goes in its place when its top-level comment sorts
 * within the pages loaded (or every page is), else apart, until the page it belongs to arrives.
 */
export function withConversation(state: ThreadState, comments: CommentView[], rootId: string): ThreadState {
  const { comments: list } = state;
  const root = comments.find((c) => c.id === rootId);
  // Editor's picks and the reader's own held comments lead the first page wherever they sort: no place to count from.
  const next = root && list.find((c) => c.parentId === null && !c.featured && c.status == 'published' && precedes(root, c, state.sort));
  const known = !root || list.some((c) => c.id === rootId);
  const apart = !known && !next && !!state.nextCursor;
  const at = next ? list.indexOf(next) : list.length;
  const placed = known || apart ? list : [...list.slice(0, at), root, ...list.slice(at)];
  return { ...state, comments: mergeInto(placed, comments), linked: apart ? rootId : state.linked };
}

/** Shows a linked comment: from the loaded list when it is there with its parents, else with its conversation. */
export async function openPermalink(client: ApiClient, { keep, dispatch, current, failed }: ThreadActions, id: string) {
  // An editor's pick arrives without the comments it answers.
  const byId = new Map(current().comments.map((c) => [c.id, c]));
  let c = byId.get(id);
  while (c?.parentId) c = byId.get(c.parentId);
  if (!c) {
    // Refused for its token, it asks the member to sign in again, as any request does.
    const r = keep(await client.conversation(id), () => {});
    if (!r.ok) return failed(r.error);
    const { comments, rootId } = r.data;
    dispatch({ type: 'update', update: (state) => withConversation(state, comments, rootId) });
  }
  dispatch({ type: 'update', update: (state) => ({ ...state, highlightId: id }) });
}
