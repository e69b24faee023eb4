// Who is moderating: checks credentials with GET session before showing the dashboard, from
// the host's token function, a sign-in remembered for the tab, or the sign-in form.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ModeratorSession } from '../../../shared/schemas/moderation-api';
import type { ApiError } from '../../api/result';
import { createModerationClient, type Credentials, type ModerationClient } from '../api';
import type { ModerateConfig } from '../config';
import { credentialsOf, loadSignIn, saveSignIn, type SignIn } from './sign-in';
import { initialQueueState } from './queue';

export type SessionState =
  /** viaForm: the sign-in form asked, so it stays on screen while the check runs. */
  | { phase: 'checking'; viaForm: boolean }
  | { phase: 'signed-out'; error: ApiError | null }
  | { phase: 'ready'; session: ModeratorSession; client: ModerationClient };

export interface SessionActions {
  signIn(signIn: SignIn): Promise<void>;
  signOut(): void;
  /** The site API key was rotated: a dashboard signed in with the old one goes on with the new, in this tab too. */
  replaceKey(apiKey: string): void;
}

export function useSession(config: ModerateConfig): [SessionState, SessionActions] {
  const [state, setState] = useState<SessionState>({ phase: 'checking', viaForm: false });

  const check = useCallback(
    async (site: string, credentials: Credentials, remember: SignIn | null) => {
      setState({ phase: 'checking', viaForm: remember !== null });
      const client = createModerationClient({ api: config.api, site, credentials, fetch: config.fetch });
      // The queue opens first: its first page is read while the credentials are checked, not after.
      const first = initialQueueState();
      client.prefetchQueue({ queue: first.queue, ...first.filter, sort: first.sort });
      const res = await client.session();
      if (res.ok) {
        if (remember) saveSignIn(config.storage, remember);
        setState({ phase: 'ready', session: res.data, client });
      } else {
        if (!remember) saveSignIn(config.storage, null);
        setState({ phase: 'signed-out', error: res.error });
      }
    },
    [config],
  );

  useEffect(() => {
    const stored = loadSignIn(config.storage);
    if (config.getToken && config.site) void check(config.site, { kind: 'host', getToken: config.getToken }, null);
    else if (stored && (!config.site || stored.site === config.site)) void check(stored.site, credentialsOf(stored), null);
    else setState({ phase: 'signed-out', error: null });
  }, [config]);

  const actions: SessionActions = {
    signIn: (s) => check(s.site, credentialsOf(s), s),
    signOut() {
      saveSignIn(config.storage, null);
      setState({ phase: 'signed-out', error: null });
    },
    replaceKey(apiKey) {
      if (state.phase !== 'ready' || state.session.via !== 'api-key') return;
      state.client.useKey(apiKey);
      const stored = loadSignIn(config.storage);
      if (stored?.kind === 'key') saveSignIn(config.storage, { ...stored, secret: apiKey });
    },
  };
  return [state, actions];
}
