import type { BulkProgressState } from '../model/bulk-progress';
import { progressLabel } from '../model/bulk-progress';
import { moderatorMessage } from '../model/messages';

export interface BulkProgressBarProps {
  state: BulkProgressState | null;
  onContinue(): void;
}

/** How far an operation on a filtered queue has got, and, when it stopped, why and a way on. */
export function BulkProgressBar({ state, onContinue }: BulkProgressBarProps) {
  if (!state) return null;
  const { operation: op, error } = state;
  return (
    <div class={`bulk-progress${error ? ' stopped' : ''}`} role="status">
      <progress max={op.total} value={op.done + op.skipped} aria-label={progressLabel(op)} />
      <span class="progress-label">{error ? `Stopped: ${progressLabel(op)}` : `${progressLabel(op)}…`}</span>
      {error && (
        <>
          <span class="error"> {moderatorMessage(error.code)}</span>
          <button type="button" class="btn" onClick={onContinue}>
            Continue
          </button>
        </>
      )}
    </div>
  );
}
