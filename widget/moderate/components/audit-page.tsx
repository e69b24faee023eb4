import { TARGET_TYPES, type AuditEntry } from '../../../shared/schemas/moderation-api';
import { absoluteTime, relativeTime } from '../../model/time';
import type { ModerationClient } from '../api';
import { filtersByTarget, KNOWN_ACTIONS, type AuditFilter } from '../model/audit';
import { useAudit } from '../model/use-audit';
import { LoadFailed } from './load-failed';

export interface AuditPageProps {
  client: ModerationClient;
  now: number;
  pageSize?: number;
}

export function AuditPage({ client, now, pageSize }: AuditPageProps) {
  const [state, actions] = useAudit(client, pageSize);
  const { filter } = state;
  const set = (patch: Partial<AuditFilter>) => actions.filter({ ...filter, ...patch });
  const actionChoices = [...new Set([...KNOWN_ACTIONS, ...state.entries.map((e) => e.action)])];
  return (
    <div class="audit-page">
      <div class="filters" role="search" aria-label="Filter the audit log">
        <label>
          Who{' '}
          <select value={filter.actor ?? ''} onChange={(e) => set({ actor: e.currentTarget.value || undefined })}>
            <option value="">Anyone</option>
            {Object.entries(state.actors).map(([id, name]) => (
              <option value={id} key={id}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          On{' '}
          <select
            value={filter.targetType ?? ''}
            onChange={(e) => set({ targetType: (e.currentTarget.value || undefined) as AuditFilter['targetType'], targetId: undefined })}
          >
            <option value="">Anything</option>
            {TARGET_TYPES.map((t) => (
              <option value={t} key={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label>
          Action{' '}
          <select value={filter.action ?? ''} onChange={(e) => set({ action: e.currentTarget.value || undefined })}>
            <option value="">Any action</option>
            {actionChoices.map((a) => (
              <option value={a} key={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        <label>
          From <input type="date" name="since" value={filter.since ?? ''} onChange={(e) => set({ since: e.currentTarget.value || undefined })} />
        </label>
        <label>
          To <input type="date" name="until" value={filter.until ?? ''} onChange={(e) => set({ until: e.currentTarget.value || undefined })} />
        </label>
        {filter.targetId && (
          <span class="chip">
            Only {filter.targetType} <code>{filter.targetId}</code>{' '}
            <button type="button" class="link" onClick={() => set({ targetType: undefined, targetId: undefined })}>
              Show all
            </button>
          </span>
        )}
      </div>
      {state.phase === 'failed' && <LoadFailed error={state.error} onRetry={() => void actions.reload()} />}
      {state.entries.length > 0 ? (
        <table class="audit-log">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {state.entries.map((e) => (
              <AuditRow key={e.id} entry={e} now={now} onTarget={() => set({ targetType: e.targetType as AuditFilter['targetType'], targetId: e.targetId })} />
            ))}
          </tbody>
        </table>
      ) : (
        state.phase === 'ready' && <p class="notice empty">No actions match.</p>
      )}
      {state.phase === 'loading' && <p class="notice">Loading…</p>}
      {state.nextCursor && state.phase === 'ready' && (
        <button type="button" class="btn more" onClick={() => void actions.loadMore()}>
          Load more
        </button>
      )}
    </div>
  );
}

interface AuditRowProps {
  entry: AuditEntry;
  now: number;
  onTarget(): void;
}

function AuditRow({ entry: e, now, onTarget }: AuditRowProps) {
  return (
    <tr class={e.undone ? 'undone' : undefined} data-id={e.id}>
      <td>
        <time dateTime={new Date(e.createdAt).toISOString()} title={absoluteTime(e.createdAt)}>
          {relativeTime(e.createdAt, now)}
        </time>
      </td>
      <td>{e.actorName}</td>
      <td>
        {filtersByTarget(e) ? (
          <button type="button" class="link summary" title={`Only actions on this ${e.targetType}`} onClick={onTarget}>
            {e.summary}
          </button>
        ) : (
          <span class="summary">{e.summary}</span>
        )}
        {e.undone && <span class="muted"> (undone)</span>}
      </td>
      <td class="muted">{e.detail}</td>
    </tr>
  );
}
