// The Site page: the site as saved, the admin's unsaved form of it, saving, and the API key's
// rotation (its new key held here until the page is left, never stored).
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ApiError } from '../../api/result';
import type { ModerationClient } from '../api';
import { toBody, toForm, type SiteForm } from './site-form';

export interface SiteSettingsState {
  saved: SiteForm | null;
  form: SiteForm | null;
  phase: 'loading' | 'ready' | 'saving' | 'failed';
  error: ApiError | null;
  /** Set once a save succeeds, until the form changes again. */
  justSaved: boolean;
}

export interface SiteSettingsActions {
  edit(update: (form: SiteForm) => SiteForm): void;
  /** Resolves true once saved. */
  save(): Promise<boolean>;
  reset(): void;
}

export function useSiteSettings(client: ModerationClient): [SiteSettingsState, SiteSettingsActions] {
  const [state, setState] = useState<SiteSettingsState>({ saved: null, form: null, phase: 'loading', error: null, justSaved: false });

  useEffect(() => {
    void client.siteSettings().then((res) => {
      const form = res.ok ? toForm(res.data.site) : null;
      setState({ saved: form, form, phase: res.ok ? 'ready' : 'failed', error: res.ok ? null : res.error, justSaved: false });
    });
  }, [client]);

  // What the server said about the last save is about the values before this edit.
  const edit = useCallback((update: (f: SiteForm) => SiteForm) => {
    setState((s) => (s.form ? { ...s, form: update(s.form), error: null, justSaved: false } : s));
  }, []);

  const save = useCallback(async () => {
    const form = state.form;
    if (!form) return false;
    setState((s) => ({ ...s, phase: 'saving', error: null }));
    const res = await client.saveSiteSettings(toBody(form));
    setState((s) => {
      if (!res.ok) return { ...s, phase: 'ready', error: res.error };
      const saved = toForm(res.data.site);
      return { saved, form: s.form === form ? saved : s.form, phase: 'ready', error: null, justSaved: s.form === form };
    });
    return res.ok;
  }, [client, state.form]);

  const reset = useCallback(() => setState((s) => ({ ...s, form: s.saved, error: null, justSaved: false })), []);
  return [state, { edit, save, reset }];
}
