// The add-endpoint form as data: the body it sends, and each problem on the field that shows it,
// from the shared schema before sending and from the server's answer after.
import { describe, expect, it } from 'vitest';
import { CreateWebhookBody, WEBHOOK_LIMITS } from '../../../../shared/schemas/webhooks';
import { blankWebhookForm, eventsLabel, PICKABLE_EVENTS, webhookBody, webhookFormErrors } from '../../../../widget/moderate/model/webhook-form';

describe('the webhook form', () => {
  it('sends every event as *, or the ticked ones in the catalogue’s order, with the text trimmed', () => {
    const form = { ...blankWebhookForm(), url: ' https://hooks.example.com/a ', description: ' CRM ' };
    expect(webhookBody(form)).toEqual({ url: 'https://hooks.example.com/a', description: 'CRM', eventTypes: ['*'], enabled: true, allowPrivateNetwork: false });
    const picked = webhookBody({ ...form, allEvents: false, events: ['thread.closed', 'comment.created'] });
    expect(picked.eventTypes).toEqual(['comment.created', 'thread.closed']);
    expect(CreateWebhookBody.safeParse(picked).success).toBe(true);
    expect(PICKABLE_EVENTS).not.toContain('webhook.test');
  });

  it('marks a missing URL, one that is not http(s), no event ticked and a long description', () => {
    expect(webhookFormErrors(blankWebhookForm())).toEqual({ url: 'is required' });
    expect(webhookFormErrors({ ...blankWebhookForm(), url: 'ftp://hooks.example.com', allEvents: false, description: 'x'.repeat(WEBHOOK_LIMITS.description + 1) })).toEqual({
      url: 'must be an https URL',
      eventTypes: 'must name at least one event, or *',
      description: `must be at most ${WEBHOOK_LIMITS.description} characters`,
    });
  });

  it('puts the server’s sentences on the same fields, after its own', () => {
    const form = { ...blankWebhookForm(), url: 'https://10.0.0.5/a', allowPrivateNetwork: true };
    expect(webhookFormErrors(form, { url: 'must be a public address', allowPrivateNetwork: 'is not available here' })).toEqual({ url: 'must be a public address', allowPrivateNetwork: 'is not available here' });
  });

  it('names an endpoint’s events in words', () => {
    expect(eventsLabel(['*'])).toBe('All events');
    expect(eventsLabel(['comment.published', 'member.banned'])).toBe('comment.published, member.banned');
  });
});
