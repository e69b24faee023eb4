// The Threads tab: the site's threads a page at a time, and the one opened with its comments in
// every state. Every action (on a thread or on one of its comments) goes on the dashboard's undo
// stack and reads the opened thread again, so what shows is what the server holds.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ActionSummary, ModeratedThread, QueueItemView } from '../../../shared/schemas/moderation-api';
import type { ApiError, Result } from '../../api/result';
import type { CommentActionName, ModerationClient, RejectReason, ThreadActionName } from '../api';
import type { UndoStack } from './undo-stack';
import { moderatorMessage } from './messages';

export interface OpenThread {
  thread: ModeratedThread;
  items: QueueItemView[];
  nextCursor: string | null;
}

export interface ThreadsState {
  phase: 'loading' | 'ready' | 'failed';
  error: ApiError | null;
  threads: ModeratedThread[];
  nextCursor: string | null;
  open: OpenThread | null;
  busy: boolean;
  /** The last action taken here, which its Undo button takes back (the queue's u key lives on the Queues tab). */
  last: ActionSummary | null;
}

export interface ThreadsActions {
  reload(): Promise<void>;
  loadMore(): Promise<void>;
  undoLast(): Promise<void>;
  openThread(id: string | null): Promise<void>;
  moreComments(): Promise<void>;
  actOnThread(id: string, action: ThreadActionName): Promise<void>;
  actOnComment(id: string, action: CommentActionName, reason?: RejectReason): Promise<void>;
}

export type Announce = (text: string, tone?: 'ok' | 'error') => void;

export function useThreads(client: ModerationClient, undo: UndoStack, announce: Announce): [ThreadsState, ThreadsActions] {
  const [state, setState] = useState<ThreadsState>({ phase: 'loading', error: null, threads: [], nextCursor: null, open: null, busy: false, last: null });
  const current = useRef(state);
  current.current = state;

  const actions = useMemo<ThreadsActions>(() => {
    async function list(append: boolean) {
      const res = await client.threads(append ? (current.current.nextCursor ?? undefined) : undefined);
      if (!res.ok) return setState((s) => ({ ...s, phase: 'failed', error: res.error }));
      const { threads, nextCursor } = res.data;
      setState((s) => ({ ...s, phase: 'ready', error: null, threads: append ? [...s.threads, ...threads] : threads, nextCursor }));
    }
    async function read(id: string, cursor?: string) {
      const res = await client.threadReview(id, cursor);
      if (!res.ok) return announce(moderatorMessage(res.error.code), 'error');
      const { thread, items, nextCursor } = res.data;
      setState((s) => ({
        ...s,
        // The list shows what the thread now holds too.
        threads: s.threads.map((t) => (t.id === thread.id ? thread : t)),
        open: { thread, items: cursor && s.open?.thread.id === id ? [...s.open.items, ...items] : items, nextCursor },
      }));
    }
    /** Runs an action, records it for u, says what happened, and reads the thread again. */
    async function acted(threadId: string, request: Promise<Result<{ action: ActionSummary }>>) {
      setState((s) => ({ ...s, busy: true }));
      const res = await request;
      setState((s) => ({ ...s, busy: false }));
      if (!res.ok) return announce(moderatorMessage(res.error.code), 'error');
      undo.record([res.data.action]);
      setState((s) => ({ ...s, last: res.data.action }));
      announce(`${res.data.action.summary}.`);
      await refresh(threadId);
    }
    const refresh = (threadId: string) => (current.current.open?.thread.id === threadId ? read(threadId) : list(false));
    return {
      reload: () => list(false),
      loadMore: () => list(true),
      async undoLast() {
        const last = current.current.last;
        if (!last) return;
        const outcome = await undo.undoActions([last]);
        announce(outcome.message, outcome.tone);
        setState((s) => ({ ...s, last: null }));
        await refresh(current.current.open?.thread.id ?? '');
      },
      async openThread(id) {
        if (!id) return setState((s) => ({ ...s, open: null }));
        await read(id);
      },
      moreComments: async () => {
        const open = current.current.open;
        if (open?.nextCursor) await read(open.thread.id, open.nextCursor);
      },
      actOnThread: (id, action) => acted(id, client.actOnThread(id, action)),
      actOnComment: (id, action, reason) => acted(current.current.open?.thread.id ?? '', client.act(id, action, reason)),
    };
  }, [client, undo, announce]);

  useEffect(() => void actions.reload(), [actions]);
  return [state, actions];
}
