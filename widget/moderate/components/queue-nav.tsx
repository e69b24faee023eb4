import { QUEUES, type QueueCounts, type QueueName } from '../../../shared/schemas/moderation-api';

export const QUEUE_LABELS: Record<QueueName, string> = {
  pending: 'Pending',
  reported: 'Reported',
  rejected: 'Rejected',
  recent: 'Recent',
};

export interface QueueNavProps {
  current: QueueName;
  counts: QueueCounts | null;
  onOpen(queue: QueueName): void;
}

export function QueueNav({ current, counts, onOpen }: QueueNavProps) {
  return (
    <nav class="queues" aria-label="Queues">
      <ul>
        {QUEUES.map((q) => (
          <li key={q}>
            <button type="button" aria-current={q === current ? 'page' : undefined} onClick={() => onOpen(q)}>
              <span>{QUEUE_LABELS[q]}</span>
              <span class={`count count-${q}`} aria-label={`${counts?.[q] ?? 'unknown'} comments`}>
                {counts ? counts[q] : '–'}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
