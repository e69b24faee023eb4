// The rules page: the saved settings, the moderator's unsaved draft of them, and saving.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ApiError } from '../../api/result';
import type { ModerationClient } from '../api';
import type { RulesDraft } from './rule-form';

export interface SettingsState {
  saved: RulesDraft | null;
  draft: RulesDraft | null;
  phase: 'loading' | 'ready' | 'saving' | 'failed';
  error: ApiError | null;
  /** Set once a save succeeds, until the draft changes again. */
  justSaved: boolean;
}

export interface SettingsActions {
  edit(update: (draft: RulesDraft) => RulesDraft): void;
  /** Resolves true once saved. */
  save(): Promise<boolean>;
  reset(): void;
}

export function useSettings(client: ModerationClient): [SettingsState, SettingsActions] {
  const [state, setState] = useState<SettingsState>({ saved: null, draft: null, phase: 'loading', error: null, justSaved: false });

  useEffect(() => {
    void client.settings().then((res) =>
      setState(
        res.ok
          ? { saved: res.data.settings, draft: res.data.settings, phase: 'ready', error: null, justSaved: false }
          : { saved: null, draft: null, phase: 'failed', error: res.error, justSaved: false },
      ),
    );
  }, [client]);

  // What the server said about the last save is about the values before this edit.
  const edit = useCallback((update: (d: RulesDraft) => RulesDraft) => {
    setState((s) => (s.draft ? { ...s, draft: update(s.draft), error: null, justSaved: false } : s));
  }, []);

  const save = useCallback(async () => {
    const draft = state.draft;
    if (!draft) return false;
    setState((s) => ({ ...s, phase: 'saving', error: null }));
    const res = await client.saveSettings(draft);
    setState((s) =>
      res.ok
        ? { saved: res.data.settings, draft: s.draft === draft ? res.data.settings : s.draft, phase: 'ready', error: null, justSaved: s.draft === draft }
        : { ...s, phase: 'ready', error: res.error },
    );
    return res.ok;
  }, [client, state.draft]);

  const reset = useCallback(() => setState((s) => ({ ...s, draft: s.saved, error: null, justSaved: false })), []);
  return [state, { edit, save, reset }];
}

/** Word lists are edited one per line; blank lines and stray spaces are dropped. */
export const linesToList = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

export const listToLines = (list: string[]) => list.join('\n');
