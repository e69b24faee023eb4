// The queue's side effects: loading pages, live counts (polled, and on window focus), and
// moderation actions that remove items at once and put them back if the server refuses.
import { useCallback, useEffect, useMemo, useReducer, useRef } from 'preact/hooks';
import type { QueueItemView, QueueName } from '../../../shared/schemas/moderation-api';
import type { CommentActionName, ModerationClient, RejectReason } from '../api';
import { moderatorMessage } from './messages';
import { initialQueueState, itemsToRemove, queueReducer, type QueueAction, type QueueFilter, type QueueState } from './queue';

export type Announce = (text: string, tone?: 'ok' | 'error') => void;

export interface QueueActions {
  /** The state as of the last dispatch, which may be newer than the last render. */
  peek(): QueueState;
  open(queue: QueueName, filter?: QueueFilter): void;
  reload(): Promise<void>;
  loadMore(): Promise<void>;
  refreshCounts(): Promise<void>;
  select(id: string | null): void;
  move(by: 1 | -1): void;
  check(id: string, on?: boolean): void;
  checkAll(on: boolean): void;
  act(ids: string[], action: CommentActionName, reason?: RejectReason): Promise<boolean>;
  undo(): Promise<void>;
}

const PAST: Record<CommentActionName, string> = {
  approve: 'Approved',
  reject: 'Rejected',
  feature: 'Featured',
  unfeature: 'Unfeatured',
  delete: 'Deleted',
};

export interface QueueOptions {
  pollMs?: number;
  /** The window whose focus triggers a refresh of the counts. */
  win?: Window | null;
}

/** Whether an action takes the comment out of the list being reviewed (recent lists published comments only). */
export function leavesQueue(queue: QueueName, action: CommentActionName): boolean {
  switch (action) {
    case 'approve':
      return queue !== 'recent';
    case 'reject':
      return queue !== 'rejected';
    case 'delete':
      return true;
    case 'feature':
    case 'unfeature':
      return false;
  }
}

export function useQueue(client: ModerationClient, announce: Announce, options: QueueOptions = {}): [QueueState, QueueActions] {
  const [state, apply] = useReducer(queueReducer, undefined, () => initialQueueState());
  // The latest state, kept in step with every dispatch: keys pressed faster than a render
  // (j then a) must act on the item the first key selected.
  const current = useRef(state);
  const dispatch = useCallback((action: QueueAction) => {
    current.current = queueReducer(current.current, action);
    apply(action);
  }, []);
  // Answers to an older request (another queue, another filter) are dropped.
  const loadSeq = useRef(0);

  const actions = useMemo<QueueActions>(() => {
    async function load(append: boolean, keepSelection?: string | null) {
      const seq = ++loadSeq.current;
      const s = current.current;
      const res = await client.queue({ queue: s.queue, ...s.filter, cursor: append ? (s.nextCursor ?? undefined) : undefined });
      if (seq !== loadSeq.current) return;
      if (!res.ok) return dispatch({ type: 'failed', error: res.error });
      dispatch({ type: 'loaded', response: res.data, append });
      if (keepSelection && res.data.items.some((i) => i.id === keepSelection)) dispatch({ type: 'select', id: keepSelection });
    }
    // Undo acts on the last action the server has recorded, so it waits for actions still in flight
    // (the list already moved on optimistically) instead of overtaking them.
    let inFlight: Promise<unknown> = Promise.resolve();
    async function refreshCounts() {
      const res = await client.counts();
      if (res.ok) dispatch({ type: 'counts', counts: res.data });
    }
    return {
      peek: () => current.current,
      open(queue, filter = {}) {
        dispatch({ type: 'open', queue, filter });
        void load(false);
      },
      reload: () => load(false, current.current.selectedId),
      loadMore: () => load(true),
      refreshCounts,
      select: (id) => dispatch({ type: 'select', id }),
      move: (by) => dispatch({ type: 'move', by }),
      check: (id, on) => dispatch({ type: 'check', id, on }),
      checkAll: (on) => dispatch({ type: 'checkAll', on }),
      async act(ids, action, reason) {
        if (ids.length === 0) return false;
        const removes = leavesQueue(current.current.queue, action);
        const removed = removes ? itemsToRemove(current.current, ids) : [];
        if (removes) dispatch({ type: 'remove', ids });
        const request = ids.length === 1 ? client.act(ids[0], action, reason) : client.bulk(ids, action, reason);
        inFlight = request.catch(() => undefined);
        const res = await request;
        if (!res.ok) {
          dispatch({ type: 'restore', removed });
          announce(`${moderatorMessage(res.error.code)} The comment${ids.length > 1 ? 's are' : ' is'} back in the list.`, 'error');
          return false;
        }
        const items: QueueItemView[] = 'item' in res.data ? [res.data.item] : res.data.items;
        if (!removes) dispatch({ type: 'replace', items });
        announce(ids.length === 1 ? `${PAST[action]}. Press u to undo.` : `${PAST[action]} ${ids.length} comments.`);
        void refreshCounts();
        return true;
      },
      async undo() {
        await inFlight;
        const res = await client.undo();
        if (!res.ok) return announce(moderatorMessage(res.error.code), 'error');
        if (!res.data.undone) return announce('Nothing to undo.');
        announce(`Undid ${res.data.undone.action}.`);
        await load(false, res.data.undone.targetId);
      },
    };
  }, [client, announce, dispatch]);

  useEffect(() => {
    actions.open('pending');
  }, [actions]);

  useEffect(() => {
    const { win, pollMs = 10_000 } = options;
    const tick = setInterval(() => void actions.refreshCounts(), pollMs);
    const onFocus = () => void actions.refreshCounts();
    win?.addEventListener('focus', onFocus);
    return () => {
      clearInterval(tick);
      win?.removeEventListener('focus', onFocus);
    };
  }, [actions, options.win, options.pollMs]);

  return [state, actions];
}
