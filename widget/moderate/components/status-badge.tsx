import type { QueueItemView } from '../../../shared/schemas/moderation-api';

export interface StatusBadgeProps {
  item: Pick<QueueItemView, 'status' | 'featured' | 'deleted'>;
}

export function StatusBadge({ item }: StatusBadgeProps) {
  const status = item.deleted ? 'deleted' : item.status;
  return (
    <span class="badges">
      <span class={`badge status-${status}`}>{status}</span>
      {item.featured && <span class="badge featured">featured</span>}
    </span>
  );
}
