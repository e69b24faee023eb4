// Webhook endpoints and their deliveries, as the moderation API (admins, or the site's key) manages them.
import * as z from 'zod/mini';
import { Id, Timestamp } from './common';
import { EVENT_TYPES } from './events';

/** What an endpoint may subscribe to: each event type, or '*' for all of them. */
export const WEBHOOK_EVENT_CHOICES = ['*', ...EVENT_TYPES.filter((t) => t !== 'webhook.test')] as const;
export const WEBHOOK_LIMITS = { url: 2048, description: 200, perSite: 20 } as const;

const fields = {
  url: z.string().check(z.maxLength(WEBHOOK_LIMITS.url, `must be at most ${WEBHOOK_LIMITS.url} characters`), z.regex(/^https?:\/\//i, 'must be an https URL')),
  eventTypes: z.array(z.enum(WEBHOOK_EVENT_CHOICES)).check(z.minLength(1, 'must name at least one event, or *'), z.maxLength(WEBHOOK_EVENT_CHOICES.length)),
  enabled: z.boolean(),
  description: z.string().check(z.maxLength(WEBHOOK_LIMITS.description, `must be at most ${WEBHOOK_LIMITS.description} characters`)),
  /** http or a private address (a receiver on the publisher's own network). Node only. */
  allowPrivateNetwork: z.boolean(),
};

export const CreateWebhookBody = z.strictObject({
  url: fields.url,
  eventTypes: z._default(fields.eventTypes, ['*']),
  enabled: z._default(fields.enabled, true),
  description: z._default(fields.description, ''),
  allowPrivateNetwork: z._default(fields.allowPrivateNetwork, false),
});
export type CreateWebhookBody = z.infer<typeof CreateWebhookBody>;

export const UpdateWebhookBody = z.strictObject({
  url: z.optional(fields.url),
  eventTypes: z.optional(fields.eventTypes),
  enabled: z.optional(fields.enabled),
  description: z.optional(fields.description),
  allowPrivateNetwork: z.optional(fields.allowPrivateNetwork),
  /** A new signing secret, shown once in the answer; the old one stops working at once. */
  rotateSecret: z.optional(z.boolean()),
});
export type UpdateWebhookBody = z.infer<typeof UpdateWebhookBody>;

export const WebhookView = z.object({
  id: Id,
  url: z.string(),
  eventTypes: z.array(z.string()),
  enabled: z.boolean(),
  description: z.string(),
  allowPrivateNetwork: z.boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  /** Only when it was just made (created or rotated): it is never shown again. */
  secret: z.optional(z.string()),
});
export type WebhookView = z.infer<typeof WebhookView>;

export const DELIVERY_STATUSES = ['pending', 'sending', 'delivered', 'dead'] as const;

export const DeliveriesQuery = z.object({
  status: z.optional(z.enum(DELIVERY_STATUSES)),
  endpointId: z.optional(Id),
  /** The `next` of the previous page. */
  before: z.optional(z.string().check(z.regex(/^\d{1,16}~[A-Za-z0-9_.:-]{1,200}$/, 'must be a cursor from the previous page'))),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 50),
});

export const DeliveryView = z.object({
  id: z.string(),
  eventId: z.string(),
  eventType: z.string(),
  endpointId: Id,
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number(),
  nextAt: Timestamp,
  lastStatus: z.nullable(z.number()),
  lastError: z.nullable(z.string()),
  deliveredAt: z.nullable(Timestamp),
  createdAt: Timestamp,
});
export type DeliveryView = z.infer<typeof DeliveryView>;

/** Answers of the webhook routes, as the dashboard parses them and the API document describes them. */
export const WebhookListResponse = z.object({ webhooks: z.array(WebhookView) });
export const WebhookResponse = z.object({ webhook: WebhookView });
export const WebhookDeleted = z.object({ deleted: z.literal(true) });
/** A `webhook.test` event was queued for the endpoint: its deliveries carry this id. */
export const TestEventSent = z.object({ eventId: z.string() });
/** Newest first; `next` is the `before` of the following page, null on the last. */
export const DeliveriesResponse = z.object({ deliveries: z.array(DeliveryView), next: z.nullable(z.string()) });
export const DeliveryResponse = z.object({ delivery: DeliveryView });
