// End to end in real headless Chromium against the demo publisher: a long article whose comments
// load only when the reader scrolls near them, without moving the page, and then stay live.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useDemoBrowser } from '../support/e2e';
import { postAsMember, routeLongArticle, WATCH_LAYOUT_SHIFTS } from '../support/long-article';

const e2e = useDemoBrowser();
const POLL_SECONDS = 2;

/** Where an element's top is in the document, whatever the scroll position. */
const top = (page: Page, selector: string) => page.evaluate((s) => document.querySelector(s)!.getBoundingClientRect().top + scrollY, selector);
const height = (page: Page, selector: string) => page.evaluate((s) => document.querySelector(s)!.getBoundingClientRect().height, selector);

describe('a long article', () => {
  it('mounts the widget only near the viewport, holds its height, and shows a comment posted meanwhile on request', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 720 } });
    await context.addInitScript({ content: WATCH_LAYOUT_SHIFTS });
    const page = await context.newPage();
    const url = await routeLongArticle(page, e2e.base, e2e.demo.origin, `data-poll-seconds="${POLL_SECONDS}"`);
    const threadRequests: string[] = [];
    page.on('request', (r) => void (r.url().includes('/api/v1/sites/demo/thread?') && threadRequests.push(r.url())));
    // The first thread request waits until the test has seen the page while it loads.
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    await page.route('**/api/v1/sites/demo/thread?**', async (route) => (await released, route.continue()));

    await page.goto(url);
    await page.waitForFunction(() => (window as { Parley?: unknown }).Parley);
    const host = await top(page, '#parley-comments');
    const footer = await top(page, '#site-footer');
    const lastParagraph = await top(page, '#p59');
    // Far below the fold: nothing asked for, nothing drawn, the height held.
    expect(host).toBeGreaterThan(4 * 720);
    expect(await height(page, '#parley-comments')).toBe(720);
    await page.evaluate((y) => scrollTo(0, y), host - 2.5 * 720);
    await page.waitForTimeout(300);
    expect(threadRequests).toEqual([]);
    expect(await page.evaluate(() => document.getElementById('parley-comments')!.shadowRoot)).toBeNull();

    // Within a viewport's height of the screen: it mounts, grey lines in the held space.
    await page.evaluate((y) => scrollTo(0, y), host - 1.5 * 720);
    await expect.poll(() => threadRequests.length).toBe(1);
    const section = page.locator('section[aria-label="Comments"]');
    await section.locator('[role="status"]', { hasText: 'Loading comments…' }).waitFor({ state: 'attached' });
    expect(await section.locator('[aria-hidden="true"] p').count()).toBe(3);
    expect(await top(page, '#site-footer')).toBe(footer);

    // The thread renders below the fold, and the reader scrolls down to it: nothing they saw moved.
    release();
    await section.locator('h2').waitFor();
    expect(await page.evaluate(() => document.getElementById('parley-comments')!.style.minHeight)).toBe('');
    expect(await top(page, '#p59')).toBe(lastParagraph);
    expect(await top(page, '#parley-comments')).toBe(host);
    await page.evaluate((y) => scrollTo(0, y), host - 100);
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as { __cls?: number }).__cls)).toBe(0);

    // Another member posts: within the poll interval the reader is told, and the thread waits.
    const text = `Posted from another browser ${Date.now()}`;
    await postAsMember(e2e.base, e2e.demo.origin, e2e.demo.secrets.hs256Secret, text);
    const banner = section.locator('.live');
    await expect.poll(() => banner.textContent(), { timeout: (POLL_SECONDS * 2 + 2) * 1000 }).toBe('1 new comment — show');
    expect(await section.locator('article', { hasText: text }).count()).toBe(0);
    await banner.getByRole('button', { name: 'show' }).click();
    await expect.poll(() => section.locator('article', { hasText: text }).count()).toBe(1);
    expect(await section.locator('h2').textContent()).toBe('1 comment');
    expect(await banner.textContent()).toBe('');
    await context.close();
  });
});
