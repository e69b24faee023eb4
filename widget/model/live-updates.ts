// Live updates: while the page is visible, the thread's newest page is asked for again every
// pollSeconds (20 s by default; 3 and 6 times that after one and more failures in a row), and once
// at once when the page becomes visible again. Comments the widget has never held wait for the
// reader to ask for them, instead of moving the thread under their eyes; replies to the reader's
// own comments are named. Loaded in its own chunk once the thread is on screen (live-banner.tsx).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CommentView } from '../../shared/schemas/comment';
import { pollPage } from '../api/poll';
import { threadReducer, type ThreadState } from './state';
import type { WidgetConfig } from '../config';
import type { WidgetContext } from '../components/context';

export const POLL_SECONDS = 20;
const BACKOFF = [1, 3, 6];

export interface PollingOptions {
  /** One poll; false when it failed. */
  poll(): Promise<boolean>;
  seconds: number;
  doc: Document;
  /** The timers to schedule with; injected in tests. */
  timers?: Pick<typeof globalThis, 'setTimeout' | 'clearTimeout'>;
}

/** Polls while `doc` is visible, one at a time. Returns the function that stops it. */
/** Others' comments the reader asked to see, oldest first, each placed as the reader's own would be; `fresh` are marked New. */
export const withArrived = (state: ThreadState, comments: CommentView[], fresh: string[]): ThreadState =>
  comments.reduce<ThreadState>((s, comment) => threadReducer(s, { type: 'added', comment }), { ...state, fresh });

export function startPolling({ poll, seconds, doc, timers = globalThis }: PollingOptions): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let running = false;
  let stopped = false;
  const schedule = () => {
    timers.clearTimeout(timer);
    if (!stopped && !running && !doc.hidden) timer = timers.setTimeout(tick, seconds * 1000 * BACKOFF[Math.min(failures, 2)]);
  };
  const tick = async () => {
    if (running || stopped) return;
    running = true;
    failures = (await poll().catch(() => false)) ? 0 : failures + 1;
    running = false;
    schedule();
  };
  // Hidden: nothing is scheduled. Visible again: one poll now, then the usual rhythm.
  const onVisibility = () => (doc.hidden ? timers.clearTimeout(timer) : void tick());
  doc.addEventListener('visibilitychange', onVisibility);
  schedule();
  return () => {
    stopped = true;
    timers.clearTimeout(timer);
    doc.removeEventListener('visibilitychange', onVisibility);
  };
}

/**
 * The comments of a polled page worth announcing: those the widget never held, not deleted, and
 * the latest copy of those already waiting (dropping any deleted since).
 */
export function waitingAfter(waiting: readonly CommentView[], page: readonly CommentView[], held: ReadonlySet<string>): CommentView[] {
  const fresh = new Map(page.map((c) => [c.id, c]));
  const kept = waiting.map((c) => fresh.get(c.id) ?? c).filter((c) => !c.deleted && !held.has(c.id));
  const known = new Set(waiting.map((c) => c.id));
  return [...kept, ...page.filter((c) => !c.deleted && !held.has(c.id) && !known.has(c.id))];
}

/** The waiting comments that answer one of the reader's own. */
export function repliesToReader(waiting: readonly CommentView[], held: readonly CommentView[]): CommentView[] {
  const mine = new Set([...held, ...waiting].filter((c) => c.mine).map((c) => c.id));
  return waiting.filter((c) => c.parentId !== null && mine.has(c.parentId) && !c.mine);
}

/** Names as a sentence: "Frank", "Frank and Dana", "Frank, Dana and Lee". */
export const joinNames = (names: string[]) => (names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0] ?? '');

export function useLiveUpdates({ state, actions }: WidgetContext, config: WidgetConfig) {
  const [waiting, setWaiting] = useState<CommentView[]>([]);
  // Every comment the widget has held, whatever the order or page shown since: never news again.
  const held = useRef(new Set<string>()).current;
  for (const c of state.comments) held.add(c.id);
  const threadId = state.view?.thread.id;

  useEffect(() => {
    if (!threadId) return;
    let etag: string | null = null;
    return startPolling({
      seconds: config.pollSeconds || POLL_SECONDS,
      doc: document,
      async poll() {
        const r = await pollPage(config, threadId, etag);
        if (r.ok && r.data) {
          etag = r.data.etag;
          const { comments } = r.data.page;
          setWaiting((w) => waitingAfter(w, comments, held));
        }
        return r.ok;
      },
    });
  }, [threadId]);

  const shown = waiting.filter((c) => !held.has(c.id));
  return {
    waiting: shown,
    repliesToReader: repliesToReader(shown, state.comments),
    /** Puts the waiting comments in the thread, oldest first, and moves focus to the newest. */
    show() {
      const comments = [...shown].sort((a, b) => a.createdAt - b.createdAt);
      setWaiting([]);
      if (!comments.length) return;
      const fresh = repliesToReader(comments, state.comments).map((c) => c.id);
      actions.dispatch({ type: 'update', update: (s) => withArrived(s, comments, fresh) });
      actions.focus(comments.at(-1)!.id);
    },
  };
}
