import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ModerationClient, RejectReason } from '../api';
import { commandFor, isTypingTarget, type Command } from '../model/keys';
import { defaultRejectReason } from '../model/reject-reason';
import { standingOf, useAuthor } from '../model/use-author';
import { useQueue, type Announce } from '../model/use-queue';
import { liveItems } from '../model/queue';
import { searchWords } from '../model/search-spans';
import type { UndoOutcome, UndoStack } from '../model/undo-stack';
import { useBulkProgress, type BulkProgress } from '../model/bulk-progress';
import type { ActionSummary } from '../../../shared/schemas/moderation-api';
import { AuthorPanel } from './author-panel';
import { BulkBar } from './bulk-bar';
import { BulkProgressBar } from './bulk-progress-bar';
import { ConfirmDialog } from './confirm-dialog';
import { LoadFailed } from './load-failed';
import { FilterBar } from './filter-bar';
import { HelpOverlay } from './help-overlay';
import { NewerBanner } from './newer-banner';
import { QueueList, type RowHandlers } from './queue-list';
import { QueueNav } from './queue-nav';
import { RejectMenu } from './reject-menu';
import { moderatorMessage } from '../model/messages';

type Mode = { kind: 'list' } | { kind: 'reject'; ids: string[]; initial: RejectReason; matching?: number } | { kind: 'ban'; userId: string; name: string } | { kind: 'help' };

export interface QueuePageProps {
  client: ModerationClient;
  /** This dashboard's undo stack: kept above the page, so switching tabs keeps it. */
  undo: UndoStack;
  /** This dashboard's operation on a filtered queue, if one is under way. */
  progress: BulkProgress;
  announce: Announce;
  now: number;
  /** Where shortcuts are listened for: the whole page, so they work wherever focus is. */
  doc: Document;
  pollMs?: number;
}

export function QueuePage({ client, undo, progress, announce, now, doc, pollMs }: QueuePageProps) {
  const [state, actions] = useQueue(client, undo, progress, announce, { pollMs, win: doc.defaultView });
  const operation = useBulkProgress(progress);
  const selected = state.items.find((i) => i.id === state.selectedId);
  const [author, authorActions] = useAuthor(client, selected?.author.id ?? null);
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const modeRef = useRef(mode);
  modeRef.current = mode;
  const list = useRef<HTMLOListElement>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  // The member drawer over the queue (narrow screens; on wide ones m only moves focus into it).
  const [drawerOpen, setDrawerOpen] = useState(false);
  const closeDrawer = () => {
    setDrawerOpen(false);
    list.current?.focus();
  };

  const close = () => {
    setMode({ kind: 'list' });
    list.current?.focus();
  };

  const reject = (ids: string[]) => {
    const first = actions.peek().items.find((i) => i.id === ids[0]);
    if (ids.length) setMode({ kind: 'reject', ids, initial: defaultRejectReason(first) });
  };
  // The ticked comments, or with "Select all N matching" the whole filtered queue, on the server.
  const approveChecked = () => {
    const s = actions.peek();
    void (s.allMatching ? actions.actOnMatching('approve') : actions.act(s.checked, 'approve'));
  };
  const rejectChecked = () => {
    const s = actions.peek();
    if (!s.allMatching) return reject(s.checked);
    const first = s.items.find((i) => i.id === s.checked[0]);
    setMode({ kind: 'reject', ids: [], initial: defaultRejectReason(first), matching: s.matching ?? 0 });
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

  async function ban(userId: string, name: string, note?: string, rejectPending = false) {
    close();
    const res = await client.actOnUser(userId, 'ban', { note });
    if (res.ok) recorded(res.data.action);
    else announce(`Could not ban ${name}: ${moderatorMessage(res.error.code)}`, 'error');
    // Their pending comments, all of them, as one operation by filter with its own progress and undo.
    if (res.ok && rejectPending) await actions.actOnFilter({ queue: 'pending', authorId: userId }, 'reject', 'abusive');
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
    member: () => latest().item && setDrawerOpen(true),
    toggle: () => {
      const { item } = latest();
      if (item) actions.check(item.id);
    },
    approveSelected: approveChecked,
    undo: () => void actions.undoLast().then(afterUndo),
    search: () => {
      searchBox.current?.focus();
      searchBox.current?.select();
    },
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

  // The rows' handlers call whatever this render defined, through one object that never changes,
  // so a row is drawn again only when what it shows changed.
  const rowActions = {
    onSelect: actions.select,
    onCheck: actions.check,
    onApprove: (id: string) => void actions.act([id], 'approve'),
    onReject: (id: string) => reject([id]),
    onFeature: feature,
    onUndo: (id: string) => void actions.undoItem(id).then(afterUndo),
  };
  const rowRef = useRef(rowActions);
  rowRef.current = rowActions;
  const handlers = useMemo<RowHandlers>(
    () => ({
      onSelect: (id) => rowRef.current.onSelect(id),
      onCheck: (id, on) => rowRef.current.onCheck(id, on),
      onApprove: (id) => rowRef.current.onApprove(id),
      onReject: (id) => rowRef.current.onReject(id),
      onFeature: (id) => rowRef.current.onFeature(id),
      onUndo: (id) => rowRef.current.onUndo(id),
    }),
    [],
  );

  // The banner's Show: back to the top, where what came in now is.
  const showNewer = () => {
    doc.defaultView?.scrollTo?.({ top: 0 });
    void actions.showNewer().then(() => list.current?.focus({ preventScroll: true }));
  };

  const live = liveItems(state);
  const standing = useMemo(() => standingOf(author.history, now) ?? undefined, [author.history, now]);
  const search = useMemo(() => searchWords(state.filter.q), [state.filter.q]);
  const selectedIndex = live.findIndex((i) => i.id === state.selectedId);
  return (
    <div class="queue-page">
      <QueueNav current={state.queue} counts={state.counts} onOpen={(q) => actions.open(q, state.filter)} />
      <main class="queue-main" aria-busy={state.phase === 'loading'}>
        <FilterBar
          filter={state.filter}
          sort={state.sort}
          threads={state.threads}
          onChange={(f) => actions.open(state.queue, f)}
          onSort={(sort) => actions.open(state.queue, state.filter, sort)}
          onRefresh={() => void actions.reload()}
          searchRef={searchBox}
          onLeaveSearch={() => list.current?.focus()}
        />
        <BulkBar
          total={live.length}
          checked={state.checked.length}
          matching={state.matching}
          allMatching={state.allMatching}
          busy={operation !== null}
          onCheckAll={actions.checkAll}
          onCheckMatching={actions.checkMatching}
          onApprove={approveChecked}
          onReject={rejectChecked}
        />
        <BulkProgressBar state={operation} onContinue={() => void actions.resumeOperation()} />
        <NewerBanner count={state.newer} onShow={showNewer} />
        {selected && (
          <button type="button" class="btn member-open" onClick={() => setDrawerOpen(true)}>
            About {selected.author.name} <kbd>m</kbd>
          </button>
        )}
        {mode.kind === 'reject' && (
          <RejectMenu
            count={mode.matching ?? mode.ids.length}
            initial={mode.initial}
            onCancel={close}
            onPick={(reason) => {
              close();
              void (mode.matching === undefined ? actions.act(mode.ids, 'reject', reason) : actions.actOnMatching('reject', reason)).then(authorActions.reload);
            }}
          />
        )}
        {mode.kind === 'ban' && (
          <ConfirmDialog title={`Ban ${mode.name}?`} confirmLabel="Ban" onCancel={close} onConfirm={() => void ban(mode.userId, mode.name)}>
            They will no longer be able to comment on this site. You can undo this with <kbd>u</kbd>.
          </ConfirmDialog>
        )}
        {state.phase === 'failed' ? (
          <LoadFailed error={state.error} onRetry={() => void actions.reload()} />
        ) : state.phase === 'loading' ? (
          <p class="notice">Loading…</p>
        ) : state.items.length === 0 ? (
          <p class="notice empty">Nothing to review here.</p>
        ) : (
          <QueueList
            listRef={list}
            items={state.items}
            settled={state.settled}
            selectedId={state.selectedId}
            checked={state.checked}
            now={now}
            handlers={handlers}
            loadThread={client.conversation}
            standing={standing}
            search={search}
            label={`Comments, ${selectedIndex + 1} of ${live.length} selected`}
            win={doc.defaultView}
          />
        )}
        {state.phase === 'ready' && state.items.length > 0 && live.length === 0 && <p class="notice empty">Nothing left to review here.</p>}
        {state.nextCursor && state.phase === 'ready' && (
          <button type="button" class="btn more" onClick={() => void actions.loadMore()}>
            Load more
          </button>
        )}
      </main>
      <AuthorPanel
        author={author}
        now={now}
        onAct={(a, options) => void authorActions.act(a, options).then(recorded)}
        onBan={(note, rejectPending) => author.history && void ban(author.history.user.id, author.history.user.name, note, rejectPending)}
        onComment={(id, action) => (action === 'reject' ? reject([id]) : void actions.act([id], action).then(authorActions.reload))}
        open={drawerOpen}
        onClose={closeDrawer}
      />
      {mode.kind === 'help' && <HelpOverlay onClose={close} />}
    </div>
  );
}
