// "Try a comment": asks the server what the draft rules would do with a sample comment, a short
// while after typing stops, and keeps only the answer to the latest question.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { TryCommentResponse } from '../../../shared/schemas/moderation-api';
import type { ModerationSettingsSave } from '../../../shared/schemas/moderation-settings';
import type { ApiError } from '../../api/result';
import type { ModerationClient } from '../api';

export interface TryState {
  result: TryCommentResponse | null;
  /** The body the result is about, so spans index into the right text. */
  body: string;
  error: ApiError | null;
  busy: boolean;
}

export function useTry(client: ModerationClient, body: string, settings: ModerationSettingsSave | null, asNewMember: boolean, delayMs = 300): TryState {
  const [state, setState] = useState<TryState>({ result: null, body: '', error: null, busy: false });
  const seq = useRef(0);

  useEffect(() => {
    const mine = ++seq.current;
    if (!body.trim() || !settings) {
      setState({ result: null, body: '', error: null, busy: false });
      return;
    }
    setState((s) => ({ ...s, busy: true }));
    const timer = setTimeout(async () => {
      const res = await client.tryComment(body, settings, asNewMember);
      if (mine !== seq.current) return;
      setState(res.ok ? { result: res.data, body, error: null, busy: false } : { result: null, body, error: res.error, busy: false });
    }, delayMs);
    return () => clearTimeout(timer);
  }, [client, body, settings, asNewMember, delayMs]);

  return state;
}
