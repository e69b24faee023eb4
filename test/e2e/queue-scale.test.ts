// End to end in real headless Chromium: the moderation queue at newsroom scale. Search narrows
// the list and marks what matched, the sort changes the order, the new-members filter narrows it,
// comments another client posts wait behind a banner until Show, undo puts a comment back in its
// place, and with 2,000 comments loaded only the rows near the screen are in the DOM while j
// still walks through all of them. Screenshots go to test-results/screenshots/.
import { mkdirSync } from 'node:fs';
import { SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiPaths } from '../../shared/api-paths';
import { DEMO_SITE_ID } from '../../demo/site';
import { useDemoBrowser } from '../support/e2e';
import { seedPendingQueue } from '../support/queue-seed';

const SHOTS = 'test-results/screenshots';
const e2e = useDemoBrowser();
beforeAll(() => mkdirSync(SHOTS, { recursive: true }));
const ARTICLE = '/articles/city-budget';

const ALICE = { sub: 'demo-alice', name: 'Alice Archer' };
let readers = 0;
/** A member of its own for each post: the flooding rule allows five a minute each. */
const reader = () => ({ sub: `demo-reader-${++readers}`, name: `Reader ${readers}` });

/** Posts through the reader API as a member, past the nudge, so the comment waits for review. */
async function postHeld(body: string, member = reader()): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const token = await new SignJWT({ name: member.name, tier: 'member', role: 'member', badges: [] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(member.sub)
    .setAudience(DEMO_SITE_ID)
    .setIssuedAt(now)
    .setExpirationTime(now + 600)
    .sign(new TextEncoder().encode(e2e.demo.secrets.hs256Secret));
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const view = await fetch(`${e2e.base}${apiPaths.thread(DEMO_SITE_ID)}?url=${encodeURIComponent(e2e.demo.origin + ARTICLE)}`, { headers });
  const threadId = (await view.json()).thread.id as string;
  const res = await fetch(e2e.base + apiPaths.comments(DEMO_SITE_ID, threadId), { method: 'POST', headers, body: JSON.stringify({ body, afterNudge: 'post_anyway' }) });
  if (res.status !== 201) throw new Error(`Posting failed: ${res.status} ${await res.text()}`);
  const created = await res.json();
  expect(created.comment.status).toBe('pending');
  return created.comment.id as string;
}

/** The dashboard as Morgan, looking for new comments every second. */
async function dashboard(): Promise<Page> {
  const page = await e2e.pageAs('morgan', '/demo/moderate', { width: 1280, height: 900 });
  await page.route('**/demo/moderate', async (route) => {
    const res = await route.fetch();
    const html = (await res.text()).replace('<div id="parley-moderate"', '<div id="parley-moderate" data-poll-seconds="1"');
    await route.fulfill({ response: res, body: html });
  });
  await page.reload();
  await page.locator('.queue-main[aria-busy="false"]').waitFor();
  return page;
}

const rowIds = (page: Page) => page.locator('.items > li:not(.done)').evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.id));

async function search(page: Page, words: string) {
  await page.keyboard.press('/');
  await page.keyboard.type(words);
  await page.locator('.items mark.hit').first().waitFor();
}

describe('the queue at newsroom scale', () => {
  it('search narrows the list and marks what matched; the sort and the new-members filter change it', { timeout: 60_000 }, async () => {
    const quinn = { sub: 'demo-quinn', name: 'Quinn Newcomer' };
    const a = await postHeld('You are an idiot if you ignore the zephyrline tram.', quinn);
    // Alice has comments published: hers is no new member's.
    const b = await postHeld('You are an idiot if you scrap the zephyrline plan.', ALICE);
    const c = await postHeld('Zephyrline again: you are an idiot if you pay for it twice.', quinn);
    const page = await dashboard();

    await search(page, 'zephyr');
    await expect.poll(() => rowIds(page)).toEqual([c, b, a]);
    expect(await page.locator('.items mark.hit').allTextContents()).toEqual(['Zephyr', 'zephyr', 'zephyr']);
    await page.screenshot({ path: `${SHOTS}/dashboard-queue-search.png` });

    await page.locator('.filters select').filter({ has: page.locator('option[value="oldest"]') }).selectOption('oldest');
    await expect.poll(() => rowIds(page)).toEqual([a, b, c]);
    await page.getByLabel('New members only').check();
    await expect.poll(() => rowIds(page)).toEqual([a, c]);
    expect(await page.locator('.bulk').textContent()).not.toContain('matching');

    // Esc in the box clears the search, at once.
    await page.locator('.filters input[type="search"]').focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.items mark.hit').count()).toBe(0);
    expect(await page.locator('.filters input[type="search"]').inputValue()).toBe('');
    await page.context().close();
  });

  it('keeps what another client posts behind a banner until Show, which brings it in at the top', { timeout: 60_000 }, async () => {
    const page = await dashboard();
    const before = await rowIds(page);
    const first = await postHeld(`You are an idiot if you close the pool, first ${Date.now()}`);
    const second = await postHeld(`You are an idiot if you close the pool, second ${Date.now()}`, { sub: 'demo-rory', name: 'Rory Reader' });
    const banner = page.locator('.newer-banner');
    await expect.poll(() => banner.textContent(), { timeout: 10_000 }).toBe('2 new comments — Show');
    expect(await rowIds(page)).toEqual(before);
    await page.screenshot({ path: `${SHOTS}/dashboard-queue-banner.png` });

    await banner.getByRole('button', { name: 'Show' }).click();
    await expect.poll(async () => (await rowIds(page)).slice(0, 2)).toEqual([second, first]);
    await page.getByText('Showing 2 new comments, at the top.').waitFor();
    expect(await banner.textContent()).toBe('');
    await page.context().close();
  });

  it('undo puts a comment back in its place after the list was read again', { timeout: 60_000 }, async () => {
    const ids: string[] = [];
    for (const n of ['one', 'two', 'three']) ids.push(await postHeld(`You are an idiot if you fence the quayside, ${n}.`));
    const page = await dashboard();
    await search(page, 'quayside');
    const listed = [...ids].reverse();
    await expect.poll(() => rowIds(page)).toEqual(listed);
    await page.locator(`.items > li[data-id="${ids[1]}"]`).getByRole('button', { name: /^Approve/ }).click();
    await page.locator('.items > li.done', { hasText: / by Morgan Reyes — Undo$/ }).waitFor();
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(() => page.locator('.items > li.done').count()).toBe(0);
    expect(await rowIds(page)).toEqual([ids[2], ids[0]]);

    await page.keyboard.press('u');
    await expect.poll(() => rowIds(page)).toEqual(listed);
    expect(await page.locator('.items > li[aria-current="true"]').getAttribute('data-id')).toBe(ids[1]);
    await page.context().close();
  });

  it('with 2,000 comments loaded keeps only the rows near the screen in the DOM, and j walks through them all', { timeout: 120_000 }, async () => {
    const thread = await e2e.demo.client.execute({ sql: 'SELECT id FROM threads WHERE site_id = ? ORDER BY created_at LIMIT 1', args: [DEMO_SITE_ID] });
    await seedPendingQueue(e2e.demo.client, { siteId: DEMO_SITE_ID, threadId: String(thread.rows[0].id), count: 2000, newest: Date.now() - 60_000, tag: 'scale' });
    const page = await dashboard();
    const loaded = () => page.locator('ol.items').evaluate((el) => Number(/of (\d+) selected/.exec(el.getAttribute('aria-label') ?? '')?.[1]));
    // Load more until 2,000 are in the list (25 a page).
    while ((await loaded()) < 2000) {
      const n = await loaded();
      // Clicked where it is, without first scrolling the page down to it page after page.
      await page.getByRole('button', { name: 'Load more' }).dispatchEvent('click');
      await expect.poll(loaded).toBeGreaterThan(n);
    }
    const drawn = () => page.locator('.items > li').count();
    expect(await drawn()).toBeLessThan(100);
    expect(await page.locator('.items > li').first().getAttribute('aria-setsize')).toBe(String(await loaded()));

    for (let i = 0; i < 40; i++) await page.keyboard.press('j');
    const selected = page.locator('.items > li[aria-current="true"]');
    await expect.poll(() => selected.getAttribute('aria-posinset')).toBe('41');
    expect(await selected.isVisible()).toBe(true);

    // Far down the list the rows there are drawn instead, and the selected one is not.
    await page.evaluate(() => scrollTo(0, document.scrollingElement!.scrollHeight));
    const end = await loaded();
    await expect.poll(async () => Number(await page.locator('.items > li').last().getAttribute('aria-posinset')), { timeout: 5000 }).toBeGreaterThan(end - 20);
    expect(await drawn()).toBeLessThan(100);
    expect(await selected.count()).toBe(0);
    // j brings the selection back into view, one further.
    await page.keyboard.press('j');
    await expect.poll(() => selected.getAttribute('aria-posinset')).toBe('42');
    // In view, and below the sticky header rather than under it.
    const header = await page.locator('header.top').evaluate((el) => el.getBoundingClientRect().bottom);
    await expect.poll(() => selected.evaluate((el, top) => el.getBoundingClientRect().top >= top && el.getBoundingClientRect().bottom <= innerHeight, header)).toBe(true);
    await page.context().close();
  });
});
