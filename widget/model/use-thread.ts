// Actions on one thread: each calls the API client, then dispatches what came back.
// Components get these and the state; they never see fetch.
import { useEffect, useMemo, useReducer, useRef } from 'preact/hooks';
import { TOKEN_REFUSALS, type ErrorCode } from '../../shared/errors';
import type { CreateCommentBody } from '../../shared/schemas/comment';
import type { Sort } from '../../shared/schemas/common';
import type { ApiClient } from '../api/client';
import type { Result } from '../api/result';
import type { WidgetConfig } from '../config';
import { rememberCommented } from './commented';
import { initialState, threadReducer, type ThreadAction, type ThreadState } from './state';

export type ThreadActions = ReturnType<typeof createActions>;

/** A refused token's code as the thread view names the session (expired, invalid, wrong_site), else undefined. */
const refusal = (r: Result<unknown>) => (r.ok ? undefined : TOKEN_REFUSALS[r.error.code as ErrorCode]);

function createActions(client: ApiClient, config: WidgetConfig, dispatch: (a: ThreadAction) => void, current: () => ThreadState) {
  const threadId = () => current().view?.thread.id ?? '';
  // A request refused for its token (the client asked the host for a fresh one already) turns the
  // composer into a sign-in prompt, keeping the draft, instead of failing the same way on every try.
  const keep = <T>(r: Result<T>, onOk: (data: T) => void): Result<T> => {
    const session = refusal(r);
    if (r.ok) onOk(r.data);
    else if (session) dispatch({ type: 'session', session });
    return r;
  };
  const list = async (sort: Sort, cursor?: string) => {
    dispatch({ type: 'busy' });
    const r = keep(await client.page(threadId(), sort, cursor), (page) => dispatch({ type: 'page', page, sort, append: !!cursor }));
    if (!r.ok) dispatch({ type: 'failed', error: r.error });
  };

  return {
    async load() {
      dispatch({ type: 'loading' });
      const get = () => client.thread({ url: config.url, pageId: config.pageId, title: config.title, sort: current().sort });
      let r = await get();
      // A server that refuses the token outright rather than answering the guest view: read as a guest, and say why.
      const session = refusal(r);
      if (session) {
        client.setToken(null);
        r = await get();
        if (r.ok) r.data.viewer.session = session;
      }
      if (!r.ok) {
        const { error } = r;
        // Only a failed load needs these words, so they are fetched then (and said briefly when even that fails).
        import('./warn-developer').then(
          (m) => m.warnDeveloper(config, error),
          () => console.error('Parley:', error.code, error.message),
        );
      }
      dispatch(r.ok ? { type: 'loaded', view: r.data } : { type: 'failed', error: r.error });
    },
    setSort: (sort: Sort) => list(sort),
    loadMore: () => list(current().sort, current().nextCursor ?? undefined),
    post: async (input: CreateCommentBody) =>
      keep(await client.post(threadId(), input), (d) => {
        if (!('comment' in d)) return;
        rememberCommented(client.site);
        dispatch({ type: 'added', comment: d.comment });
      }),
    edit: async (id: string, body: string) => keep(await client.edit(id, body), (d) => dispatch({ type: 'replaced', comment: d.comment })),
    remove: async (id: string) => keep(await client.remove(id), (d) => dispatch({ type: 'replaced', comment: d.comment })),
    like: async (id: string, liked: boolean) => keep(await client.like(id, liked), (d) => dispatch({ type: 'liked', id, ...d })),
    preview: async (body: string) => keep(await client.preview(body), () => {}),
    focus: (id: string) => dispatch({ type: 'focus', id }),
    /** Shows a linked comment: from the loaded list when it is there with its parents, else with its conversation. */
    async openPermalink(id: string) {
      // An editor's pick arrives without the comments it answers.
      const byId = new Map(current().comments.map((c) => [c.id, c]));
      let c = byId.get(id);
      while (c?.parentId) c = byId.get(c.parentId);
      if (!c) {
        // Refused for its token, it asks the member to sign in again, as any request does.
        const r = keep(await client.conversation(id), () => {});
        if (!r.ok) return dispatch({ type: 'failed', error: r.error });
        dispatch({ type: 'conversation', ...r.data });
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
