// A bulk operation by filter, followed from the dashboard to its end: the server carries out one
// batch per request, so this asks for the next until it is done, publishing done / total to the
// progress bar. One per dashboard (kept above the pages, like the undo stack); a stopped
// operation stays shown, with what stopped it, until it is carried on.
import { useEffect, useState } from 'preact/hooks';
import type { BulkOperationView } from '../../../shared/schemas/moderation-api';
import { fail, ok, type ApiError, type Result } from '../../api/result';

export type OperationAnswer = Result<{ operation: BulkOperationView }>;

export interface BulkProgressState {
  operation: BulkOperationView;
  /** Why it stopped before its end; null while it goes on. */
  error: ApiError | null;
}

export interface BulkProgress {
  get(): BulkProgressState | null;
  subscribe(listener: () => void): () => void;
  /** Follows an operation from its first answer to its end: the finished operation, or the refusal it stopped at. */
  follow(first: Promise<OperationAnswer>): Promise<Result<BulkOperationView>>;
  /** Carries on the operation that stopped. */
  resume(): Promise<Result<BulkOperationView>>;
}

export function createBulkProgress(run: (id: string) => Promise<OperationAnswer>): BulkProgress {
  let state: BulkProgressState | null = null;
  const listeners = new Set<() => void>();
  const set = (next: BulkProgressState | null) => {
    state = next;
    for (const listener of listeners) listener();
  };

  async function follow(first: Promise<OperationAnswer>): Promise<Result<BulkOperationView>> {
    for (let answer = await first; ; answer = await run(state!.operation.id)) {
      if (!answer.ok) {
        if (state) set({ ...state, error: answer.error });
        return answer;
      }
      const { operation } = answer.data;
      if (operation.status === 'done') {
        set(null);
        return ok(operation);
      }
      set({ operation, error: null });
    }
  }

  return {
    get: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    follow,
    resume() {
      const operation = state?.operation;
      return operation ? follow(Promise.resolve(ok({ operation }))) : Promise.resolve(fail('not_found', 'No operation to carry on'));
    },
  };
}

/** The progress as of the last change, re-rendering the caller on each. */
export function useBulkProgress(progress: BulkProgress): BulkProgressState | null {
  const [state, setState] = useState(progress.get());
  useEffect(() => {
    setState(progress.get());
    return progress.subscribe(() => setState(progress.get()));
  }, [progress]);
  return state;
}

const VERBS: Record<string, string> = { approve: 'Approving', reject: 'Rejecting', delete: 'Deleting', undo: 'Undoing' };

/** "Approving 100 of 264": comments settled so far (changed or left as they were) of all it covers. */
export function progressLabel(op: BulkOperationView): string {
  return `${VERBS[op.action] ?? op.action} ${op.done + op.skipped} of ${op.total}`;
}
