import { useEffect, useRef, useState } from 'preact/hooks';
import type { ModerationClient, RejectReason } from '../api';
import { commandFor, isTypingTarget, type Command } from '../model/keys';
import { defaultRejectReason } from '../model/reject-reason';
import { standingOf, useAuthor } from '../model/use-author';
import { useQueue, type Announce } from '../model/use-queue';
import { liveItems } from '../model/queue';
import type { UndoOutcome, UndoStack } from '../model/undo-stack';
import type { ActionSummary } from '../../../shared/schemas/moderation-api';
import { AuthorPanel } from './author-panel';
import { BulkBar } from './bulk-bar';
import { ConfirmDialog } from './confirm-dialog';
import { FilterBar } from './filter-bar';
import { HelpOverlay } from './help-overlay';
import { QueueItem } from './queue-item';
import { QueueNav } from './queue-nav';
import { RejectMenu } from './reject-menu';
import { moderatorMessage } from '../model/messages';

type Mode = { kind: 'list' } | { kind: 'reject'; ids: string[]; initial: RejectReason } | { kind: 'ban'; userId: string; name: string } | { kind: 'help' };

export interface QueuePageProps {
  client: ModerationClient;
  /** This dashboard's undo stack: kept above the page, so switching tabs keeps it. */
  undo: UndoStack;
  announce: Announce;
  now: number;
  /** Where shortcuts are listened for: the whole page, so they work wherever focus is. */
  doc: Document;
  pollMs?: number;
}

export function QueuePage({ client, undo, announce, now, doc, pollMs }: QueuePageProps) {
  const [state, actions] = useQueue(client, undo, announce, { pollMs, win: doc.defaultView });
  const selected = state.items.find((i) => i.id === state.selectedId);
  const [author, authorActions] = useAuthor(client, selected?.author.id ?? null);
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const modeRef = useRef(mode);
  modeRef.current = mode;
  const list = useRef<HTMLOListElement>(null);

  const close = () => {
    setMode({ kind: 'list' });
    list.current?.focus();
  };

  const reject = (ids: string[]) => {
    const first = actions.peek().items.find((i) => i.id === ids[0]);
    if (ids.length) setMode({ kind: 'reject', ids, initial: defaultRejectReason(first) });
  };

  const feature = (id: string) => {
    const item = actions.peek().items.find((i) => i.id === id);
    if (!item) return;
    if (item.status !== 'published' || item.deleted) return announce('Only published comments can be featured. Approve it first.', 'error');
    void actions.act([id], item.featured ? 'unfeature' : 'feature');
  };

  const askBan = () => {
    const s = actions.peek();
    const item = s.items.find((i) => i.id === s.selectedId);
    if (item) setMode({ kind: 'ban', userId: item.author.id, name: item.author.name });
  };

  // Account actions go on the same stack as comment actions: u undoes whichever came last.
  const recorded = (action: ActionSummary | null) => {
    if (!action) return;
    undo.record([action]);
    announce(`${action.summary}. Press u to undo.`);
  };

  async function ban(userId: string, name: string) {
    close();
    const res = await client.actOnUser(userId, 'ban');
    if (res.ok) recorded(res.data.action);
    else announce(`Could not ban ${name}: ${moderatorMessage(res.error.code)}`, 'error');
    authorActions.reload();
  }

  const afterUndo = (outcome: UndoOutcome | null) => {
    if (outcome?.undone.length) authorActions.reload();
  };

  // Shortcuts read the queue as of the last key, not the last render (see QueueActions.peek).
  const latest = () => {
    const s = actions.peek();
    return { s, item: s.items.find((i) => i.id === s.selectedId) };
  };
  const run: Record<Command, () => void> = {
    next: () => actions.move(1),
    prev: () => actions.move(-1),
    approve: () => {
      const { item } = latest();
      if (item) void actions.act([item.id], 'approve');
    },
    reject: () => {
      const { item } = latest();
      if (item) reject([item.id]);
    },
    feature: () => {
      const { item } = latest();
      if (item) feature(item.id);
    },
    ban: askBan,
    toggle: () => {
      const { item } = latest();
      if (item) actions.check(item.id);
    },
    approveSelected: () => void actions.act(latest().s.checked, 'approve'),
    undo: () => void actions.undoLast().then(afterUndo),
    help: () => setMode(modeRef.current.kind === 'help' ? { kind: 'list' } : { kind: 'help' }),
    close: () => modeRef.current.kind !== 'list' && close(),
  };
  const runRef = useRef(run);
  runRef.current = run;

  useEffect(() => {
    function onKeyDown(e: KeyboardEvent) {
      if (e.defaultPrevented || isTypingTarget(e.composedPath()[0] ?? e.target)) return;
      const command = commandFor(e);
      if (!command) return;
      // With a menu or dialog open only help and Esc act; the rest belongs to it.
      if (modeRef.current.kind !== 'list' && command !== 'help' && command !== 'close') return;
      e.preventDefault();
      runRef.current[command]();
    }
    doc.addEventListener('keydown', onKeyDown);
    return () => doc.removeEventListener('keydown', onKeyDown);
  }, [doc]);

  // Keep the selected comment in view as j/k move through a long queue.
  useEffect(() => {
    const items = Array.from(list.current?.children ?? []) as HTMLElement[];
    items.find((el) => el.dataset.id === state.selectedId)?.scrollIntoView?.({ block: 'nearest' });
  }, [state.selectedId]);

  const live = liveItems(state);
  const standing = standingOf(author.history, now);
  const selectedIndex = live.findIndex((i) => i.id === state.selectedId);
  return (
    <div class="queue-page">
      <QueueNav current={state.queue} counts={state.counts} onOpen={(q) => actions.open(q, state.filter)} />
      <main class="queue-main" aria-busy={state.phase === 'loading'}>
        <FilterBar filter={state.filter} threads={state.threads} onChange={(f) => actions.open(state.queue, f)} onRefresh={() => void actions.reload()} />
        <BulkBar
          total={live.length}
          checked={state.checked.length}
          onCheckAll={actions.checkAll}
          onApprove={() => void actions.act(state.checked, 'approve')}
          onReject={() => reject(state.checked)}
        />
        {mode.kind === 'reject' && (
          <RejectMenu
            count={mode.ids.length}
            initial={mode.initial}
            onCancel={close}
            onPick={(reason) => {
              close();
              void actions.act(mode.ids, 'reject', reason);
            }}
          />
        )}
        {mode.kind === 'ban' && (
          <ConfirmDialog title={`Ban ${mode.name}?`} confirmLabel="Ban" onCancel={close} onConfirm={() => void ban(mode.userId, mode.name)}>
            They will no longer be able to comment on this site. You can undo this with <kbd>u</kbd>.
          </ConfirmDialog>
        )}
        {state.phase === 'failed' ? (
          <p class="notice error">
            {moderatorMessage(state.error?.code)}{' '}
            <button type="button" class="btn" onClick={() => void actions.reload()}>
              Retry
            </button>
          </p>
        ) : state.phase === 'loading' ? (
          <p class="notice">Loading…</p>
        ) : state.items.length === 0 ? (
          <p class="notice empty">Nothing to review here.</p>
        ) : (
          <ol
            class="items"
            ref={list}
            tabIndex={-1}
            aria-label={`Comments, ${selectedIndex + 1} of ${live.length} selected`}
          >
            {state.items.map((item) => (
              <QueueItem
                key={item.id}
                item={item}
                now={now}
                selected={item.id === state.selectedId}
                checked={state.checked.includes(item.id)}
                onSelect={actions.select}
                onCheck={actions.check}
                onApprove={(id) => void actions.act([id], 'approve')}
                onReject={(id) => reject([id])}
                onFeature={feature}
                settled={state.settled[item.id]}
                onUndo={(id) => void actions.undoItem(id).then(afterUndo)}
                loadThread={client.conversation}
                authorStanding={standing?.userId === item.author.id ? standing : undefined}
              />
            ))}
          </ol>
        )}
        {state.phase === 'ready' && state.items.length > 0 && live.length === 0 && <p class="notice empty">Nothing left to review here.</p>}
        {state.nextCursor && state.phase === 'ready' && (
          <button type="button" class="btn more" onClick={() => void actions.loadMore()}>
            Load more
          </button>
        )}
      </main>
      <AuthorPanel author={author} now={now} onAct={(a, until) => void authorActions.act(a, until).then(recorded)} onBan={askBan} />
      {mode.kind === 'help' && <HelpOverlay onClose={close} />}
    </div>
  );
}
