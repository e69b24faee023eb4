import type { CommentState } from '../../../shared/schemas/comment';
import type { QueueItemView } from '../../../shared/schemas/moderation-api';

export interface StatusBadgeProps {
  item: Pick<QueueItemView, 'status' | 'featured' | 'deleted'>;
}

export function StatusBadge({ item }: StatusBadgeProps) {
  const status = item.deleted ? 'deleted' : item.status;
  return (
    <span class="badges">
      <StateBadge state={status} />
      {item.featured && <span class="badge featured">featured</span>}
    </span>
  );
}

export interface StateBadgeProps {
  state: CommentState;
}

/** A comment's state in words, coloured by its status. */
export function StateBadge({ state }: StateBadgeProps) {
  return <span class={`badge status-${state}`}>{state}</span>;
}
