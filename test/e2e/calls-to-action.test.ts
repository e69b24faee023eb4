// End to end in real headless Chromium: the reader widget reports its invitation once, when it
// first comes on screen, and a click on its link even though the click navigates away; the
// server counts both by section and tier, and the dashboard's Stats tab shows them. The
// screenshot goes to test-results/screenshots/dashboard-stats-cta.png.
import { mkdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useDemoBrowser } from '../support/e2e';
import { violations } from '../support/axe';

const SHOTS = 'test-results/screenshots';
const e2e = useDemoBrowser();
beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

const ARTICLE = '/articles/city-budget';
// Short, so the comments and their invitation start below the fold.
const SHORT = { width: 1280, height: 480 };

interface CtaEvent {
  threadId: string;
  kind: string;
  event: string;
  token?: string;
}

interface Recorded {
  /** Content types of the requests the network saw, in order. */
  requests: (string | undefined)[];
  /** What the widget handed to sendBeacon (the network log does not show a beacon's Blob body). */
  bodies: CtaEvent[];
}

/** Records the page's call-to-action events from its next load on (the page is reloaded). */
async function recordEvents(page: Page): Promise<Recorded> {
  const recorded: Recorded = { requests: [], bodies: [] };
  await page.exposeFunction('recordCtaBeacon', (text: string) => recorded.bodies.push(JSON.parse(text)));
  await page.addInitScript(() => {
    const send = navigator.sendBeacon.bind(navigator);
    navigator.sendBeacon = (url, data) => {
      const record = (window as unknown as { recordCtaBeacon(text: string): void }).recordCtaBeacon;
      if (String(url).endsWith('/cta-events') && data instanceof Blob) void data.text().then(record);
      return send(url, data);
    };
  });
  page.on('request', (req) => {
    if (req.method() === 'POST' && req.url().endsWith('/cta-events')) recorded.requests.push(req.headers()['content-type']);
  });
  await page.reload();
  return recorded;
}

async function stats() {
  const res = await fetch(`${e2e.base}/api/v1/sites/demo/moderation/stats`, { headers: { 'X-Api-Key': e2e.demo.secrets.apiKey } });
  return (await res.json()).callsToAction as { section: string; tier: string; kind: string; impressions: number; clicks: number }[];
}

const row = (rows: Awaited<ReturnType<typeof stats>>, tier: string) => rows.find((r) => r.section === 'news' && r.tier === tier);

describe('calls to action', () => {
  it('reports the guest invitation once when it is seen, and the click that leaves the page', { timeout: 60_000 }, async () => {
    const before = row(await stats(), 'guest') ?? { impressions: 0, clicks: 0 };
    const page = await e2e.pageAs('guest', ARTICLE, SHORT);
    const sent = await recordEvents(page);
    const subscribe = page.locator('#parley-comments .cta a.primary');
    // The widget mounts a viewport early: the invitation is drawn below the fold, and not yet reported.
    await subscribe.waitFor({ state: 'attached' });
    expect(await subscribe.evaluate((a) => a.getBoundingClientRect().top > window.innerHeight)).toBe(true);
    await page.waitForTimeout(500);
    expect(sent.requests).toEqual([]);

    await subscribe.scrollIntoViewIfNeeded();
    await expect.poll(() => sent.bodies.length).toBe(1);
    // text/plain: a beacon of that type goes without a CORS preflight.
    expect(sent.requests).toEqual([expect.stringMatching(/^text\/plain/)]);
    expect(sent.bodies[0]).toEqual({ threadId: expect.any(String), kind: 'guest', event: 'impression' });
    // Off screen and back: still once.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(300);
    await subscribe.scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    expect(sent.requests).toHaveLength(1);

    // The click navigates away; its beacon still leaves, and the server counts it.
    await subscribe.click();
    await page.waitForURL(/\/subscribe$/);
    await expect.poll(() => sent.requests).toHaveLength(2);
    await expect.poll(async () => row(await stats(), 'guest')).toMatchObject({ impressions: before.impressions + 1, clicks: before.clicks + 1 });
    await page.context().close();
  });

  it('counts a member’s upgrade invitation under the tier of their token', { timeout: 60_000 }, async () => {
    const page = await e2e.pageAs('nell', ARTICLE, SHORT);
    const sent = await recordEvents(page);
    const upgrade = page.locator('#parley-comments .cta a.primary');
    await upgrade.scrollIntoViewIfNeeded();
    await expect.poll(() => sent.bodies.length).toBe(1);
    expect(sent.bodies[0]).toMatchObject({ kind: 'upgrade', event: 'impression', token: expect.any(String) });
    await expect.poll(async () => row(await stats(), 'newsletter')).toMatchObject({ kind: 'upgrade', impressions: 1, clicks: 0 });
    await page.context().close();
  });

  it('shows the invitations shown and clicked, with their click-through, in the Stats tab', { timeout: 60_000 }, async () => {
    const page = await e2e.pageAs('morgan', '/demo/moderate', { width: 1280, height: 900 });
    await page.getByRole('button', { name: 'Stats' }).click();
    const section = page.getByRole('region', { name: 'Calls to action, last 30 days' });
    const table = section.getByRole('table');
    await table.waitFor();
    expect(await table.locator('thead th').allTextContents()).toEqual(['Section', 'Tier', 'Invitation', 'Shown', 'Clicked', 'Click-through']);
    const guests = table.locator('tbody tr', { hasText: 'Subscribe (guests)' });
    expect(await guests.locator('td').allTextContents()).toEqual(['news', 'guest', 'Subscribe (guests)', '1', '1', '100%']);
    expect(await table.locator('tbody tr', { hasText: 'newsletter' }).locator('td').allTextContents()).toEqual(['news', 'newsletter', 'Upgrade', '1', '0', '0%']);
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/dashboard-stats-cta.png` });
    expect(await violations(page, '#parley-moderate')).toEqual([]);
    await page.context().close();
  });
});
