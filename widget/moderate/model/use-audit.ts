// The audit log: one page at a time, newest first, read again from the start whenever a filter
// changes; answers to an older filter are dropped.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { AuditEntry } from '../../../shared/schemas/moderation-api';
import type { ApiError } from '../../api/result';
import type { ModerationClient } from '../api';
import { auditQuery, rememberActors, type AuditFilter } from './audit';

export interface AuditState {
  filter: AuditFilter;
  phase: 'loading' | 'ready' | 'failed';
  error: ApiError | null;
  entries: AuditEntry[];
  nextCursor: string | null;
  actors: Record<string, string>;
}

export interface AuditActions {
  filter(next: AuditFilter): void;
  loadMore(): Promise<void>;
  reload(): Promise<void>;
}

export function useAudit(client: ModerationClient, pageSize = 50): [AuditState, AuditActions] {
  const [state, setState] = useState<AuditState>({ filter: {}, phase: 'loading', error: null, entries: [], nextCursor: null, actors: {} });
  const current = useRef(state);
  current.current = state;
  const seq = useRef(0);

  const actions = useMemo<AuditActions>(() => {
    async function load(filter: AuditFilter, append: boolean) {
      const n = ++seq.current;
      const cursor = append ? (current.current.nextCursor ?? undefined) : undefined;
      setState((s) => ({ ...s, filter, phase: 'loading', ...(append ? {} : { entries: [], nextCursor: null }) }));
      const res = await client.audit({ ...auditQuery(filter, cursor), limit: pageSize });
      if (n !== seq.current) return;
      if (!res.ok) return setState((s) => ({ ...s, phase: 'failed', error: res.error }));
      const { entries, nextCursor } = res.data;
      setState((s) => ({
        ...s,
        phase: 'ready',
        error: null,
        entries: append ? [...s.entries, ...entries.filter((e) => !s.entries.some((o) => o.id === e.id))] : entries,
        nextCursor,
        actors: rememberActors(s.actors, entries),
      }));
    }
    return {
      filter(next) {
        void load(next, false);
      },
      loadMore: () => load(current.current.filter, true),
      reload: () => load(current.current.filter, false),
    };
  }, [client, pageSize]);

  useEffect(() => void actions.reload(), [actions]);
  return [state, actions];
}
