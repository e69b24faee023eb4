import { useEffect, useMemo, useState } from 'preact/hooks';
import { readerMessage } from '../../shared/errors';
import { SORTS, type Sort } from '../../shared/schemas/common';
import type { ApiClient } from '../api/client';
import type { WidgetConfig } from '../config';
import { buildTree } from '../model/tree';
import { usePermalink, useThread, type ThreadActions } from '../model/use-thread';
import { CommentList } from './comment-list';
import { EditorsPicks } from './editors-picks';
import { Gate } from './gate';

const SORT_LABELS: Record<Sort, string> = { newest: 'Newest', oldest: 'Oldest', top: 'Most liked' };

export interface WidgetProps {
  client: ApiClient;
  config: WidgetConfig;
  /** Lets mount() reach the actions, e.g. to reload after the host signs a reader in. */
  expose(actions: ThreadActions): void;
  /** Tells mount() the site's theme once known. */
  onTheme(theme: string): void;
}

export function Widget({ client, config, expose, onTheme }: WidgetProps) {
  const clock = config.now ?? Date.now;
  const { state, actions } = useThread(client, config);
  const [now, setNow] = useState(clock);
  const tree = useMemo(() => buildTree(state.comments), [state.comments]);
  const { view, phase, error } = state;

  useEffect(() => {
    expose(actions);
    const tick = setInterval(() => setNow(clock()), 60_000);
    return () => clearInterval(tick);
  }, [actions]);
  useEffect(() => {
    if (view) onTheme(config.theme ?? view.site.theme);
  }, [view?.site.theme]);
  usePermalink(!!view, actions.openPermalink);

  const count = view?.thread.commentCount ?? 0;
  const ctx = { state, actions, now, client };
  return (
    <section aria-label="Comments" aria-busy={phase === 'loading' || state.busy}>
      {!view ? (
        <p class="notice" role="status">
          {phase === 'failed' ? readerMessage(error?.code) : 'Loading comments…'}
          {phase === 'failed' && (
            <button type="button" onClick={actions.load}>
              Retry
            </button>
          )}
        </p>
      ) : (
        <>
          <header class="head">
            <h2>{count === 1 ? '1 comment' : `${count} comments`}</h2>
            <label>
              Sort by{' '}
              <select value={state.sort} disabled={state.busy} onChange={(e) => actions.setSort(e.currentTarget.value as Sort)}>
                {SORTS.map((s) => (
                  <option value={s} key={s}>
                    {SORT_LABELS[s]}
                  </option>
                ))}
              </select>
            </label>
          </header>
          <Gate ctx={ctx} />
          <p class="status error" role="status">
            {error && readerMessage(error.code)}
          </p>
          <EditorsPicks ctx={ctx} />
          {tree.length ? <CommentList ctx={ctx} nodes={tree} /> : <p class="quiet">No comments yet.</p>}
          {state.nextCursor && (
            <button type="button" class="more" disabled={state.busy} onClick={actions.loadMore}>
              {state.busy ? 'Loading…' : 'Load more comments'}
            </button>
          )}
        </>
      )}
    </section>
  );
}
