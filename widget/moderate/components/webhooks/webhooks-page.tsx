// The Webhooks tab: where the site's events go (endpoints, their secrets shown once, test events)
// and what became of each delivery. Admins and the site's key only; other moderators are told why.
import type { ModerationClient } from '../../api';
import { useDeliveries } from '../../model/use-deliveries';
import { inFlight, useWebhooks } from '../../model/use-webhooks';
import type { Announce } from '../../model/use-queue';
import { LoadFailed } from '../load-failed';
import { DeliveriesTable } from './deliveries-table';
import { EndpointForm } from './endpoint-form';
import { EndpointList } from './endpoint-list';
import { ShownSecret } from './shown-secret';

export interface WebhooksPageProps {
  client: ModerationClient;
  announce: Announce;
  /** Admins and the API key manage webhooks; other moderators are told what the tab is for. */
  canEdit: boolean;
  now: number;
  /** How often deliveries on their way are looked at again, in ms. */
  pollMs?: number;
}

export const WEBHOOKS_READ_ONLY =
  'Webhooks send the site’s events (new comments, moderators’ decisions, bans, closed threads) to the publisher’s own systems, signed with a secret. Only admins and the site owner (signed in with the API key) may see and change them.';

export function WebhooksPage(props: WebhooksPageProps) {
  if (!props.canEdit) {
    return (
      <div class="webhooks-page">
        <p class="read-only">{WEBHOOKS_READ_ONLY}</p>
      </div>
    );
  }
  return <WebhooksAdmin {...props} />;
}

function WebhooksAdmin({ client, announce, now, pollMs }: WebhooksPageProps) {
  const [hooks, hookActions] = useWebhooks(client, announce, pollMs);
  const expecting = Object.values(hooks.last).some(inFlight);
  const [deliveries, deliveryActions] = useDeliveries(client, announce, { pollMs, expecting });
  // Whatever an endpoint action changed, the deliveries table shows it, and a retry the endpoint's newest delivery.
  const then = (done: Promise<unknown>) => void done.then(() => deliveryActions.refresh());
  const tableActions = { ...deliveryActions, retry: (id: string) => deliveryActions.retry(id).then(() => hookActions.refreshLast()) };
  return (
    <div class="rules-page webhooks-page">
      <div class="webhooks-main">
        {hooks.secret && <ShownSecret secret={hooks.secret} onDismiss={hookActions.dismissSecret} />}
        <section aria-labelledby="webhook-endpoints-title">
          <h2 id="webhook-endpoints-title">Endpoints</h2>
          {hooks.phase === 'failed' ? (
            <LoadFailed error={hooks.error} onRetry={() => void hookActions.reload()} />
          ) : hooks.phase === 'loading' ? (
            <p class="notice">Loading…</p>
          ) : (
            <EndpointList
              endpoints={hooks.endpoints}
              last={hooks.last}
              busy={hooks.busy}
              now={now}
              onEnabled={(id, enabled) => void hookActions.setEnabled(id, enabled)}
              onTest={(id) => then(hookActions.sendTest(id))}
              onRotate={(id) => void hookActions.rotate(id)}
              onDelete={(id) => then(hookActions.remove(id))}
            />
          )}
        </section>
        <DeliveriesTable state={deliveries} actions={tableActions} endpoints={hooks.endpoints} now={now} />
      </div>
      <div class="rules-side">
        <EndpointForm busy={hooks.busy === 'new'} serverError={hooks.createError} onCreate={hookActions.create} onEdit={hookActions.clearCreateError} />
        <p class="muted webhook-help">
          Each request is a signed POST (Standard Webhooks): see the README’s Webhooks section to verify it. Any 2xx answer counts as delivered; others are retried
          with backoff for a few hours, then the delivery is dead until retried here.
        </p>
      </div>
    </div>
  );
}
