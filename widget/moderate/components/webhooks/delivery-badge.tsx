import type { DeliveryView } from '../../../../shared/schemas/webhooks';

export interface DeliveryBadgeProps {
  status: DeliveryView['status'];
}

/** A delivery's status in words, coloured: waiting, on its way, delivered, or given up on. */
export function DeliveryBadge({ status }: DeliveryBadgeProps) {
  return <span class={`badge status-${status}`}>{status}</span>;
}

/** The receiver's last answer: its HTTP status, else why there was none. */
export function lastAnswer(d: Pick<DeliveryView, 'lastStatus' | 'lastError' | 'attempts'>): string {
  // The dispatcher words a refusal as "answered 503": the status says as much.
  if (d.lastStatus !== null && d.lastError && d.lastError !== `answered ${d.lastStatus}`) return `HTTP ${d.lastStatus}: ${d.lastError}`;
  if (d.lastStatus !== null) return `HTTP ${d.lastStatus}`;
  if (d.lastError) return d.lastError;
  return d.attempts === 0 ? 'not sent yet' : '—';
}
