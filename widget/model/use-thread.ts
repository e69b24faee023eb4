// Actions on one thread: each calls the API client, then dispatches what came back.
// Components get these and the state; they never see fetch.
import { useEffect, useMemo, useReducer, useRef } from 'preact/hooks';
import type { CreateCommentBody } from '../../shared/schemas/comment';
import type { Sort } from '../../shared/schemas/common';
import type { ApiClient } from '../api/client';
import type { Result } from '../api/result';
import type { WidgetConfig } from '../config';
import { initialState, threadReducer, type ThreadState } from './state';

export type ThreadActions = ReturnType<typeof createActions>;

function createActions(client: ApiClient, config: WidgetConfig, dispatch: (a: Parameters<typeof threadReducer>[1]) => void, current: () => ThreadState) {
  const threadId = () => current().view?.thread.id ?? '';
  const keep = <T>(r: Result<T>, onOk: (data: T) => void): Result<T> => {
    if (r.ok) onOk(r.data);
    return r;
  };
  const list = async (sort: Sort, cursor?: string) => {
    dispatch({ type: 'busy' });
    const r = await client.page(threadId(), sort, cursor);
    dispatch(r.ok ? { type: 'page', page: r.data, sort, append: !!cursor } : { type: 'failed', error: r.error });
  };

  return {
    async load() {
      dispatch({ type: 'loading' });
      const r = await client.thread({ url: config.url, pageId: config.pageId, title: config.title, sort: current().sort });
      dispatch(r.ok ? { type: 'loaded', view: r.data } : { type: 'failed', error: r.error });
    },
    setSort: (sort: Sort) => list(sort),
    loadMore: () => list(current().sort, current().nextCursor ?? undefined),
    post: async (input: CreateCommentBody) =>
      keep(await client.post(threadId(), input), (d) => 'comment' in d && dispatch({ type: 'added', comment: d.comment })),
    edit: async (id: string, body: string) => keep(await client.edit(id, body), (d) => dispatch({ type: 'replaced', comment: d.comment })),
    remove: async (id: string) => keep(await client.remove(id), (d) => dispatch({ type: 'replaced', comment: d.comment })),
    like: async (id: string, liked: boolean) => keep(await client.like(id, liked), (d) => dispatch({ type: 'liked', id, ...d })),
    focus: (id: string) => dispatch({ type: 'focus', id }),
    /** Shows a linked comment: from the loaded list when it is there with its parents, else with its conversation. */
    async openPermalink(id: string) {
      // An editor's pick arrives without the comments it answers.
      const byId = new Map(current().comments.map((c) => [c.id, c]));
      let c = byId.get(id);
      while (c?.parentId) c = byId.get(c.parentId);
      if (!c) {
        const r = await client.conversation(id);
        if (!r.ok) return dispatch({ type: 'failed', error: r.error });
        dispatch({ type: 'merged', comments: r.data.comments });
      }
      dispatch({ type: 'highlight', id });
    },
  };
}

export function useThread(client: ApiClient, config: WidgetConfig) {
  const [state, dispatch] = useReducer(threadReducer, undefined, () => initialState());
  const ref = useRef(state);
  ref.current = state;
  const actions = useMemo(() => createActions(client, config, dispatch, () => ref.current), [client, config]);
  useEffect(() => void actions.load(), [actions]);
  return { state, actions };
}

const HASH = /^#comment-([a-z0-9_-]{1,64})$/i;

/** Follows `#comment-ID` in the host page's address, on load and whenever it changes. */
export function usePermalink(ready: boolean, open: (id: string) => unknown) {
  useEffect(() => {
    if (!ready) return;
    const follow = () => {
      const id = HASH.exec(location.hash)?.[1];
      if (id) open(id);
    };
    follow();
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, [ready]);
}
