// End to end in real headless Chromium against the demo publisher: the reader's flows.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useDemoBrowser, type Persona } from '../support/e2e';

const e2e = useDemoBrowser();

/** A page signed in as the persona, once the comment section is there. */
async function pageAs(persona: Persona, path: string): Promise<Page> {
  const page = await e2e.pageAs(persona, path);
  await page.locator('section[aria-label="Comments"]').waitFor();
  return page;
}

const comments = (page: Page) => page.locator('article');

describe('reader end to end', () => {
  it('a full member posts and replies, and sees both after a reload', async () => {
    const page = await pageAs('alice', '/articles/city-budget');
    const text = `Fares should track inflation, not outrun it ${Date.now()}`;
    await page.getByRole('textbox', { name: /comment/i }).first().fill(text);
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    const mine = comments(page).filter({ hasText: text });
    await expect.poll(() => mine.count()).toBe(1);

    await mine.getByRole('button', { name: /^Reply/ }).click();
    const reply = `Replying to myself with a source ${Date.now()}`;
    const replyForm = page.locator('form', { has: page.getByRole('textbox', { name: /^Reply to/ }) });
    await replyForm.getByRole('textbox').fill(reply);
    await replyForm.getByRole('button', { name: 'Reply', exact: true }).click();
    await expect.poll(() => comments(page).filter({ hasText: reply }).count()).toBe(1);

    await page.reload();
    await page.locator('section[aria-label="Comments"]').waitFor();
    await expect.poll(() => comments(page).filter({ hasText: text }).count()).toBeGreaterThan(0);
    await expect.poll(() => comments(page).filter({ hasText: reply }).count()).toBe(1);
    await page.context().close();
  });

  it('a guest sees the invitation to subscribe and no composer', async () => {
    const page = await pageAs('guest', '/articles/city-budget');
    await expect.poll(() => page.getByText('Consider subscribing to join the conversation.').count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Subscribe' }).count()).toBe(1);
    expect(await page.locator('textarea').count()).toBe(0);
    // The comment box and the actions are members' code: a guest's page never fetches them.
    const fetched = () => page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name));
    expect((await fetched()).some((name) => /\/app\.js$/.test(name))).toBe(true);
    expect((await fetched()).filter((name) => /member-ui-/.test(name))).toEqual([]);
    await page.context().close();
  });

  it('a newsletter-tier member comments in its section and is invited to upgrade elsewhere', async () => {
    const newsletter = await pageAs('nell', '/newsletter/morning-briefing');
    await newsletter.locator('textarea').first().waitFor();
    const text = `My commute got longer this year ${Date.now()}`;
    await newsletter.locator('textarea').first().fill(text);
    await newsletter.getByRole('button', { name: 'Post', exact: true }).click();
    await expect.poll(() => comments(newsletter).filter({ hasText: text }).count()).toBe(1);

    await newsletter.goto(e2e.base + '/articles/city-budget');
    await newsletter.locator('section[aria-label="Comments"]').waitFor();
    await expect.poll(() => newsletter.getByText(/You can only comment on the newsletter's articles/).count()).toBe(1);
    expect(await newsletter.locator('textarea').count()).toBe(0);
    await newsletter.context().close();
  });

  it('renders an img onerror payload and a javascript: link inert', async () => {
    const page = await pageAs('alice', '/articles/city-budget');
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    const marker = `xss-${Date.now()}`;
    const payload = `${marker} <img src=x onerror=alert(1)> and [click me](javascript:alert(2)) <script>alert(3)</script>`;
    await page.locator('textarea').first().fill(payload);
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    const posted = comments(page).filter({ hasText: marker });
    await expect.poll(() => posted.count()).toBe(1);
    await page.reload();
    await page.locator('section[aria-label="Comments"]').waitFor();
    const again = comments(page).filter({ hasText: marker });
    await expect.poll(() => again.count()).toBe(1);
    // Alice's own picture aside, the body holds no image and no script.
    expect(await again.locator('.body img, .body script').count()).toBe(0);
    expect(await again.locator('.avatar img').count()).toBe(1);
    const hrefs = await again.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.some((h) => /^\s*javascript:/i.test(h))).toBe(false);
    // The text shows as text.
    expect(await again.textContent()).toContain('<img src=x onerror=alert(1)>');
    expect(dialogs).toBe(0);
    await page.context().close();
  });
});
