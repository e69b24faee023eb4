// End to end in real headless Chromium against the demo and its own dispatcher: the site owner adds
// a webhook endpoint pointing at a real receiver on 127.0.0.1, is shown its secret once, sends a
// test event that arrives signed with that secret and shows as delivered, retries one that died;
// then edits the site's e-mail settings, a bad address marked on its line. A moderator who is not
// an admin is told what the tab is for. Screenshots go to test-results/screenshots/.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useDemoBrowser } from '../support/e2e';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';

const SHOTS = 'test-results/screenshots';
// One attempt a delivery, so a receiver's failure makes it dead at once, to be retried by hand.
const e2e = useDemoBrowser({ WEBHOOK_MAX_ATTEMPTS: '1' });
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let receiver: WebhookReceiver;
let secret = '';
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  receiver = await startWebhookReceiver(() => secret);
});
afterAll(() => receiver?.close());

/** axe-core's WCAG 2.1 A/AA rule ids violated inside the dashboard. */
async function violations(page: Page): Promise<string[]> {
  // Evaluated rather than added as a script: the dashboard page's CSP refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string }[] }> } }).axe;
    const result = await axe.run({ include: ['#parley-moderate'] }, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
    return result.violations.map((v) => v.id);
  });
}

async function signInAsOwner(page: Page) {
  await page.locator('input[name="secret"]').fill(e2e.demo.secrets.apiKey);
  await page.locator('input[name="secret"]').press('Enter');
  await page.getByRole('button', { name: 'Webhooks', exact: true }).waitFor();
}

const row = (page: Page, status: string) => page.locator(`.delivery-log tbody tr[data-status="${status}"]`);

describe('the Webhooks tab', () => {
  it('adds an endpoint, shows its secret once, delivers a signed test event, and retries a dead delivery', { timeout: 90_000 }, async () => {
    const page = await e2e.pageAs('guest', '/moderate?site=demo', { width: 1280, height: 900 });
    await signInAsOwner(page);
    // Fetched the first time the tab opens: moderate.js does not carry it.
    const chunks: string[] = [];
    page.on('request', (r) => r.url().includes('webhooks-page-') && chunks.push(r.url()));
    await page.getByRole('button', { name: 'Webhooks', exact: true }).click();
    const form = page.getByRole('form', { name: 'Add an endpoint' });
    await form.waitFor();
    expect(chunks).toHaveLength(1);

    // A URL the form refuses before sending, marked on its field.
    await form.getByLabel('Endpoint URL').fill('hooks.example.com');
    await form.getByRole('button', { name: 'Add endpoint' }).click();
    await form.getByText('must be an https URL').waitFor();

    await form.getByLabel('Endpoint URL').fill(receiver.url);
    await form.getByLabel('Description (optional)').fill('Newsroom CRM');
    await form.getByLabel('Allow a private network address').check();
    await form.getByRole('button', { name: 'Add endpoint' }).click();
    const shown = page.getByLabel(`Signing secret for ${receiver.url} — shown this once`);
    await shown.waitFor();
    secret = await shown.inputValue();
    expect(secret).toMatch(/^whsec_/);
    expect(await shown.getAttribute('readonly')).not.toBeNull();
    await page.locator('.webhook-secret').getByText('It will not be shown again', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Copy', exact: true }).waitFor();

    await page.getByRole('button', { name: `Send test event to ${receiver.url}` }).click();
    await page.getByRole('status').getByText('Test event sent', { exact: false }).waitFor();
    // The demo's dispatcher sends it within a second or two; the table follows it without a reload.
    await row(page, 'delivered').waitFor({ timeout: 15_000 });
    expect(receiver.received.map((r) => [r.body.type, r.verified])).toEqual([['webhook.test', true]]);
    await page.locator('.endpoint .last-delivery', { hasText: 'delivered' }).waitFor();

    // A receiver that fails: with one attempt allowed the delivery is dead, and Retry sends it again.
    receiver.answer = () => 503;
    await page.getByRole('button', { name: `Send test event to ${receiver.url}` }).click();
    await row(page, 'dead').waitFor({ timeout: 15_000 });
    expect(await row(page, 'dead').innerText()).toContain('HTTP 503');
    await page.screenshot({ path: `${SHOTS}/dashboard-webhooks.png`, fullPage: true });
    expect(await violations(page)).toEqual([]);
    receiver.answer = () => 200;
    await row(page, 'dead').getByRole('button', { name: /^Retry/ }).click();
    await page.getByRole('status').getByText('Sending the webhook.test delivery again.').waitFor();
    await expect.poll(() => row(page, 'delivered').count(), { timeout: 15_000 }).toBe(2);
    expect(receiver.received.every((r) => r.verified)).toBe(true);

    // Never shown again: a reload lists the endpoint without it.
    await page.reload();
    await page.getByRole('button', { name: 'Webhooks', exact: true }).click();
    await page.locator('.endpoint', { hasText: receiver.url }).waitFor();
    expect(await page.locator('.webhook-secret').count()).toBe(0);
    await page.context().close();
  });

  it('edits the site’s e-mail settings in the Site tab, marking a bad address on its line', { timeout: 60_000 }, async () => {
    const page = await e2e.pageAs('guest', '/moderate?site=demo', { width: 1280, height: 900 });
    await signInAsOwner(page);
    await page.getByRole('button', { name: 'Site', exact: true }).click();
    const form = page.getByRole('form', { name: 'Site settings' });
    await form.waitFor();
    const addresses = form.getByLabel('Moderators’ addresses, one per line');
    await addresses.fill('desk@news.example\nnight-desk');
    await form.getByText('“night-desk”: must be an e-mail address').waitFor();
    await form.getByLabel('Alert when this many wait (optional)').fill('25');
    await form.getByLabel('…or the oldest has waited (minutes, optional)').fill('');
    await form.getByLabel('Daily digest').selectOption('7');
    await page.getByRole('button', { name: 'Save site settings' }).click();
    await page.getByRole('alert').getByText('One value to fix; it is marked above.').waitFor();
    await addresses.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/dashboard-site-mail.png` });

    await addresses.fill('desk@news.example\nnight@news.example');
    await page.getByRole('button', { name: 'Save site settings' }).click();
    await page.getByRole('status').getByText('Site settings saved.').waitFor();
    const saved = await (await page.request.get(`${e2e.base}/api/v1/sites/demo/moderation/site`, { headers: { 'X-Api-Key': e2e.demo.secrets.apiKey } })).json();
    expect(saved.site.settings.mail).toMatchObject({ moderatorEmails: ['desk@news.example', 'night@news.example'], queueAlert: { pending: 25 }, digestHourUtc: 7 });
    expect(saved.site.settings.mail.queueAlert.oldestMinutes).toBeUndefined();
    await page.context().close();
  });

  it('tells a moderator who is not an admin what webhooks are, and shows them none', { timeout: 60_000 }, async () => {
    const page = await e2e.pageAs('morgan', '/demo/moderate', { width: 1280, height: 900 });
    await page.getByRole('button', { name: 'Webhooks', exact: true }).click();
    await page.getByText('Only admins and the site owner (signed in with the API key) may see and change them.', { exact: false }).waitFor();
    expect(await page.getByRole('form', { name: 'Add an endpoint' }).count()).toBe(0);
    expect(await page.locator('.endpoint').count()).toBe(0);
    await page.context().close();
  });
});
