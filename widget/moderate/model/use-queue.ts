// The queue's side effects: loading pages, live counts and the "N new comments" banner (polled
// while the page is visible, and on window focus), moderation actions that settle items at once
// and put them back if the server refuses, operations on the whole filtered queue (followed to
// their end, and resumed when the dashboard opens), and undo that puts comments back in place.
import { useCallback, useEffect, useMemo, useReducer, useRef } from 'preact/hooks';
import { QUEUE_IDS_MAX, type BulkOperationView, type QueueName, type QueueSort, type QueueFilter as OperationFilter } from '../../../shared/schemas/moderation-api';
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
  /** Opens a queue under these filters, in this order (by default the order it had). */
  open(queue: QueueName, filter?: QueueFilter, sort?: QueueSort): void;
  reload(): Promise<void>;
  /** Asks how many comments came in since the list was read (the banner). */
  pollNewer(): Promise<void>;
  /** The banner's Show: the list read again from the top, with what came in. */
  showNewer(): Promise<void>;
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
  /** How often the counts and the banner are asked for while the page is visible; 20 s by default. */
  pollMs?: number;
  /** The window whose focus triggers a refresh of the counts, and whose document says whether the page is hidden. */
  win?: Window | null;
}

/** The banner's poll interval when the page does not set one. */
export const QUEUE_POLL_MS = 20_000;

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
      const res = await client.queue({ queue: s.queue, ...s.filter, sort: s.sort, cursor: append ? (s.nextCursor ?? undefined) : undefined });
      if (seq !== loadSeq.current) return;
      if (!res.ok) return dispatch({ type: 'failed', error: res.error });
      dispatch({ type: 'loaded', response: res.data, append });
      if (keepSelection && res.data.items.some((i) => i.id === keepSelection)) dispatch({ type: 'select', id: keepSelection });
    }
    // u undoes the last action the server has recorded, so it waits for actions still in flight
    // (the list already moved on optimistically) instead of overtaking them.
    let inFlight: Promise<unknown> = Promise.resolve();
    // Undone comments go back in their places: those still on the list as slim rows as they were,
    // the others (the list was read again since) as the server has them now, where the order puts
    // them. Neither reads page 1 again, so the scroll, the ticks and the pages loaded stay.
    async function settle(outcome: UndoOutcome) {
      announce(outcome.message, outcome.tone);
      const ids = new Set(outcome.undone.map((a) => a.id));
      const comments = [...new Set(outcome.undone.filter((a) => a.targetType === 'comment').map((a) => a.targetId))];
      const known = comments.filter((id) => current.current.settled[id]?.actions?.some((a) => ids.has(a.id)));
      // An operation by filter brought back comments this list may never have held: read it again.
      const bulk = outcome.undone.some((a) => a.targetType === 'bulk');
      if (bulk) await load(false, comments[0]);
      else {
        if (known.length) dispatch({ type: 'undone', ids: known });
        await restore(comments.filter((id) => !known.includes(id)));
      }
      if (comments.length || bulk) void refreshCounts();
      return outcome;
    }
    async function restore(ids: string[]) {
      for (let i = 0; i < ids.length; i += QUEUE_IDS_MAX) {
        const s = current.current;
        const seq = loadSeq.current;
        const res = await client.queue({ queue: s.queue, ...s.filter, sort: s.sort, ids: ids.slice(i, i + QUEUE_IDS_MAX).join(',') });
        // Another queue or filter opened meanwhile: the comments are not this list's.
        if (seq !== loadSeq.current) return;
        if (res.ok) dispatch({ type: 'restored', items: res.data.items });
      }
    }
    // The banner's poll, dropped when the list was read again (or another opened) while it was out.
    async function pollNewer() {
      const { asOf, queue, filter } = current.current;
      if (asOf === null) return refreshCounts();
      const seq = loadSeq.current;
      const res = await client.newer({ queue, ...filter, since: asOf });
      if (res.ok && seq === loadSeq.current) dispatch({ type: 'newer', newer: res.data.newer, counts: res.data.counts });
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
      open(queue, filter = {}, sort) {
        dispatch({ type: 'open', queue, filter, sort });
        void load(false);
      },
      reload: () => load(false, current.current.selectedId),
      pollNewer,
      async showNewer() {
        const n = current.current.newer;
        await load(false);
        const s = current.current;
        if (s.phase === 'ready') announce(n === 1 ? 'Showing 1 new comment, at the top.' : `Showing ${n} new comments, at the top.`);
      },
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

  // Polls only while the page is visible: a hidden tab asks nothing, and asks at once on its return.
  useEffect(() => {
    const { win, pollMs = QUEUE_POLL_MS } = options;
    const doc = win?.document;
    const visible = () => doc?.visibilityState !== 'hidden';
    const tick = setInterval(() => visible() && void actions.pollNewer(), pollMs);
    const onFocus = () => void actions.pollNewer();
    const onVisibility = () => visible() && void actions.pollNewer();
    win?.addEventListener('focus', onFocus);
    doc?.addEventListener('visibilitychange', onVisibility);
    return () => {
      clearInterval(tick);
      win?.removeEventListener('focus', onFocus);
      doc?.removeEventListener('visibilitychange', onVisibility);
    };
  }, [actions, options.win, options.pollMs]);

  return [state, actions];
}
