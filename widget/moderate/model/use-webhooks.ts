// The Webhooks tab's endpoints: the site's list with each endpoint's newest delivery, adding one,
// switching it on and off, rotating its secret, a test event and removing it. A secret the server
// just made is held here until the admin dismisses it or leaves the tab, never stored.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { WEBHOOK_LIMITS, type DeliveryView, type WebhookView } from '../../../shared/schemas/webhooks';
import type { ApiError } from '../../api/result';
import type { ModerationClient } from '../api';
import { webhookBody, type WebhookForm } from './webhook-form';
import type { Announce } from './use-queue';
import { webhookMessage } from './webhook-messages';

export interface ShownSecret {
  endpointId: string;
  url: string;
  secret: string;
  /** Why it was made: a new endpoint, or a rotation. */
  reason: 'created' | 'rotated';
}

export interface WebhooksState {
  phase: 'loading' | 'ready' | 'failed';
  error: ApiError | null;
  endpoints: WebhookView[];
  /** Each endpoint's newest delivery, null when it has had none; absent until asked. */
  last: Record<string, DeliveryView | null>;
  secret: ShownSecret | null;
  /** The server's refusal of the last add, with its field sentences. */
  createError: ApiError | null;
  /** The endpoint an action is waiting on ('new' for the add form). */
  busy: string | null;
}

export interface WebhooksActions {
  reload(): Promise<void>;
  /** Resolves true once created (the form may then be cleared). */
  create(form: WebhookForm): Promise<boolean>;
  clearCreateError(): void;
  setEnabled(id: string, enabled: boolean): Promise<void>;
  rotate(id: string): Promise<void>;
  remove(id: string): Promise<void>;
  /** Resolves true once the event is queued for delivery. */
  sendTest(id: string): Promise<boolean>;
  /** Reads the endpoints' newest deliveries again (all of them by default). */
  refreshLast(ids?: string[]): Promise<void>;
  dismissSecret(): void;
}

/** A delivery still on its way: worth looking at again shortly. */
export const inFlight = (d: DeliveryView | null | undefined) => d?.status === 'pending' || d?.status === 'sending';

export function useWebhooks(client: ModerationClient, announce: Announce, pollMs = 2000): [WebhooksState, WebhooksActions] {
  const [state, setState] = useState<WebhooksState>({ phase: 'loading', error: null, endpoints: [], last: {}, secret: null, createError: null, busy: null });
  const current = useRef(state);
  current.current = state;

  const actions = useMemo<WebhooksActions>(() => {
    const patch = (p: Partial<WebhooksState> | ((s: WebhooksState) => Partial<WebhooksState>)) =>
      setState((s) => ({ ...s, ...(typeof p === 'function' ? p(s) : p) }));
    const replace = (w: WebhookView) => patch((s) => ({ endpoints: s.endpoints.map((e) => (e.id === w.id ? withoutSecret(w) : e)) }));
    const failed = (error: ApiError) => {
      patch({ busy: null });
      announce(webhookMessage(error.code), 'error');
    };

    async function refreshLast(ids = current.current.endpoints.map((e) => e.id)) {
      const answers = await Promise.all(ids.map(async (id) => [id, await client.deliveries({ endpointId: id, limit: 1 })] as const));
      patch((s) => {
        const last = { ...s.last };
        for (const [id, res] of answers) if (res.ok) last[id] = res.data.deliveries[0] ?? null;
        return { last };
      });
    }

    async function reload() {
      patch({ phase: 'loading', error: null });
      const res = await client.webhooks();
      if (!res.ok) return patch({ phase: 'failed', error: res.error });
      patch({ phase: 'ready', endpoints: res.data.webhooks });
      await refreshLast(res.data.webhooks.map((w) => w.id));
    }

    return {
      reload,
      refreshLast,
      async create(form) {
        patch({ busy: 'new', createError: null });
        const res = await client.createWebhook(webhookBody(form));
        if (!res.ok) {
          patch({ busy: null, createError: res.error });
          if (!res.error.fields) announce(webhookMessage(res.error.code, `A site may have at most ${WEBHOOK_LIMITS.perSite} endpoints; delete one first.`), 'error');
          return false;
        }
        const w = res.data.webhook;
        patch((s) => ({
          busy: null,
          endpoints: [...s.endpoints, withoutSecret(w)],
          last: { ...s.last, [w.id]: null },
          secret: w.secret ? { endpointId: w.id, url: w.url, secret: w.secret, reason: 'created' } : null,
        }));
        announce(`Endpoint added: ${w.url}. Copy its signing secret now; it will not be shown again.`);
        return true;
      },
      // Called on every keystroke in the add form: a state without a refusal stays as it is.
      clearCreateError: () => setState((s) => (s.createError ? { ...s, createError: null } : s)),
      async setEnabled(id, enabled) {
        patch({ busy: id });
        const res = await client.updateWebhook(id, { enabled });
        if (!res.ok) return failed(res.error);
        replace(res.data.webhook);
        patch({ busy: null });
        announce(`${enabled ? 'Enabled' : 'Disabled'} ${res.data.webhook.url}.`);
      },
      async rotate(id) {
        patch({ busy: id });
        const res = await client.updateWebhook(id, { rotateSecret: true });
        if (!res.ok) return failed(res.error);
        const w = res.data.webhook;
        replace(w);
        patch({ busy: null, secret: w.secret ? { endpointId: w.id, url: w.url, secret: w.secret, reason: 'rotated' } : null });
        announce(`New signing secret for ${w.url}; the old one no longer verifies. Copy it now; it will not be shown again.`);
      },
      async remove(id) {
        patch({ busy: id });
        const url = current.current.endpoints.find((e) => e.id === id)?.url ?? 'the endpoint';
        const res = await client.deleteWebhook(id);
        if (!res.ok) return failed(res.error);
        patch((s) => ({ busy: null, endpoints: s.endpoints.filter((e) => e.id !== id), secret: s.secret?.endpointId === id ? null : s.secret }));
        announce(`Deleted ${url}.`);
      },
      async sendTest(id) {
        patch({ busy: id });
        const res = await client.testWebhook(id);
        if (!res.ok) {
          failed(res.error);
          return false;
        }
        patch({ busy: null });
        announce('Test event sent; its delivery is listed below.');
        await refreshLast([id]);
        return true;
      },
      dismissSecret: () => patch({ secret: null }),
    };
  }, [client, announce]);

  useEffect(() => void actions.reload(), [actions]);

  // Endpoints whose newest delivery is on its way are asked about again until it settles.
  useEffect(() => {
    const waiting = Object.entries(state.last).filter(([, d]) => inFlight(d)).map(([id]) => id);
    if (waiting.length === 0) return;
    const timer = setTimeout(() => void actions.refreshLast(waiting), pollMs);
    return () => clearTimeout(timer);
  }, [state.last, actions, pollMs]);

  return [state, actions];
}

/** What the list keeps of an endpoint: never its secret. */
function withoutSecret({ secret: _, ...w }: WebhookView): WebhookView {
  return w;
}
