// "Show thread" on one queue item: the conversation is read when it is opened, and again on each
// opening, so it never shows a reply as pending that a moderator has decided since.
import { useRef, useState } from 'preact/hooks';
import type { ModeratorConversation } from '../../../shared/schemas/moderation-api';
import type { ApiError, Result } from '../../api/result';

export interface ConversationState {
  open: boolean;
  loading: boolean;
  data: ModeratorConversation | null;
  error: ApiError | null;
}

export type LoadConversation = () => Promise<Result<ModeratorConversation>>;

export function useConversation(load: LoadConversation): [ConversationState, { toggle(): void; retry(): void }] {
  const [state, setState] = useState<ConversationState>({ open: false, loading: false, data: null, error: null });
  // Only the answer to the latest request is shown.
  const seq = useRef(0);
  const fetchIt = async () => {
    const mine = ++seq.current;
    setState((s) => ({ ...s, open: true, loading: true, error: null }));
    const res = await load();
    if (mine !== seq.current) return;
    setState((s) => (res.ok ? { ...s, loading: false, data: res.data } : { ...s, loading: false, error: res.error }));
  };
  return [
    state,
    {
      toggle() {
        if (state.open) {
          seq.current++;
          setState((s) => ({ ...s, open: false, loading: false }));
        } else void fetchIt();
      },
      retry: () => void fetchIt(),
    },
  ];
}
