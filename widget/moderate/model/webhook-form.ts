// The form that adds a webhook endpoint, as data: what the admin typed, the body POST sends, and
// what is wrong with it by field, from the shared schema before sending and from the server after.
import { EVENT_TYPES } from '../../../shared/schemas/events';
import { CreateWebhookBody } from '../../../shared/schemas/webhooks';
import { issuesToFields } from '../../../shared/validation';

/** The event types an endpoint may pick one by one ("webhook.test" goes to one endpoint on request only). */
export const PICKABLE_EVENTS = EVENT_TYPES.filter((t) => t !== 'webhook.test');
export type PickableEvent = (typeof PICKABLE_EVENTS)[number];

export interface WebhookForm {
  url: string;
  description: string;
  /** Every event, now and any added later ('*'); else the ticked ones. */
  allEvents: boolean;
  events: PickableEvent[];
  enabled: boolean;
  allowPrivateNetwork: boolean;
}

export const blankWebhookForm = (): WebhookForm => ({ url: '', description: '', allEvents: true, events: [], enabled: true, allowPrivateNetwork: false });

export function webhookBody(form: WebhookForm): CreateWebhookBody {
  return {
    url: form.url.trim(),
    description: form.description.trim(),
    // In the order the catalogue lists them, whatever order they were ticked in.
    eventTypes: form.allEvents ? ['*'] : PICKABLE_EVENTS.filter((t) => form.events.includes(t)),
    enabled: form.enabled,
    allowPrivateNetwork: form.allowPrivateNetwork,
  };
}

/**
 * One sentence per field (`url`, `description`, `eventTypes`, `allowPrivateNetwork`): the shared
 * schema's, then what the server said about the last try, which knows more (private addresses).
 */
export function webhookFormErrors(form: WebhookForm, server?: Record<string, string>): Record<string, string> {
  const body = webhookBody(form);
  const parsed = CreateWebhookBody.safeParse(body, { reportInput: true });
  const own = parsed.success ? {} : issuesToFields(parsed.error.issues);
  // An array's own issue ("at least one") and an entry's ("eventTypes.0") both belong to the checkboxes.
  const byField: Record<string, string> = {};
  for (const [path, message] of [...Object.entries(own), ...Object.entries(server ?? {})]) byField[path.split('.')[0]] ??= message;
  if (body.url === '') byField.url = 'is required';
  return byField;
}

/** An endpoint's event filter in words. */
export const eventsLabel = (eventTypes: readonly string[]) => (eventTypes.includes('*') ? 'All events' : eventTypes.join(', '));
