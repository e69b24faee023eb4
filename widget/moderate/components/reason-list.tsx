import type { QueueItemContext, QueueItemView, Reporter } from '../../../shared/schemas/moderation-api';
import type { Reason } from '../../../shared/schemas/moderation-settings';
import { REJECT_LABELS } from '../model/reject-reason';
import { own } from '../../../shared/own';

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
  /** The open reports' weight and the site's bar to hide, when the queue sent them. */
  weight?: QueueItemContext['reportWeight'];
}

export function ReportList({ reports, weight }: ReportListProps) {
  if (reports.length === 0) return null;
  return (
    <div class="reports">
      <ul aria-label="Reports from readers">
        {reports.map((r) => (
          <li key={r.reason}>
            <strong>{own(REJECT_LABELS, r.reason) ?? r.reason}</strong>
            {r.count > 1 && <span class="times"> ×{r.count}</span>}
            {r.reporters.length > 0 ? (
              <ul class="reporters" aria-label="Reported by">
                {r.reporters.map((p) => (
                  <ReporterLine key={p.id} reporter={p} />
                ))}
                {r.count > r.reporters.length && <li class="muted">and {r.count - r.reporters.length} more</li>}
              </ul>
            ) : (
              r.note && <q>{r.note}</q>
            )}
          </li>
        ))}
      </ul>
      {weight && (
        <p class="report-weight muted">
          Reports weigh {formatWeight(weight.open)}
          {weight.hideAt > 0 ? `; the site hides a comment at ${weight.hideAt}` : '; the site never hides on reports'}
        </p>
      )}
    </div>
  );
}

const formatWeight = (w: number) => (Math.round(w * 100) / 100).toString();

interface ReporterLineProps {
  reporter: Reporter;
}

/** "Bob 2 of 3 earlier reports upheld (67%), weight 1.1 ‘rude’". */
function ReporterLine({ reporter: p }: ReporterLineProps) {
  const record =
    p.decided === 0 ? 'no earlier reports decided' : `${p.upheld} of ${p.decided} earlier reports upheld (${Math.round((p.upheld / p.decided) * 100)}%)`;
  return (
    <li>
      <span class="reporter">{p.name}</span> <span class="accuracy">{record}</span>, <span class="weight">weight {formatWeight(p.weight)}</span>
      {p.note && (
        <>
          {' '}
          <q>{p.note}</q>
        </>
      )}
    </li>
  );
}
