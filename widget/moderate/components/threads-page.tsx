// The Threads tab: every article with comments, newest first, with what waits in each and its
// switches (closed, pre-moderated); opening one lists all its comments in every state, to act on
// them and on the thread with the whole conversation in view.
import { useState } from 'preact/hooks';
import type { ModeratedThread, QueueItemView } from '../../../shared/schemas/moderation-api';
import { relativeTime } from '../../model/time';
import type { ModerationClient, RejectReason, ThreadActionName } from '../api';
import { defaultRejectReason } from '../model/reject-reason';
import type { UndoStack } from '../model/undo-stack';
import { useThreads, type Announce } from '../model/use-threads';
import { RejectMenu } from './reject-menu';
import { ArticleLink } from './article-link';
import { LoadFailed } from './load-failed';

export interface ThreadsPageProps {
  client: ModerationClient;
  undo: UndoStack;
  announce: Announce;
  now: number;
}

export function ThreadsPage({ client, undo, announce, now }: ThreadsPageProps) {
  const [state, actions] = useThreads(client, undo, announce);
  const { open } = state;
  return (
    <div class="threads-page">
      {state.last && (
        <p class="row undo-last">
          <span class="muted">Last: {state.last.summary}</span>
          <button type="button" class="btn" disabled={state.busy} onClick={() => void actions.undoLast()}>
            Undo
          </button>
        </p>
      )}
      {open ? (
        <ThreadReview
          thread={open.thread}
          items={open.items}
          more={!!open.nextCursor}
          busy={state.busy}
          now={now}
          onBack={() => void actions.openThread(null)}
          onThread={(action) => void actions.actOnThread(open.thread.id, action)}
          onComment={(id, action, reason) => void actions.actOnComment(id, action, reason)}
          onMore={() => void actions.moreComments()}
        />
      ) : state.phase === 'failed' ? (
        <LoadFailed error={state.error} onRetry={() => void actions.reload()} />
      ) : state.phase === 'loading' ? (
        <p class="notice">Loading…</p>
      ) : state.threads.length === 0 ? (
        <p class="notice">No threads yet: they appear once an article's comment section has been opened.</p>
      ) : (
        <>
          <table class="threads">
            <thead>
              <tr>
                <th scope="col">Article</th>
                <th scope="col">Published</th>
                <th scope="col">Pending</th>
                <th scope="col">Rejected</th>
                <th scope="col">State</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {state.threads.map((t) => (
                <tr key={t.id}>
                  <td>
                    <button type="button" class="link title" onClick={() => void actions.openThread(t.id)}>
                      {t.title || t.url}
                    </button>{' '}
                    <span class="muted">
                      {t.section} · {relativeTime(t.createdAt, now)}
                    </span>
                  </td>
                  {/* Labelled for the phone layout, where the column headings are not shown. */}
                  <td data-label="Published">{t.commentCount}</td>
                  <td data-label="Pending">{t.pending}</td>
                  <td data-label="Rejected">{t.rejected}</td>
                  <td>
                    <ThreadBadges thread={t} />
                  </td>
                  <td>
                    <ThreadSwitches thread={t} busy={state.busy} onThread={(action) => void actions.actOnThread(t.id, action)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {state.nextCursor && (
            <button type="button" class="btn more" onClick={() => void actions.loadMore()}>
              Load more
            </button>
          )}
        </>
      )}
    </div>
  );
}

function ThreadBadges({ thread }: { thread: ModeratedThread }) {
  return (
    <span class="badges">
      {/* Closed by the site's autoClose setting: Reopen keeps it open from then on. */}
      {thread.closed && <span class="badge status-rejected">{thread.autoClosed ? 'closed by age' : 'closed'}</span>}
      {thread.premoderate && <span class="badge status-pending">pre-moderated</span>}
      {!thread.closed && !thread.premoderate && <span class="badge status-published">open</span>}
    </span>
  );
}

interface ThreadSwitchesProps {
  thread: ModeratedThread;
  busy: boolean;
  onThread(action: ThreadActionName): void;
}

/** Close or reopen it; hold every new comment for review, or stop. Each is one undoable action. */
function ThreadSwitches({ thread, busy, onThread }: ThreadSwitchesProps) {
  const name = thread.title || thread.url;
  return (
    <span class="row">
      <button type="button" class="btn" disabled={busy} aria-label={`${thread.closed ? 'Reopen' : 'Close'} ${name}`} onClick={() => onThread(thread.closed ? 'reopen' : 'close')}>
        {thread.closed ? 'Reopen' : 'Close'}
      </button>
      <button
        type="button"
        class="btn"
        disabled={busy}
        aria-label={`${thread.premoderate ? 'Stop pre-moderating' : 'Pre-moderate'} ${name}`}
        onClick={() => onThread(thread.premoderate ? 'unpremoderate' : 'premoderate')}
      >
        {thread.premoderate ? 'Stop pre-moderating' : 'Pre-moderate'}
      </button>
    </span>
  );
}

interface ThreadReviewProps {
  thread: ModeratedThread;
  items: QueueItemView[];
  more: boolean;
  busy: boolean;
  now: number;
  onBack(): void;
  onThread(action: ThreadActionName): void;
  onComment(id: string, action: 'approve' | 'reject' | 'delete', reason?: RejectReason): void;
  onMore(): void;
}

function ThreadReview({ thread, items, more, busy, now, onBack, onThread, onComment, onMore }: ThreadReviewProps) {
  // The comment whose reason for rejecting is being asked.
  const [rejecting, setRejecting] = useState<QueueItemView | null>(null);
  return (
    <section class="thread-review" aria-labelledby="thread-title">
      <p>
        <button type="button" class="link" onClick={onBack}>
          ← All threads
        </button>
      </p>
      <h2 id="thread-title">
        <ArticleLink title={thread.title} url={thread.url} />
      </h2>
      <p class="row">
        <ThreadBadges thread={thread} />
        <span class="muted">
          {thread.commentCount} published · {thread.pending} pending · {thread.rejected} rejected
        </span>
        <ThreadSwitches thread={thread} busy={busy} onThread={onThread} />
      </p>
      {rejecting && (
        <RejectMenu
          count={1}
          initial={defaultRejectReason(rejecting)}
          onCancel={() => setRejecting(null)}
          onPick={(reason) => {
            setRejecting(null);
            onComment(rejecting.id, 'reject', reason);
          }}
        />
      )}
      {items.length ? (
        <ol class="thread-comments">
          {items.map((c) => (
            <li key={c.id} class={c.parentId ? 'reply' : undefined}>
              <p class="row">
                <span class={`badge status-${c.state === 'hidden' ? 'pending' : c.state === 'deleted' ? 'rejected' : c.state}`}>{c.state}</span>
                <strong>{c.author.name}</strong>
                <span class="muted">{relativeTime(c.createdAt, now)}</span>
                {c.parentId && <span class="muted">reply</span>}
                {c.reports.length > 0 && <span class="badge">{c.reports.reduce((n, r) => n + r.count, 0)} reports</span>}
              </p>
              <p class="snippet">{c.body}</p>
              {c.state !== 'deleted' && (
                <p class="row">
                  {c.state !== 'published' && (
                    <button type="button" class="btn approve" disabled={busy} onClick={() => onComment(c.id, 'approve')}>
                      Approve
                    </button>
                  )}
                  {c.state !== 'rejected' && (
                    <button type="button" class="btn reject" disabled={busy} onClick={() => setRejecting(c)}>
                      Reject
                    </button>
                  )}
                  <button type="button" class="btn danger" disabled={busy} onClick={() => onComment(c.id, 'delete')}>
                    Delete
                  </button>
                </p>
              )}
            </li>
          ))}
        </ol>
      ) : (
        <p class="notice">No comments yet.</p>
      )}
      {more && (
        <button type="button" class="btn more" onClick={onMore}>
          Load more
        </button>
      )}
    </section>
  );
}
