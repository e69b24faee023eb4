// The Webhooks tab's deliveries: newest first, a page at a time ("Load more" goes on from the last
// page's cursor), filtered by status and endpoint; read again while any is on its way, and a dead
// one sent again. Answers to an older filter are dropped.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { DeliveryView } from '../../../shared/schemas/webhooks';
import type { ApiError } from '../../api/result';
import type { DeliveriesRequest, ModerationClient } from '../api';
import type { Announce } from './use-queue';
import { inFlight } from './use-webhooks';
import { webhookMessage } from './webhook-messages';

export type DeliveryFilter = Pick<DeliveriesRequest, 'status' | 'endpointId'>;

export interface DeliveriesState {
  filter: DeliveryFilter;
  phase: 'loading' | 'ready' | 'failed';
  error: ApiError | null;
  deliveries: DeliveryView[];
  next: string | null;
  /** The delivery being sent again. */
  retrying: string | null;
}

export interface DeliveriesActions {
  filter(next: DeliveryFilter): void;
  loadMore(): Promise<void>;
  /** Reads the newest page again, keeping older pages already loaded. */
  refresh(): Promise<void>;
  retry(id: string): Promise<void>;
}

export interface DeliveriesOptions {
  pageSize?: number;
  pollMs?: number;
  /** Something not listed yet is on its way (a test event just sent): keep looking. */
  expecting?: boolean;
}

export function useDeliveries(client: ModerationClient, announce: Announce, { pageSize = 25, pollMs = 2000, expecting = false }: DeliveriesOptions = {}): [DeliveriesState, DeliveriesActions] {
  const [state, setState] = useState<DeliveriesState>({ filter: {}, phase: 'loading', error: null, deliveries: [], next: null, retrying: null });
  const current = useRef(state);
  current.current = state;
  const seq = useRef(0);

  const actions = useMemo<DeliveriesActions>(() => {
    async function load(filter: DeliveryFilter, mode: 'first' | 'more' | 'refresh') {
      const n = ++seq.current;
      const before = mode === 'more' ? (current.current.next ?? undefined) : undefined;
      if (mode !== 'refresh') setState((s) => ({ ...s, filter, phase: 'loading', ...(mode === 'first' ? { deliveries: [], next: null } : {}) }));
      const res = await client.deliveries({ ...filter, before, limit: pageSize });
      if (n !== seq.current) return;
      if (!res.ok) return setState((s) => ({ ...s, phase: 'failed', error: res.error }));
      const page = res.data;
      setState((s) => {
        if (mode === 'more') return { ...s, phase: 'ready', error: null, deliveries: [...s.deliveries, ...page.deliveries.filter((d) => !s.deliveries.some((o) => o.id === d.id))], next: page.next };
        // Only the first page on screen: the new one replaces it (a delivery that left the filter goes).
        if (mode === 'first' || s.deliveries.length <= pageSize) return { ...s, phase: 'ready', error: null, deliveries: page.deliveries, next: page.next };
        return { ...s, phase: 'ready', error: null, deliveries: mergeNewest(s.deliveries, page.deliveries) };
      });
    }
    return {
      filter: (next) => void load(next, 'first'),
      loadMore: () => load(current.current.filter, 'more'),
      refresh: () => load(current.current.filter, 'refresh'),
      async retry(id) {
        setState((s) => ({ ...s, retrying: id }));
        const res = await client.retryDelivery(id);
        if (!res.ok) {
          setState((s) => ({ ...s, retrying: null }));
          announce(webhookMessage(res.error.code, 'That delivery is no longer dead: it was delivered or is already waiting to be sent.'), 'error');
          return;
        }
        const d = res.data.delivery;
        setState((s) => ({ ...s, retrying: null, deliveries: s.deliveries.map((o) => (o.id === d.id ? d : o)) }));
        announce(`Sending the ${d.eventType} delivery again.`);
      },
    };
  }, [client, announce, pageSize]);

  useEffect(() => void actions.filter({}), [actions]);

  // Pending and sending rows change on their own: look again until they settle.
  const moving = expecting || state.deliveries.some(inFlight);
  useEffect(() => {
    if (!moving || state.phase !== 'ready') return;
    const timer = setTimeout(() => void actions.refresh(), pollMs);
    return () => clearTimeout(timer);
  }, [moving, state.deliveries, state.phase, actions, pollMs]);

  return [state, actions];
}

/** Older pages kept as they are, the newest page's rows in place of theirs, newcomers on top. */
function mergeNewest(shown: DeliveryView[], newest: DeliveryView[]): DeliveryView[] {
  const fresh = new Map(newest.map((d) => [d.id, d]));
  const kept = shown.map((d) => fresh.get(d.id) ?? d);
  const added = newest.filter((d) => !shown.some((o) => o.id === d.id));
  return [...added, ...kept];
}
