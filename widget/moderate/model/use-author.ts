// The selected comment's author: their history, and the account actions taken from the panel.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ActionSummary, QueueItemContext, UserHistory } from '../../../shared/schemas/moderation-api';
import type { ApiError } from '../../api/result';
import type { ModerationClient, UserActionName } from '../api';

export interface AuthorState {
  history: UserHistory | null;
  error: ApiError | null;
  busy: boolean;
}

export interface AuthorActions {
  /** Acts on the author; answers with the server's record of the action, for the undo stack. */
  act(action: UserActionName, options?: { until?: number; note?: string }): Promise<ActionSummary | null>;
  reload(): void;
}

export function useAuthor(client: ModerationClient, userId: string | null): [AuthorState, AuthorActions] {
  const [state, setState] = useState<AuthorState>({ history: null, error: null, busy: false });
  const wanted = useRef(userId);
  wanted.current = userId;

  const reload = useCallback(async () => {
    const id = wanted.current;
    if (!id) return setState({ history: null, error: null, busy: false });
    setState((s) => ({ history: s.history?.user.id === id ? s.history : null, error: null, busy: true }));
    const res = await client.user(id);
    if (wanted.current !== id) return;
    setState(res.ok ? { history: res.data, error: null, busy: false } : { history: null, error: res.error, busy: false });
  }, [client]);

  useEffect(() => void reload(), [userId, reload]);

  const act = useCallback(
    async (action: UserActionName, options: { until?: number; note?: string } = {}) => {
      const id = wanted.current;
      if (!id) return null;
      setState((s) => ({ ...s, busy: true, error: null }));
      const res = await client.actOnUser(id, action, options);
      if (wanted.current === id) setState((s) => (res.ok ? { history: res.data, error: null, busy: false } : { ...s, error: res.error, busy: false }));
      return res.ok ? res.data.action : null;
    },
    [client],
  );
  return [state, { act, reload }];
}

/**
 * The author's standing as the panel last read it, in the queue items' terms: newer than what the
 * queue page said when it loaded once the panel's actions (or their undo) changed it.
 */
export function standingOf(history: UserHistory | null, now: number): ({ userId: string } & QueueItemContext['author']) | null {
  if (!history) return null;
  const { id, banned, suspendedUntil, alwaysPremoderate } = history.user;
  return { userId: id, banned, suspendedUntil: suspendedUntil !== null && suspendedUntil > now ? suspendedUntil : null, premoderated: alwaysPremoderate };
}
