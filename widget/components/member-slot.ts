// Fetches the members' UI (member-ui.ts) for a signed-in reader. mount() starts the fetch as soon
// as it knows a token is coming, in parallel with the thread, so it is normally there first.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ApiClient } from '../api/client';
import type { MemberActions } from '../model/member-actions';
import type { ThreadActions } from '../model/use-thread';
import type { MemberTranslate } from '../lib/member-translate';

export type MemberUi = typeof import('./member-ui');

// The code, once fetched, is the same for every widget on the page; a failed fetch is asked again.
let loading: Promise<MemberUi> | undefined;
export const loadMemberUi = (): Promise<MemberUi> =>
  (loading ??= import('./member-ui').catch((error) => {
    loading = undefined;
    throw error;
  }));

export interface MemberSlot {
  ui: MemberUi | null;
  /** The members' actions on this thread: set whenever `ui` is. */
  actions: MemberActions | null;
  /** The members' strings in the site's wording: set whenever `ui` is. */
  t: MemberTranslate | null;
  failed: boolean;
  retry(): void;
}

/** The members' UI once `wanted` (the viewer is signed in) and fetched; until then null. */
export function useMemberUi(wanted: boolean, client: ApiClient, thread: ThreadActions, strings?: Readonly<Record<string, string>>): MemberSlot {
  const [ui, setUi] = useState<MemberUi | null>(null);
  const [failed, setFailed] = useState(false);
  const retry = () => {
    setFailed(false);
    loadMemberUi().then(setUi, () => setFailed(true));
  };
  useEffect(() => {
    if (wanted && !ui) retry();
  }, [wanted]);
  const actions = useMemo(() => ui && ui.memberActions(client, thread), [ui, thread]);
  const t = useMemo(() => ui && ui.memberTranslator(strings), [ui, strings]);
  return { ui, actions, t, failed, retry };
}
