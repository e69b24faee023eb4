// The queue's side effects: loading pages, live counts (polled, and on window focus), moderation
// actions that settle items at once and put them back if the server refuses, operations on the
// whole filtered queue (followed to their end, and resumed when the dashboard opens), and undo.
import { useCallback, useEffect, useMemo, useReducer, useRef } from 'preact/hooks';
import type { BulkOperationView, QueueName, QueueFilter as OperationFilter } from '../../../shared/schemas/moderation-api';
import { ok, type Result } from '../../api/result';
import type { CommentActionName, FilterActionName, ModerationClient, RejectReason } from '../api';
import type { BulkProgress } from './bulk-progress';
import { moderatorMessage } from './messages';
import { sendActions } from './send-actions';
import { initialQueueState, queueReducer, type QueueAction, type QueueFilter, type QueueState } from './queue';
import type { UndoOutcome, UndoStack } from './undo-stack';

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
  /** "Select all N matching": every comment the queue holds under its filters, loaded or not. */
  checkMatching(on: boolean): void;
  act(ids: string[], action: CommentActionName, reason?: RejectReason): Promise<boolean>;
  /** Acts on every comment the queue holds under its filters, on the server, in batches. */
  actOnMatching(action: FilterActionName, reason?: RejectReason): Promise<boolean>;
  /** Starts an operation on every comment under these filters, whatever the queue shows (the drawer's "reject their pending comments"). */
  actOnFilter(filter: OperationFilter, action: FilterActionName, reason?: RejectReason): Promise<boolean>;
  /** Carries on the operation that stopped before its end. */
  resumeOperation(): Promise<boolean>;
  /** Follows an unfinished operation (one found when the dashboard opened) to its end. */
  carryOn(operation: BulkOperationView): Promise<boolean>;
  /** Undoes the last entry on this dashboard's stack (the u key). */
  undoLast(): Promise<UndoOutcome>;
  /** Undoes what was last done to this item, from its own Undo button. */
  undoItem(id: string): Promise<UndoOutcome | null>;
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

export function useQueue(client: ModerationClient, undo: UndoStack, progress: BulkProgress, announce: Announce, options: QueueOptions = {}): [QueueState, QueueActions] {
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
    // u undoes the last action the server has recorded, so it waits for actions still in flight
    // (the list already moved on optimistically) instead of overtaking them.
    let inFlight: Promise<unknown> = Promise.resolve();
    // Undone comments still on the list go back as they were; any other, the list is read again.
    async function settle(outcome: UndoOutcome) {
      announce(outcome.message, outcome.tone);
      const ids = new Set(outcome.undone.map((a) => a.id));
      const comments = outcome.undone.filter((a) => a.targetType === 'comment').map((a) => a.targetId);
      const known = comments.filter((id) => current.current.settled[id]?.actions?.some((a) => ids.has(a.id)));
      // An operation by filter brought back comments this list never held.
      const bulk = outcome.undone.some((a) => a.targetType === 'bulk');
      if (known.length === comments.length && !bulk) dispatch({ type: 'undone', ids: known });
      else await load(false, comments[0]);
      if (comments.length || bulk) void refreshCounts();
      return outcome;
    }
    // An operation by filter that ended: one entry on the undo stack, and the list read again.
    async function finished(res: Result<BulkOperationView>): Promise<boolean> {
      if (!res.ok) {
        const stopped = progress.get();
        const where = stopped ? ` Stopped after ${stopped.operation.done + stopped.operation.skipped} of ${stopped.operation.total}.` : '';
        announce(`${moderatorMessage(res.error.code)}${where}`, 'error');
        return false;
      }
      const { audit, skipped, action } = res.data;
      const left = skipped ? `; ${skipped} left as they were (decided meanwhile, or not yours to decide)` : '';
      // An undo carried on with Continue, or when the dashboard opened, is not itself undone.
      if (action === 'undo') announce(`${audit?.summary ?? 'Undone'}${left}.`);
      else {
        if (audit) undo.record([audit], audit.summary);
        announce(`${audit?.summary ?? 'Done'}${left}. Press u to undo.`);
      }
      await load(false);
      void refreshCounts();
      return true;
    }
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
      checkMatching: (on) => dispatch({ type: 'checkMatching', on }),
      async act(ids, action, reason) {
        if (ids.length === 0) return false;
        dispatch({ type: 'acting', ids, leaves: leavesQueue(current.current.queue, action) });
        const request = sendActions(client, ids, action, reason);
        inFlight = request.catch(() => undefined);
        const sent = await request;
        if (sent.refused.length) dispatch({ type: 'refused', ids: sent.refused });
        const done = sent.actions;
        const back = sent.refused.length > 1 ? `The other ${sent.refused.length} comments are back in the list.` : 'The comment is back in the list.';
        if (done.length === 0) {
          announce(`${moderatorMessage(sent.error?.code)} ${ids.length > 1 ? 'The comments are back in the list.' : back}`, 'error');
          return false;
        }
        dispatch({ type: 'acted', items: sent.items, actions: done });
        const label = done.length === 1 ? done[0].summary : `${PAST[action]} ${done.length} comments`;
        undo.record(done, label);
        if (sent.error) announce(`${label}. ${moderatorMessage(sent.error.code)} ${back} Press u to undo.`, 'error');
        else announce(`${label}. Press u to undo.`);
        void refreshCounts();
        return !sent.error;
      },
      async actOnMatching(action, reason) {
        const s = current.current;
        if (!s.allMatching || progress.get()) return false;
        dispatch({ type: 'checkMatching', on: false });
        return finished(await progress.follow(client.startBulk({ queue: s.queue, ...s.filter }, action, reason)));
      },
      async actOnFilter(filter, action, reason) {
        if (progress.get()) return false;
        return finished(await progress.follow(client.startBulk(filter, action, reason)));
      },
      async resumeOperation() {
        return progress.get() ? finished(await progress.resume()) : false;
      },
      async carryOn(operation) {
        if (progress.get()) return false;
        return finished(await progress.follow(Promise.resolve(ok({ operation }))));
      },
      async undoLast() {
        await inFlight;
        return settle(await undo.undoLast());
      },
      async undoItem(id) {
        const actions = current.current.settled[id]?.actions;
        return actions?.length ? settle(await undo.undoActions(actions)) : null;
      },
    };
  }, [client, undo, announce, dispatch]);

  useEffect(() => {
    actions.open('pending');
  }, [actions]);

  // An operation this moderator started and that stopped (the page was closed, the network went)
  // goes on when the dashboard opens again.
  useEffect(() => {
    if (progress.get()) return;
    let live = true;
    void client.bulkOperations('running').then(async (res) => {
      const mine = res.ok ? res.data.operations.find((op) => op.mine) : undefined;
      if (!live || !mine) return;
      announce(`Carrying on an operation that stopped: ${mine.done + mine.skipped} of ${mine.total} done.`);
      await actions.carryOn(mine);
    });
    return () => {
      live = false;
    };
  }, [client, progress, actions, announce]);

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
