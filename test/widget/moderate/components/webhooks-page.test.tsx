// @vitest-environment happy-dom
// The Webhooks tab against the real app: an admin adds an endpoint (refusals marked on their
// fields), sees its secret once, sends a test event that a real receiver on 127.0.0.1 gets signed
// with that secret, retries a dead delivery, rotates and deletes; a moderator only reads why not.
import { afterEach, describe, expect, it } from 'vitest';
import { apiPaths } from '../../../../shared/api-paths';
import { dispatchOnce } from '../../../../server/services/events/dispatch';
import { nodeOutbound } from '../../../../server/runtime/node-outbound';
import { TEST_API_KEY } from '../../../support/app';
import { startWebhookReceiver, type WebhookReceiver } from '../../../support/webhook-receiver';
import { $, $$, button, harness, SETTINGS, text, type, waitFor, type Harness } from '../harness';

const ADMIN = { sub: 'u-ada', name: 'Ada', tier: 'member', role: 'admin' as const };
let receiver: WebhookReceiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

async function openWebhooks(h: Harness, asAdmin = true) {
  const admin = await h.t.sign(ADMIN);
  h.mount(asAdmin ? { getToken: () => admin } : {});
  await waitFor(() => $(h.root, '.tabs'));
  button(h.root, 'Webhooks').click();
  return waitFor(() => $(h.root, '.webhooks-page'));
}

/** The add form's control by its label's text. */
function control<E extends HTMLElement = HTMLInputElement>(root: ParentNode, label: string): E {
  const found = $$<HTMLLabelElement>(root, '.endpoint-form label').find((l) => text(l) === label || text(l).startsWith(label));
  if (!found) throw new Error(`No field ${label}`);
  return (found.htmlFor ? (root as Element).querySelector<E>(`#${found.htmlFor}`) : found.querySelector<E>('input'))!;
}

/** Its error sentence, as a screen reader hears it with the field. */
const described = (root: ShadowRoot, el: Element) =>
  (el.getAttribute('aria-describedby') ?? '').split(' ').map((id) => text(root.getElementById(id))).join(' ');

/** Lets Preact render what was just typed, as the time between a keystroke and a click does. */
const settle = () => new Promise((r) => setTimeout(r, 10));

const rows = (root: ParentNode) => $$(root, '.delivery-log tbody tr');

/** Runs the outbox dispatcher once against the test database, as the server's loop would. */
const dispatch = (h: Harness, maxAttempts = 8) =>
  dispatchOnce({ store: h.t.store, now: () => h.t.clock.now, newId: () => `id${Math.random().toString(36).slice(2)}`, ipSalt: 'salt', outbound: nodeOutbound, privateNetworkAllowed: true }, { maxAttempts, random: () => 1 });

describe('the Webhooks tab', () => {
  it('marks a missing URL before sending, and the server’s refusals of a private address on their fields', async () => {
    // A server that allows no private networks at all, as on Workers.
    const h = await harness(SETTINGS, { privateNetworkAllowed: false });
    const page = await openWebhooks(h);
    const form = await waitFor(() => $<HTMLFormElement>(page, 'form.endpoint-form'));
    button(form, 'Add endpoint').click();
    const url = control(form, 'Endpoint URL');
    await waitFor(() => expect(described(h.root, url)).toBe('is required'));
    expect(url.getAttribute('aria-invalid')).toBe('true');

    type(url, 'https://10.0.0.5/hooks');
    await settle();
    button(form, 'Add endpoint').click();
    await waitFor(() => expect(described(h.root, url)).toMatch(/private|public/));
    // Asking for one anyway: the checkbox says this server cannot.
    control(form, 'Allow a private network address').click();
    await settle();
    button(form, 'Add endpoint').click();
    const allow = control(form, 'Allow a private network address');
    await waitFor(() => expect(described(h.root, allow)).toContain('is not available here'));
    expect(described(h.root, allow)).toContain('Only works on a self-hosted Node server');
    const listed = await (await h.t.call('GET', apiPaths.moderation.webhooks('daily'), { headers: { 'X-Api-Key': TEST_API_KEY } })).json();
    expect(listed.webhooks).toEqual([]);
  });

  it('adds an endpoint, shows its secret once, delivers a test event signed with it, and retries a dead one', async () => {
    const h = await harness();
    let secret = '';
    receiver = await startWebhookReceiver(() => secret);
    const page = await openWebhooks(h);
    const form = await waitFor(() => $<HTMLFormElement>(page, 'form.endpoint-form'));
    type(control(form, 'Endpoint URL'), receiver.url);
    type(control(form, 'Description'), 'Newsroom CRM');
    control(form, 'All events').click();
    await settle();
    $$<HTMLInputElement>(form, '.event-choices input').find((i) => text(i.parentElement) === 'comment.published')!.click();
    control(form, 'Allow a private network address').click();
    await settle();
    button(form, 'Add endpoint').click();

    const shown = await waitFor(() => $<HTMLInputElement>(page, '.webhook-secret input'));
    secret = shown.value;
    expect(secret).toMatch(/^whsec_/);
    expect(shown.readOnly).toBe(true);
    expect(text($(page, '.webhook-secret'))).toContain('It will not be shown again');
    expect(text($(h.root, '.live'))).toContain(`Endpoint added: ${receiver.url}`);
    const endpoint = $(page, '.endpoint');
    expect(text($(endpoint, '.endpoint-url'))).toBe(receiver.url);
    expect(text(endpoint)).toContain('Newsroom CRM');
    expect(text(endpoint)).toContain('Events: comment.published');
    expect(text($(endpoint, '.last-delivery'))).toBe('No deliveries yet.');
    // The form is empty again, and the list the server keeps has no secret in it.
    expect(control(form, 'Endpoint URL').value).toBe('');
    const listed = await (await h.t.call('GET', apiPaths.moderation.webhooks('daily'), { headers: { 'X-Api-Key': TEST_API_KEY } })).json();
    expect(listed.webhooks[0].secret).toBeUndefined();
    button(page, 'Done').click();
    await waitFor(() => expect(page.querySelector('.webhook-secret')).toBeNull());

    button(endpoint, 'Send test event').click();
    await waitFor(() => expect(rows(page).map((r) => r.dataset.status)).toEqual(['pending']));
    expect(text(rows(page)[0])).toContain('webhook.test');
    await dispatch(h);
    await waitFor(() => expect(rows(page).map((r) => r.dataset.status)).toEqual(['delivered']));
    expect(text(rows(page)[0])).toContain('HTTP 200');
    await waitFor(() => expect(text($(endpoint, '.last-delivery'))).toMatch(/^Last delivery: delivered webhook\.test HTTP 200/));
    expect(receiver.received.map((r) => [r.body.type, r.verified])).toEqual([['webhook.test', true]]);

    // A receiver that fails, and a dispatcher that gives up at once: the delivery is dead until retried.
    receiver.answer = () => 500;
    h.t.clock.now += 60_000;
    button(endpoint, 'Send test event').click();
    await waitFor(() => expect(rows(page)).toHaveLength(2));
    await dispatch(h, 1);
    await waitFor(() => expect(rows(page).map((r) => r.dataset.status)).toEqual(['dead', 'delivered']));
    expect(text(rows(page)[0])).toContain('HTTP 500');
    // Filtered to dead ones only.
    const status = $<HTMLSelectElement>(page, '.deliveries select');
    status.value = 'dead';
    status.dispatchEvent(new Event('change', { bubbles: true }));
    await waitFor(() => expect(rows(page).map((r) => r.dataset.status)).toEqual(['dead']));

    receiver.answer = () => 204;
    button(rows(page)[0], 'Retry').click();
    await waitFor(() => expect(text($(h.root, '.live'))).toBe('Sending the webhook.test delivery again.'));
    expect(rows(page)[0].dataset.status).toBe('pending');
    await dispatch(h);
    // The filter shows dead ones: the delivered one leaves it.
    await waitFor(() => expect(rows(page)).toHaveLength(0));
    expect(receiver.received.map((r) => r.verified)).toEqual([true, true, true]);
  });

  it('pages the deliveries with Load more, newest first', async () => {
    const h = await harness();
    const admin = await h.t.sign(ADMIN);
    const { webhook } = await (await h.t.call('POST', apiPaths.moderation.webhooks('daily'), { token: admin, body: { url: 'https://hooks.example.com/a' } })).json();
    for (let i = 0; i < 27; i++) {
      h.t.clock.now += 1000;
      expect((await h.t.call('POST', apiPaths.moderation.webhookTest('daily', webhook.id), { token: admin })).status).toBe(202);
    }
    const page = await openWebhooks(h);
    await waitFor(() => expect(rows(page)).toHaveLength(25));
    const times = () => rows(page).map((r) => new Date($(r, 'time').getAttribute('datetime')!).getTime());
    expect(times()).toEqual([...times()].sort((a, b) => b - a));
    button(page, 'Load more').click();
    await waitFor(() => expect(rows(page)).toHaveLength(27));
    expect(new Set(rows(page).map((r) => r.dataset.id)).size).toBe(27);
    expect(() => button(page, 'Load more')).toThrow();
  });

  it('rotates a secret and deletes an endpoint, each after a confirmation', async () => {
    const h = await harness();
    const admin = await h.t.sign(ADMIN);
    const { webhook } = await (await h.t.call('POST', apiPaths.moderation.webhooks('daily'), { token: admin, body: { url: 'https://hooks.example.com/a' } })).json();
    const page = await openWebhooks(h);
    const endpoint = await waitFor(() => $(page, '.endpoint'));

    button(endpoint, 'Rotate secret').click();
    const dialog = await waitFor(() => $(page, '[role="alertdialog"]'));
    expect(dialog.getAttribute('aria-label')).toBe('Rotate the signing secret?');
    button(dialog, 'Rotate the secret').click();
    const shown = await waitFor(() => $<HTMLInputElement>(page, '.webhook-secret input'));
    expect(shown.value).toMatch(/^whsec_/);
    expect(shown.value).not.toBe(webhook.secret);
    expect(text($(page, '.webhook-secret'))).toContain('The old secret no longer verifies.');

    button(endpoint, 'Delete').click();
    button(await waitFor(() => $(page, '[role="alertdialog"]')), 'Cancel').click();
    expect(page.querySelector('.endpoint')).not.toBeNull();
    button(endpoint, 'Delete').click();
    button(await waitFor(() => $(page, '[role="alertdialog"]')), 'Delete the endpoint').click();
    await waitFor(() => expect(text($(h.root, '.live'))).toBe('Deleted https://hooks.example.com/a.'));
    expect(page.querySelector('.endpoint')).toBeNull();
    expect(page.querySelector('.webhook-secret')).toBeNull();
    const listed = await (await h.t.call('GET', apiPaths.moderation.webhooks('daily'), { headers: { 'X-Api-Key': TEST_API_KEY } })).json();
    expect(listed.webhooks).toEqual([]);
  });

  it('switches an endpoint off and on from the list', async () => {
    const h = await harness();
    const admin = await h.t.sign(ADMIN);
    await h.t.call('POST', apiPaths.moderation.webhooks('daily'), { token: admin, body: { url: 'https://hooks.example.com/a' } });
    const page = await openWebhooks(h);
    const toggle = await waitFor(() => $<HTMLInputElement>(page, '.endpoint input[type="checkbox"]'));
    expect(toggle.checked).toBe(true);
    toggle.click();
    await waitFor(() => expect(text($(h.root, '.live'))).toBe('Disabled https://hooks.example.com/a.'));
    const listed = await (await h.t.call('GET', apiPaths.moderation.webhooks('daily'), { headers: { 'X-Api-Key': TEST_API_KEY } })).json();
    expect(listed.webhooks[0].enabled).toBe(false);
    expect($(page, '.endpoint').classList.contains('off')).toBe(true);
  });

  it('tells a moderator who is not an admin what the tab is for, and asks the server nothing', async () => {
    const h = await harness();
    const asked: string[] = [];
    const page = await (async () => {
      h.mount({ fetch: (url, init) => (asked.push(url), Promise.resolve(h.t.app.request(url, init))) });
      await waitFor(() => $(h.root, '.tabs'));
      button(h.root, 'Webhooks').click();
      return waitFor(() => $(h.root, '.webhooks-page'));
    })();
    expect(text($(page, '.read-only'))).toContain('Only admins and the site owner (signed in with the API key) may see and change them.');
    expect(page.querySelector('form')).toBeNull();
    expect(asked.filter((u) => u.includes('/webhooks') || u.includes('/deliveries'))).toEqual([]);
  });
});
