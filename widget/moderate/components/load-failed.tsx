import type { ApiError } from '../../api/result';
import { moderatorMessage } from '../model/messages';

export interface LoadFailedProps {
  error: ApiError | null;
  onRetry(): void;
}

/** Why a page of the dashboard could not load, and a way to ask again. */
export function LoadFailed({ error, onRetry }: LoadFailedProps) {
  return (
    <p class="notice error">
      {moderatorMessage(error?.code)}{' '}
      <button type="button" class="btn" onClick={onRetry}>
        Retry
      </button>
    </p>
  );
}
