// Actions on one thread: each calls the API client, then dispatches what came back.
// Components get these and the state; they never see fetch.
import { useEffect, useMemo, useReducer, useRef } from 'preact/hooks';
import { lapsed, TOKEN_REFUSALS, type ErrorCode } from '../../shared/errors';
import type { Sort } from '../../shared/schemas/common';
import type { ApiClient } from '../api/client';
import type { ApiError, Result } from '../api/result';
import { translator } from '../../shared/strings';
import type { WidgetConfig } from '../config';
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
  // Only a failure needs its words and the developer's console line, so they are fetched then
  // (and said briefly when even that fails).
  const failed = (error: ApiError, warn = false) =>
    import('./load-failure')
      .then(
        (m) => (warn && m.warnDeveloper(config, error), m.loadMessage(error.code, current().view?.site.strings)),
        () => (console.error('Parley:', error.code, error.message), translator(current().view?.site.strings)('load.unreachable')),
      )
      .then((said) => dispatch({ type: 'failed', error: { ...error, said } }));
  const list = async (sort: Sort, cursor?: string) => {
    dispatch({ type: 'busy' });
    const r = keep(await client.page(threadId(), sort, cursor), (page) => {
      dispatch({ type: 'page', page, sort, append: !!cursor });
      // Still refused after asking the host: the member is asked to sign in again, not shown as a guest.
      if (lapsed(page.session)) dispatch({ type: 'session', session: page.session! });
    });
    if (!r.ok) await failed(r.error);
  };

  return {
    // For the members' actions (model/member-actions.ts), which come with the members' chunk.
    keep,
    dispatch,
    threadId,
    current,
    async load() {
      dispatch({ type: 'loading' });
      // A refused token reads the guest view, which says so (viewer.session; the client asked the host for a fresh one already).
      const r = await client.thread({ url: config.url, pageId: config.pageId, title: config.title, sort: current().sort });
      if (r.ok) dispatch({ type: 'loaded', view: r.data });
      else await failed(r.error, true);
    },
    failed,
    setSort: (sort: Sort) => list(sort),
    loadMore: () => list(current().sort, current().nextCursor ?? undefined),
    focus: (id: string) => dispatch({ type: 'focus', id }),
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
export function usePermalink(ready: boolean, client: ApiClient, actions: ThreadActions) {
  useEffect(() => {
    if (!ready) return;
    const follow = () => {
      const id = HASH.exec(location.hash)?.[1];
      // A chunk that cannot load is a service that cannot be reached, said as any failed request is.
      if (id)
        import('./permalink').then(
          (m) => m.openPermalink(client, actions, id),
          () => actions.failed({ code: 'unreachable', message: 'Network error' }),
        );
    };
    follow();
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, [ready]);
}
