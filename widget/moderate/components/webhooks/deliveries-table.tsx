import type { DeliveryView, WebhookView } from '../../../../shared/schemas/webhooks';
import { absoluteTime, relativeTime } from '../../../model/time';
import type { DeliveriesActions, DeliveriesState, DeliveryFilter } from '../../model/use-deliveries';
import { LoadFailed } from '../load-failed';
import { DeliveryBadge, lastAnswer } from './delivery-badge';

export interface DeliveriesTableProps {
  state: DeliveriesState;
  actions: DeliveriesActions;
  endpoints: WebhookView[];
  now: number;
}

const STATUSES = [
  { value: '', label: 'Any status' },
  { value: 'pending', label: 'Pending' },
  { value: 'delivered', label: 'Delivered' },
  { value: 'dead', label: 'Dead' },
] as const;

/** Every delivery, newest first, filtered by status and endpoint; dead ones may be sent again. */
export function DeliveriesTable({ state, actions, endpoints, now }: DeliveriesTableProps) {
  const { filter } = state;
  const set = (patch: DeliveryFilter) => actions.filter({ ...filter, ...patch });
  const urlOf = (id: string) => endpoints.find((e) => e.id === id)?.url ?? 'a deleted endpoint';
  return (
    <section class="deliveries" aria-labelledby="webhook-deliveries-title">
      <h2 id="webhook-deliveries-title">Deliveries</h2>
      <div class="filters" role="search" aria-label="Filter the deliveries">
        <label>
          Status{' '}
          <select value={filter.status ?? ''} onChange={(e) => set({ status: (e.currentTarget.value || undefined) as DeliveryFilter['status'] })}>
            {STATUSES.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Endpoint{' '}
          <select value={filter.endpointId ?? ''} onChange={(e) => set({ endpointId: e.currentTarget.value || undefined })}>
            <option value="">Every endpoint</option>
            {endpoints.map((w) => (
              <option key={w.id} value={w.id}>
                {w.url}
              </option>
            ))}
          </select>
        </label>
        <button type="button" class="btn" onClick={() => void actions.refresh()}>
          Refresh
        </button>
      </div>
      {state.phase === 'failed' && <LoadFailed error={state.error} onRetry={() => void actions.refresh()} />}
      {state.deliveries.length > 0 ? (
        <div class="table-scroll">
          <table class="audit-log delivery-log">
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">Event id</th>
                <th scope="col">Endpoint</th>
                <th scope="col">Status</th>
                <th scope="col">Attempts</th>
                <th scope="col">Last answer</th>
                <th scope="col">When</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {state.deliveries.map((d) => (
                <DeliveryRow key={d.id} delivery={d} url={urlOf(d.endpointId)} now={now} retrying={state.retrying === d.id} onRetry={() => void actions.retry(d.id)} />
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        state.phase === 'ready' && <p class="notice empty">No deliveries match.</p>
      )}
      {state.phase === 'loading' && <p class="notice">Loading…</p>}
      {state.next && state.phase === 'ready' && (
        <button type="button" class="btn more" onClick={() => void actions.loadMore()}>
          Load more
        </button>
      )}
    </section>
  );
}

interface DeliveryRowProps {
  delivery: DeliveryView;
  url: string;
  now: number;
  retrying: boolean;
  onRetry(): void;
}

function DeliveryRow({ delivery: d, url, now, retrying, onRetry }: DeliveryRowProps) {
  return (
    <tr data-id={d.id} data-status={d.status}>
      <td>
        <code>{d.eventType}</code>
      </td>
      <td>
        <code class="event-id">{d.eventId}</code>
      </td>
      <td class="endpoint-cell">{url}</td>
      <td>
        <DeliveryBadge status={d.status} />
      </td>
      <td class="num">{d.attempts}</td>
      <td class="muted">{lastAnswer(d)}</td>
      <td>
        <time dateTime={new Date(d.createdAt).toISOString()} title={absoluteTime(d.createdAt)}>
          {relativeTime(d.createdAt, now)}
        </time>
      </td>
      <td>
        {d.status === 'dead' && (
          <button type="button" class="btn" disabled={retrying} aria-label={`Retry the ${d.eventType} delivery to ${url}`} onClick={onRetry}>
            {retrying ? 'Retrying…' : 'Retry'}
          </button>
        )}
      </td>
    </tr>
  );
}
