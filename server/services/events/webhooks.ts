// Managing a site's webhook endpoints: the URL vetted as every outbound address is, the signing
// secret made here and shown once, test events, and the deliveries with a retry for dead ones.
import type { CreateWebhookBody, DeliveryView, UpdateWebhookBody, WebhookView } from '../../../shared/schemas/webhooks';
import { WEBHOOK_LIMITS } from '../../../shared/schemas/webhooks';
import type { SiteRecord } from '../../store/port';
import type { DeliveryFilter, DeliveryRecord, WebhookEndpointRecord } from '../../store/events-port';
import type { ServiceDeps } from '../deps';
import { AppError } from '../errors';
import { vetOutboundUrl } from '../../../shared/outbound-url';
import { newWebhookSecret } from './sign-webhook';

export function webhookView(w: WebhookEndpointRecord, showSecret = false): WebhookView {
  const { siteId: _, secret, ...shown } = w;
  return showSecret ? { ...shown, secret } : shown;
}

/** Refused when saved, not only when a delivery fails: https to a public address unless the site may and did allow otherwise. */
function assertReachable(deps: ServiceDeps, url: string, allowPrivateNetwork: boolean): void {
  if (allowPrivateNetwork && !deps.privateNetworkAllowed) {
    throw new AppError('invalid_input', 'Private addresses are not available on this runtime', { allowPrivateNetwork: 'is not available here' });
  }
  const verdict = vetOutboundUrl(url, { allowPrivateNetwork });
  if (!verdict.ok) throw new AppError('invalid_input', `The webhook URL ${verdict.why}`, { url: verdict.why });
}

export async function listWebhooks(deps: ServiceDeps, site: SiteRecord): Promise<WebhookView[]> {
  return (await deps.store.listWebhooks(site.id)).map((w) => webhookView(w));
}

export async function createWebhook(deps: ServiceDeps, site: SiteRecord, body: CreateWebhookBody): Promise<WebhookView> {
  assertReachable(deps, body.url, body.allowPrivateNetwork);
  if ((await deps.store.listWebhooks(site.id)).length >= WEBHOOK_LIMITS.perSite) {
    throw new AppError('conflict', `A site may have at most ${WEBHOOK_LIMITS.perSite} webhook endpoints`);
  }
  const now = deps.now();
  const endpoint: WebhookEndpointRecord = { id: deps.newId(), siteId: site.id, secret: newWebhookSecret(), createdAt: now, updatedAt: now, ...body };
  await deps.store.saveWebhook(endpoint);
  return webhookView(endpoint, true);
}

async function existing(deps: ServiceDeps, site: SiteRecord, id: string): Promise<WebhookEndpointRecord> {
  const endpoint = await deps.store.getWebhook(site.id, id);
  if (!endpoint) throw new AppError('not_found', 'No such webhook endpoint on this site');
  return endpoint;
}

export async function updateWebhook(deps: ServiceDeps, site: SiteRecord, id: string, body: UpdateWebhookBody): Promise<WebhookView> {
  const { rotateSecret, ...changes } = body;
  const before = await existing(deps, site, id);
  const after: WebhookEndpointRecord = { ...before, ...changes, updatedAt: deps.now() };
  if (rotateSecret) after.secret = newWebhookSecret();
  assertReachable(deps, after.url, after.allowPrivateNetwork);
  await deps.store.saveWebhook(after);
  return webhookView(after, !!rotateSecret);
}

export async function deleteWebhook(deps: ServiceDeps, site: SiteRecord, id: string): Promise<void> {
  if (!(await deps.store.deleteWebhook(site.id, id))) throw new AppError('not_found', 'No such webhook endpoint on this site');
}

/** A webhook.test event for this endpoint only, delivered (and retried) like any other. */
export async function sendTestEvent(deps: ServiceDeps, site: SiteRecord, id: string): Promise<{ eventId: string }> {
  const endpoint = await existing(deps, site, id);
  const eventId = `${deps.newId()}.webhook.test`;
  const payload = JSON.stringify({ version: 1, message: `A test event for ${endpoint.url}` });
  await deps.store.recordTestEvent({ id: eventId, siteId: site.id, endpointId: endpoint.id, payload, now: deps.now() });
  return { eventId };
}

const toView = ({ siteId: _, ...d }: DeliveryRecord): DeliveryView => d;
const cursorOf = (d: DeliveryRecord) => `${d.createdAt}~${d.id}`;

export async function listDeliveries(
  deps: ServiceDeps,
  site: SiteRecord,
  q: { status?: DeliveryFilter['status']; endpointId?: string; before?: string; limit: number },
): Promise<{ deliveries: DeliveryView[]; next: string | null }> {
  const [at, ...id] = q.before?.split('~') ?? [];
  const before = q.before ? { createdAt: Number(at), id: id.join('~') } : undefined;
  const rows = await deps.store.listDeliveries(site.id, { status: q.status, endpointId: q.endpointId, before, limit: q.limit + 1 });
  const page = rows.slice(0, q.limit);
  return { deliveries: page.map(toView), next: rows.length > q.limit ? cursorOf(page[page.length - 1]) : null };
}

export async function retryDelivery(deps: ServiceDeps, site: SiteRecord, id: string): Promise<DeliveryView> {
  const delivery = await deps.store.retryDelivery(site.id, id, deps.now());
  if (!delivery) throw new AppError('not_found', 'No such delivery on this site');
  if (delivery.status !== 'pending') throw new AppError('conflict', `The delivery is ${delivery.status}; only dead or waiting deliveries are sent again`);
  return toView(delivery);
}
