import { useState } from 'preact/hooks';
import type { DeliveryView, WebhookView } from '../../../../shared/schemas/webhooks';
import { absoluteTime, relativeTime } from '../../../model/time';
import { eventsLabel } from '../../model/webhook-form';
import { ConfirmDialog } from '../confirm-dialog';
import { DeliveryBadge, lastAnswer } from './delivery-badge';

export interface EndpointListProps {
  endpoints: WebhookView[];
  last: Record<string, DeliveryView | null>;
  busy: string | null;
  now: number;
  onEnabled(id: string, enabled: boolean): void;
  onTest(id: string): void;
  onRotate(id: string): void;
  onDelete(id: string): void;
}

type Confirming = { id: string; what: 'rotate' | 'delete' } | null;

/** The site's endpoints, each with its switch, its newest delivery and what may be done to it. */
export function EndpointList({ endpoints, last, busy, now, onEnabled, onTest, onRotate, onDelete }: EndpointListProps) {
  const [confirming, setConfirming] = useState<Confirming>(null);
  if (endpoints.length === 0) return <p class="notice empty">No endpoints yet. Add one to send the site’s events to your own systems.</p>;
  const url = (id: string) => endpoints.find((e) => e.id === id)?.url ?? '';
  return (
    <>
      <ul class="endpoints" aria-label="Endpoints">
        {endpoints.map((w) => (
          <li key={w.id} class={w.enabled ? 'endpoint' : 'endpoint off'} data-id={w.id}>
            <div class="endpoint-head">
              <code class="endpoint-url">{w.url}</code>
              <label class="check">
                <input type="checkbox" checked={w.enabled} disabled={busy === w.id} aria-label={`Enabled: ${w.url}`} onChange={(e) => onEnabled(w.id, e.currentTarget.checked)} /> Enabled
              </label>
            </div>
            {w.description && <p class="endpoint-description">{w.description}</p>}
            <p class="muted">
              Events: {eventsLabel(w.eventTypes)}
              {w.allowPrivateNetwork && ' · private network allowed'}
            </p>
            <LastDelivery delivery={last[w.id]} now={now} />
            <div class="item-actions">
              <button type="button" class="btn" disabled={busy === w.id} aria-label={`Send test event to ${w.url}`} onClick={() => onTest(w.id)}>
                Send test event
              </button>
              <button type="button" class="btn" disabled={busy === w.id} aria-label={`Rotate secret of ${w.url}`} onClick={() => setConfirming({ id: w.id, what: 'rotate' })}>
                Rotate secret
              </button>
              <button type="button" class="btn danger" disabled={busy === w.id} aria-label={`Delete ${w.url}`} onClick={() => setConfirming({ id: w.id, what: 'delete' })}>
                Delete
              </button>
            </div>
          </li>
        ))}
      </ul>
      {confirming?.what === 'rotate' && (
        <ConfirmDialog
          title="Rotate the signing secret?"
          confirmLabel="Rotate the secret"
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            setConfirming(null);
            onRotate(confirming.id);
          }}
        >
          Requests to {url(confirming.id)} are signed with a new secret from now on; the receiver must use it to verify them.
        </ConfirmDialog>
      )}
      {confirming?.what === 'delete' && (
        <ConfirmDialog
          title="Delete this endpoint?"
          confirmLabel="Delete the endpoint"
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            setConfirming(null);
            onDelete(confirming.id);
          }}
        >
          {url(confirming.id)} gets no more events; its deliveries waiting to be sent, and dead ones, are dropped.
        </ConfirmDialog>
      )}
    </>
  );
}

interface LastDeliveryProps {
  delivery: DeliveryView | null | undefined;
  now: number;
}

function LastDelivery({ delivery, now }: LastDeliveryProps) {
  if (delivery === undefined) return null;
  if (delivery === null) return <p class="muted last-delivery">No deliveries yet.</p>;
  return (
    <p class="last-delivery">
      <span class="muted">Last delivery:</span> <DeliveryBadge status={delivery.status} /> <code>{delivery.eventType}</code> <span class="muted">{lastAnswer(delivery)}</span>{' '}
      <time dateTime={new Date(delivery.createdAt).toISOString()} title={absoluteTime(delivery.createdAt)}>
        {relativeTime(delivery.createdAt, now)}
      </time>
    </p>
  );
}
