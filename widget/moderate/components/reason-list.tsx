import type { QueueItemView } from '../../../shared/schemas/moderation-api';
import type { Reason } from '../../../shared/schemas/moderation-settings';
import { REJECT_LABELS } from '../model/reject-reason';

export interface ReasonListProps {
  reasons: Reason[];
}

export function ReasonList({ reasons }: ReasonListProps) {
  if (reasons.length === 0) return null;
  return (
    <ul class="reasons" aria-label="Why it was flagged">
      {reasons.map((r, i) => (
        <li key={i}>
          <code class="rule-id">{r.ruleId}</code> {r.message}
          {r.score !== undefined && <span class="score" title="Score">{r.score.toFixed(2)}</span>}
        </li>
      ))}
    </ul>
  );
}

export interface ReportListProps {
  reports: QueueItemView['reports'];
}

export function ReportList({ reports }: ReportListProps) {
  if (reports.length === 0) return null;
  return (
    <ul class="reports" aria-label="Reports from readers">
      {reports.map((r, i) => (
        <li key={i}>
          <strong>{REJECT_LABELS[r.reason as keyof typeof REJECT_LABELS] ?? r.reason}</strong>
          {r.count > 1 && <span class="times"> ×{r.count}</span>}
          {r.note && <q>{r.note}</q>}
        </li>
      ))}
    </ul>
  );
}
