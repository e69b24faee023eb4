import type { UserHistory } from '../../../shared/schemas/moderation-api';
import type { UserActionName } from '../api';
import { absoluteTime, relativeTime } from '../../model/time';
import type { AuthorState } from '../model/use-author';
import { moderatorMessage } from '../model/messages';

const DAY = 86_400_000;

export interface AuthorPanelProps {
  author: AuthorState;
  now: number;
  onAct(action: UserActionName, until?: number): void;
  /** Banning asks for confirmation first, as with the b shortcut. */
  onBan(): void;
}

export function AuthorPanel({ author, now, onAct, onBan }: AuthorPanelProps) {
  const { history, error, busy } = author;
  if (!history) {
    return (
      <aside class="panel" aria-label="Author" aria-busy={busy}>
        <p class="muted">{error ? moderatorMessage(error.code) : busy ? 'Loading the author…' : 'Select a comment to see its author.'}</p>
      </aside>
    );
  }
  const { user, counts } = history;
  const suspended = user.suspendedUntil !== null && user.suspendedUntil > now;
  return (
    <aside class="panel" aria-label={`Author: ${user.name}`} aria-busy={busy}>
      <h2>{user.name}</h2>
      <p class="muted">
        {user.tier ? `${user.tier} tier` : 'no tier'} · {user.role}
      </p>
      <p class="badges">
        {user.banned && <span class="badge status-rejected">banned</span>}
        {suspended && <span class="badge status-pending">suspended until {absoluteTime(user.suspendedUntil!)}</span>}
        {user.alwaysPremoderate && <span class="badge">always pre-moderated</span>}
      </p>
      <dl class="tallies">
        <div>
          <dt>Approved</dt>
          <dd>{counts.approved}</dd>
        </div>
        <div>
          <dt>Rejected</dt>
          <dd>{counts.rejected}</dd>
        </div>
      </dl>
      <div class="user-actions">
        {user.banned ? (
          <button type="button" class="btn" disabled={busy} onClick={() => onAct('unban')}>
            Unban
          </button>
        ) : (
          <button type="button" class="btn danger" disabled={busy} onClick={onBan}>
            Ban <kbd>b</kbd>
          </button>
        )}
        {suspended ? (
          <button type="button" class="btn" disabled={busy} onClick={() => onAct('unsuspend')}>
            Lift suspension
          </button>
        ) : (
          <>
            <button type="button" class="btn" disabled={busy} onClick={() => onAct('suspend', now + DAY)}>
              Suspend 1 day
            </button>
            <button type="button" class="btn" disabled={busy} onClick={() => onAct('suspend', now + 7 * DAY)}>
              Suspend 7 days
            </button>
          </>
        )}
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
      {error && <p class="error">{moderatorMessage(error.code)}</p>}
      <Recent history={history} now={now} />
      <h3>Past actions</h3>
      {history.actions.length ? (
        <ul class="audit">
          {history.actions.map((a) => (
            <li key={a.id} class={a.undone ? 'undone' : undefined}>
              <strong>{a.summary}</strong> by {a.actorName}
              {a.detail && <span class="muted"> · {a.detail}</span>}
              <span class="muted"> · {relativeTime(a.createdAt, now)}</span>
              {a.undone && <span class="muted"> (undone)</span>}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">None yet.</p>
      )}
    </aside>
  );
}

interface RecentProps {
  history: UserHistory;
  now: number;
}

function Recent({ history, now }: RecentProps) {
  return (
    <>
      <h3>Recent comments</h3>
      {history.recent.length ? (
        <ul class="recent">
          {history.recent.map((c) => (
            <li key={c.id}>
              <span class="snippet">{c.body.length > 140 ? `${c.body.slice(0, 140)}…` : c.body}</span>
              <span class="muted"> · {relativeTime(c.createdAt, now)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">None.</p>
      )}
    </>
  );
}
