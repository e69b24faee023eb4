// Webhook endpoints and their deliveries: admins of the site, or its API key.
import type { OperationSpec } from '../registry';
import { DeliveryParam, EndpointParam, SiteParam } from '../../../shared/schemas/params';
import {
  CreateWebhookBody,
  DeliveriesResponse,
  DeliveriesQuery,
  DeliveryResponse,
  UpdateWebhookBody,
  WebhookDeleted,
  WebhookListResponse,
  WebhookResponse,
  TestEventSent,
} from '../../../shared/schemas/webhooks';

const base = '/api/v1/sites/{siteId}/moderation';
const admin = { tag: 'Webhooks', access: 'admin' } as const;
const change = { ...admin, idempotent: true } as const;

export const webhookOperations: OperationSpec[] = [
  { ...admin, method: 'get', path: `${base}/webhooks`, summary: "The site's webhook endpoints (never their secrets)", params: SiteParam, answers: { 200: { description: 'The endpoints', json: WebhookListResponse } } },
  {
    ...change,
    method: 'post',
    path: `${base}/webhooks`,
    summary: 'Add an endpoint; its signing secret is in this answer only',
    description: 'The URL must be https to a public address (`allowPrivateNetwork` admits http and private addresses, on Node only).',
    params: SiteParam,
    body: CreateWebhookBody,
    answers: { 201: { description: 'The endpoint, with its secret', json: WebhookResponse } },
    errors: ['conflict'],
  },
  {
    ...change,
    method: 'patch',
    path: `${base}/webhooks/{endpointId}`,
    summary: 'Change an endpoint, or rotate its secret (`rotateSecret`: the new one is in the answer)',
    params: EndpointParam,
    body: UpdateWebhookBody,
    answers: { 200: { description: 'The endpoint', json: WebhookResponse } },
    errors: ['not_found'],
  },
  {
    ...change,
    method: 'delete',
    path: `${base}/webhooks/{endpointId}`,
    summary: 'Remove an endpoint',
    params: EndpointParam,
    answers: { 200: { description: 'Removed', json: WebhookDeleted } },
    errors: ['not_found'],
  },
  {
    ...change,
    method: 'post',
    path: `${base}/webhooks/{endpointId}/test`,
    summary: 'Send the endpoint a `webhook.test` event',
    params: EndpointParam,
    answers: { 202: { description: 'Queued for delivery', json: TestEventSent } },
    errors: ['not_found'],
  },
  {
    ...admin,
    method: 'get',
    path: `${base}/deliveries`,
    summary: 'Deliveries newest first, with attempts and the receiver\'s last answer',
    params: SiteParam,
    query: DeliveriesQuery,
    answers: { 200: { description: 'One page of deliveries', json: DeliveriesResponse } },
  },
  {
    ...change,
    method: 'post',
    path: `${base}/deliveries/{deliveryId}/retry`,
    summary: 'Send a dead delivery again',
    params: DeliveryParam,
    answers: { 200: { description: 'The delivery, pending again', json: DeliveryResponse } },
    errors: ['not_found', 'conflict'],
  },
];
