// The member drawer: who wrote the selected comment, everything they wrote here with its state,
// what readers reported of it, and every action and note about them, with the account actions
// (ban, suspend for any time, pre-moderate, note) and the comment actions at hand. Beside the
// queue on a wide screen; over it, as a dialog opened with m, on a narrow one.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { UserHistory } from '../../../shared/schemas/moderation-api';
import type { CommentActionName, UserActionName } from '../api';
import { absoluteTime, relativeTime } from '../../model/time';
import type { AuthorState } from '../model/use-author';
import { moderatorMessage } from '../model/messages';
import { SUSPENSIONS, suspensionEnd } from '../model/suspension';
import { ArticleLink } from './article-link';

export interface AuthorPanelProps {
  author: AuthorState;
  now: number;
  onAct(action: UserActionName, options?: { until?: number; note?: string }): void;
  /** Bans with the note; with rejectPending, their pending comments are rejected too, as one operation. */
  onBan(note: string, rejectPending: boolean): void;
  /** Approves or rejects one of the member's comments listed here. */
  onComment(id: string, action: Extract<CommentActionName, 'approve' | 'reject'>): void;
  /** Shown over the queue (narrow screens, opened with m); Escape or Close calls onClose. */
  open: boolean;
  onClose(): void;
}

type FormKind = 'none' | 'ban' | 'suspend' | 'note';

export function AuthorPanel({ author, now, onAct, onBan, onComment, open, onClose }: AuthorPanelProps) {
  const { history, error, busy } = author;
  const heading = useRef<HTMLHeadingElement>(null);
  // The account form open, and for whom: another member in the drawer has none open.
  const [opened, setOpened] = useState<{ kind: FormKind; userId?: string }>({ kind: 'none' });
  useEffect(() => {
    if (open) heading.current?.focus();
  }, [open]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !open) return;
    e.stopPropagation();
    onClose();
  };
  const frame = (label: string, body: ComponentChildren) => (
    // A landmark beside the queue; a modal dialog while it covers it.
    <div
      class={open ? 'panel drawer-open' : 'panel'}
      aria-label={label}
      aria-busy={busy}
      role={open ? 'dialog' : 'complementary'}
      aria-modal={open ? true : undefined}
      onKeyDown={onKeyDown}
    >
      <button type="button" class="btn drawer-close" onClick={onClose}>
        Close
      </button>
      {body}
    </div>
  );

  if (!history) {
    return frame(
      'Author',
      <p class="muted">{error ? moderatorMessage(error.code) : busy ? 'Loading the author…' : 'Select a comment to see its author.'}</p>,
    );
  }
  const { user, counts } = history;
  const suspended = user.suspendedUntil !== null && user.suspendedUntil > now;
  const form = { kind: opened.userId === user.id ? opened.kind : 'none' };
  const setForm = ({ kind }: { kind: FormKind }) => setOpened({ kind, userId: user.id });
  const done = () => setForm({ kind: 'none' });
  return frame(
    `Author: ${user.name}`,
    <>
      <h2 ref={heading} tabIndex={-1}>
        {user.name}
      </h2>
      <p class="muted">
        {user.tier ? `${user.tier} tier` : 'no tier'} · {user.role}
      </p>
      <p class="badges">
        {user.banned && <span class="badge status-rejected">banned</span>}
        {suspended && <span class="badge status-pending">suspended until {absoluteTime(user.suspendedUntil!)}</span>}
        {user.alwaysPremoderate && <span class="badge">always pre-moderated</span>}
      </p>
      <dl class="tallies">
        <Tally label="Published" n={counts.published} />
        <Tally label="Pending" n={counts.pending} />
        <Tally label="Rejected" n={counts.rejected} />
        <Tally label="Deleted" n={counts.deleted} />
        <Tally label="Reported" n={counts.reported} />
        <Tally label="Reports upheld" n={counts.upheldReports} />
      </dl>
      <div class="user-actions">
        {user.banned ? (
          <button type="button" class="btn" disabled={busy} onClick={() => onAct('unban')}>
            Unban
          </button>
        ) : (
          <button type="button" class="btn danger" disabled={busy} aria-expanded={form.kind === 'ban'} onClick={() => setForm({ kind: 'ban' })}>
            Ban…
          </button>
        )}
        {suspended ? (
          <button type="button" class="btn" disabled={busy} onClick={() => onAct('unsuspend')}>
            Lift suspension
          </button>
        ) : (
          <button type="button" class="btn" disabled={busy} aria-expanded={form.kind === 'suspend'} onClick={() => setForm({ kind: 'suspend' })}>
            Suspend…
          </button>
        )}
        <button type="button" class="btn" disabled={busy} aria-expanded={form.kind === 'note'} onClick={() => setForm({ kind: 'note' })}>
          Add a note
        </button>
        <label class="check">
          <input
            type="checkbox"
            checked={user.alwaysPremoderate}
            disabled={busy}
            onChange={(e) => onAct(e.currentTarget.checked ? 'premoderate' : 'unpremoderate')}
          />{' '}
          Always pre-moderate
        </label>
      </div>
      {form.kind !== 'none' && (
        <AccountForm
          kind={form.kind}
          name={user.name}
          busy={busy}
          onCancel={done}
          pending={counts.pending}
          onSubmit={(note, until, rejectPending) => {
            done();
            if (form.kind === 'ban') onBan(note, rejectPending);
            else if (form.kind === 'suspend') onAct('suspend', { until: suspensionEnd(until!, now), note });
            else onAct('note', { note });
          }}
        />
      )}
      {error && <p class="error">{moderatorMessage(error.code)}</p>}
      <Comments history={history} now={now} busy={busy} onComment={onComment} />
      <h3>History</h3>
      {history.actions.length ? (
        <ul class="audit">
          {history.actions.map((a) => (
            <li key={a.id} class={a.undone ? 'undone' : undefined}>
              <strong>{a.summary}</strong> by {a.actorName}
              {a.detail && <span class="note"> · “{a.detail}”</span>}
              <span class="muted"> · {relativeTime(a.createdAt, now)}</span>
              {a.undone && <span class="muted"> (undone)</span>}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">None yet.</p>
      )}
    </>,
  );
}

function Tally({ label, n }: { label: string; n: number }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{n}</dd>
    </div>
  );
}

interface AccountFormProps {
  kind: 'ban' | 'suspend' | 'note';
  name: string;
  busy: boolean;
  /** Their pending comments, which a ban may reject too. */
  pending: number;
  onSubmit(note: string, until: string, rejectPending: boolean): void;
  onCancel(): void;
}

/** The note (and, for a suspension, how long) for an account action, kept in the member's history. */
function AccountForm({ kind, name, busy, pending, onSubmit, onCancel }: AccountFormProps) {
  const [note, setNote] = useState('');
  const [rejectPending, setRejectPending] = useState(false);
  const [length, setLength] = useState<string>(SUSPENSIONS[1].id);
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => field.current?.focus(), []);
  const title = kind === 'ban' ? `Ban ${name}` : kind === 'suspend' ? `Suspend ${name}` : `A note about ${name}`;
  return (
    <form
      class="account-form"
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        // From the field itself: a submit right after typing may come before the note's state did.
        onSubmit((field.current?.value ?? note).trim(), length, rejectPending && kind === 'ban');
      }}
      onKeyDown={(e) => {
        // Letters typed here are the note's, not the queue's shortcuts.
        e.stopPropagation();
        if (e.key === 'Escape') onCancel();
      }}
    >
      <h3>{title}</h3>
      {kind === 'suspend' && (
        <label class="field">
          For
          <select value={length} onChange={(e) => setLength(e.currentTarget.value)}>
            {SUSPENSIONS.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
      )}
      <label class="field">
        {kind === 'note' ? 'Note' : 'Note (optional), kept in their history'}
        <textarea ref={field} rows={3} maxLength={500} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      {kind === 'ban' && pending > 0 && (
        <label class="check">
          <input type="checkbox" checked={rejectPending} onChange={(e) => setRejectPending(e.currentTarget.checked)} /> Also reject their{' '}
          {pending === 1 ? 'pending comment' : `${pending} pending comments`}
        </label>
      )}
      <div class="user-actions">
        <button type="submit" class={kind === 'ban' ? 'btn danger' : 'btn primary'} disabled={busy || (kind === 'note' && !note.trim())}>
          {kind === 'ban' ? 'Ban' : kind === 'suspend' ? 'Suspend' : 'Save note'}
        </button>
        <button type="button" class="btn" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

interface CommentsProps {
  history: UserHistory;
  now: number;
  busy: boolean;
  onComment: AuthorPanelProps['onComment'];
}

const STATE_LABELS: Record<string, string> = { published: 'published', pending: 'pending', hidden: 'hidden by reports', rejected: 'rejected', deleted: 'deleted' };

function Comments({ history, now, busy, onComment }: CommentsProps) {
  const { comments, counts } = history;
  const total = counts.published + counts.pending + counts.rejected + counts.deleted;
  return (
    <>
      <h3>Comments{total > comments.length ? ` (newest ${comments.length} of ${total})` : ''}</h3>
      {comments.length ? (
        <ul class="recent">
          {comments.map((c) => (
            <li key={c.id}>
              <span class={`badge status-${c.state == 'hidden' ? 'pending' : c.state}`}>{STATE_LABELS[c.state]}</span>{' '}
              {c.reports > 0 && <span class="badge">{c.reports === 1 ? '1 report' : `${c.reports} reports`}</span>}{' '}
              <span class="snippet">{c.body.length > 140 ? `${c.body.slice(0, 140)}…` : c.body}</span>
              <span class="muted">
                {' '}
                · <ArticleLink title={c.threadTitle} url={c.threadUrl} /> · {relativeTime(c.createdAt, now)}
              </span>
              {c.state !== 'deleted' && (
                <span class="row-actions">
                  {c.state !== 'published' && (
                    <button type="button" class="btn" disabled={busy} onClick={() => onComment(c.id, 'approve')}>
                      Approve
                    </button>
                  )}
                  {c.state !== 'rejected' && (
                    <button type="button" class="btn" disabled={busy} onClick={() => onComment(c.id, 'reject')}>
                      Reject
                    </button>
                  )}
                </span>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">None.</p>
      )}
    </>
  );
}
