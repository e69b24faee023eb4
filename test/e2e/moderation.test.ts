// End to end in real headless Chromium: a held comment is invisible to readers until a
// moderator approves it with the keyboard in the dashboard. Screenshots of the dashboard are
// written to test-results/screenshots/ for people to look at.
import { mkdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useDemoBrowser, type Persona } from '../support/e2e';
import { violations } from '../support/axe';

const SHOTS = 'test-results/screenshots';
const e2e = useDemoBrowser();
beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

const pageAs = (persona: Persona, path: string) => e2e.pageAs(persona, path, { width: 1280, height: 900 });

const ARTICLE = '/articles/city-budget';

describe('moderation end to end', () => {
  it('holds an attack for review, hides it from readers, and publishes it once a moderator approves with the keyboard', { timeout: 60_000 }, async () => {
    const text = `You are an idiot if you think fares should rise ${Date.now()}`;

    // A member posts; the civility rule nudges; they post anyway and see it awaiting review.
    const alice = await pageAs('alice', ARTICLE);
    await alice.locator('textarea').first().fill(text);
    await alice.getByRole('button', { name: 'Post', exact: true }).click();
    await alice.getByText(/This reads as a personal attack on another member: ‘idiot’/).waitFor();
    await alice.getByRole('button', { name: /post anyway/i }).click();
    const mine = alice.locator('article', { hasText: text });
    await mine.getByText('Awaiting review').waitFor();

    // A reader does not see it.
    const guest = await pageAs('guest', ARTICLE);
    await guest.locator('section[aria-label="Comments"] article').first().waitFor();
    expect(await guest.locator('article', { hasText: text }).count()).toBe(0);

    // The moderator finds it in the pending queue with the matched words highlighted.
    const morgan = await pageAs('morgan', '/demo/moderate');
    const item = morgan.locator('li, article, div').filter({ hasText: text }).last();
    await item.waitFor();
    expect(await morgan.locator('mark', { hasText: /idiot/i }).count()).toBeGreaterThan(0);
    await morgan.screenshot({ path: `${SHOTS}/dashboard-pending-queue.png` });

    // Keyboard only: select with j, approve with a.
    await morgan.keyboard.press('j');
    await morgan.keyboard.press('a');
    await expect.poll(() => morgan.getByText(text).count()).toBe(0);
    await morgan.screenshot({ path: `${SHOTS}/dashboard-after-approve.png` });
    await morgan.keyboard.press('?');
    await morgan.screenshot({ path: `${SHOTS}/dashboard-shortcuts.png` });
    await morgan.keyboard.press('Escape');

    // Recent says who published it; the link now opens at the comment itself.
    await morgan.getByRole('navigation', { name: 'Queues' }).getByRole('button', { name: /^Recent/ }).click();
    const published = morgan.locator('.items > li').filter({ hasText: text });
    await published.locator('.decision', { hasText: /^Approved by Morgan/ }).waitFor();
    expect(await published.locator('a.thread').getAttribute('href')).toMatch(new RegExp(`${ARTICLE}#comment-[a-z0-9_-]+$`));

    // The reader sees it once their short-lived cached copy of the thread expires (max-age 5 s).
    await expect
      .poll(
        async () => {
          await guest.reload();
          await guest.locator('section[aria-label="Comments"] article').first().waitFor();
          return guest.locator('article', { hasText: text }).count();
        },
        { timeout: 20_000, interval: 1000 },
      )
      .toBe(1);

    for (const page of [alice, guest, morgan]) await page.context().close();
  });

  it('shows a held reply in its context: what it answers, its thread inline, its badges, and a link readers can open', { timeout: 60_000 }, async () => {
    const text = `You are an idiot if you defend these fares ${Date.now()}`;
    const alice = await pageAs('alice', ARTICLE);
    const section = alice.locator('section[aria-label="Comments"]');
    const parent = section.locator('article').filter({ has: alice.getByRole('button', { name: /^Report / }) }).first();
    const parentId = (await parent.getAttribute('id'))!.replace('comment-', '');
    await parent.getByRole('button', { name: /^Reply to / }).click();
    const replyForm = alice.locator('form', { has: alice.getByRole('textbox', { name: /^Reply to/ }) });
    await replyForm.getByRole('textbox').fill(text);
    await replyForm.getByRole('button', { name: 'Reply', exact: true }).click();
    await alice.getByRole('button', { name: /post anyway/i }).click();
    await alice.locator('article', { hasText: text }).getByText('Awaiting review').waitFor();

    const morgan = await pageAs('morgan', '/demo/moderate');
    const item = morgan.locator('.items > li').filter({ hasText: text });
    await item.waitFor();
    expect(await item.locator('.parent').textContent()).toMatch(/^In reply to /);
    expect(await item.locator('.context-badges li').allTextContents()).toContain('Posted after a nudge');
    // Held, so the link opens at the comment it answers, which readers can see.
    const href = (await item.locator('a.thread').getAttribute('href'))!;
    expect(href.endsWith(`${ARTICLE}#comment-${parentId}`)).toBe(true);
    await item.getByRole('button', { name: /^Show thread/ }).click();
    const thread = item.getByRole('region', { name: 'Thread' });
    await thread.locator('li[aria-current="true"]', { hasText: text }).waitFor();
    expect(await thread.locator(`li`).count()).toBeGreaterThan(1);
    await item.screenshot({ path: `${SHOTS}/dashboard-item-context.png` });
    expect(await violations(morgan, '#parley-moderate')).toEqual([]);

    // The link works for a reader: the widget opens the comment it points at.
    const reader = await pageAs('guest', `${ARTICLE}#comment-${parentId}`);
    await reader.locator(`article[id="comment-${parentId}"]`).waitFor();
    expect(await reader.getByText(text).count()).toBe(0);

    for (const page of [alice, morgan, reader]) await page.context().close();
  });
});
