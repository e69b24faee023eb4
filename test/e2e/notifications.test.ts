// End to end in real headless Chromium against the demo: a member opts in to reply e-mail from
// the widget, a moderator replies, the notice arrives in the demo's mailbox (a real SMTP server)
// and its unsubscribe link works; the publisher's webhook receiver gets the same events, signed.
import { describe, expect, it } from 'vitest';
import { apiPaths } from '../../shared/api-paths';
import { DEMO_SITE_ID } from '../../demo/site';
import { useDemoBrowser } from '../support/e2e';
import { startWebhookReceiver } from '../support/webhook-receiver';

const e2e = useDemoBrowser();
const SHOTS = 'test-results/screenshots';

describe('telling members what happened', () => {
  it('mails Alice a reply she opted in to, in the demo mailbox, and signs the events for the publisher’s receiver', async () => {
    // The publisher's own system, listening for events (a private address: allowed on Node when asked).
    let secret = '';
    const receiver = await startWebhookReceiver(() => secret);
    const created = await fetch(e2e.base + apiPaths.moderation.webhooks(DEMO_SITE_ID), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Api-Key': e2e.demo.secrets.apiKey },
      body: JSON.stringify({ url: receiver.url, eventTypes: ['comment.reply'], allowPrivateNetwork: true }),
    });
    expect(created.status).toBe(201);
    secret = (await created.json()).webhook.secret;

    try {
      const alice = await e2e.pageAs('alice', '/articles/city-budget');
      const section = alice.locator('section[aria-label="Comments"]');
      await section.getByText('Email notifications').click();
      await section.getByLabel('Email me when someone replies to my comments').check();
      await expect.poll(() => section.getByLabel('Email me when someone replies to my comments').isChecked()).toBe(true);
      const text = `Will the library hours change? ${Date.now()}`;
      await section.getByRole('textbox', { name: /comment/i }).first().fill(text);
      await section.getByRole('button', { name: 'Post', exact: true }).click();
      await expect.poll(() => section.locator('article').filter({ hasText: text }).count()).toBe(1);
      await alice.context().close();

      const morgan = await e2e.pageAs('morgan', '/articles/city-budget');
      const mine = morgan.locator('article').filter({ hasText: text });
      await mine.getByRole('button', { name: /^Reply/ }).click();
      const answer = `Opening hours stay as they are until March ${Date.now()}`;
      const form = morgan.locator('form', { has: morgan.getByRole('textbox', { name: /^Reply to/ }) });
      await form.getByRole('textbox').fill(answer);
      await form.getByRole('button', { name: 'Reply', exact: true }).click();
      await expect.poll(() => morgan.locator('article').filter({ hasText: answer }).count()).toBe(1);

      // The mailbox page, as the README says to read it.
      const subject = 'Morgan Reyes replied to you on “Council passes a budget that raises transit fares and cuts library hours”';
      await expect.poll(async () => (await (await fetch(e2e.base + '/demo/mailbox')).text()).includes(subject), { timeout: 30_000, interval: 500 }).toBe(true);
      await morgan.goto(e2e.base + '/demo/mailbox');
      await morgan.getByRole('link', { name: subject }).first().waitFor();
      const message = morgan.frameLocator('iframe[title="The message"]');
      await expect.poll(() => message.getByText(answer).count()).toBe(1);
      await morgan.screenshot({ path: `${SHOTS}/demo-mailbox-reply.png`, fullPage: true });

      // Its unsubscribe link: a page that asks, and a button that does it.
      const link = await morgan.getByRole('link', { name: 'one-click unsubscribe link' }).first().getAttribute('href');
      await morgan.goto(link!);
      await morgan.getByRole('button', { name: 'Unsubscribe' }).click();
      await morgan.getByText('You are unsubscribed').waitFor();
      await morgan.context().close();

      const back = await e2e.pageAs('alice', '/articles/city-budget');
      const panel = back.locator('section[aria-label="Comments"]');
      await panel.getByText('Email notifications').click();
      await expect.poll(() => panel.getByLabel('Email me when someone replies to my comments').isChecked()).toBe(false);
      await back.context().close();

      // The reply reached the publisher's system too, signed with its endpoint's secret.
      await expect.poll(() => receiver.received.filter((h) => h.body.data.comment?.bodyHtml?.includes('Opening hours')).length, { timeout: 15_000 }).toBe(1);
      expect(receiver.received.every((h) => h.verified && h.body.type === 'comment.reply')).toBe(true);
    } finally {
      await receiver.close();
    }
  }, 90_000);
});
