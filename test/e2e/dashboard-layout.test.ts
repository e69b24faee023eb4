// End to end in real headless Chromium: the moderator dashboard at phone, tablet and desktop
// widths, with a held comment in the queue. Nothing scrolls sideways; the member drawer sits beside
// the queue where there is room and opens over it elsewhere. Screenshots go to test/e2e/screenshots/.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { useDemoBrowser } from '../support/e2e';

const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const e2e = useDemoBrowser();

const WIDTHS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'tablet', width: 768, height: 1024 },
  { name: 'desktop', width: 1280, height: 900 },
];

beforeAll(async () => {
  // A held comment, so the queue has an item and its author a drawer.
  const alice = await e2e.pageAs('alice', '/articles/city-budget');
  await alice.locator('textarea').first().fill(`You are an idiot if you think fares should rise ${Date.now()}`);
  await alice.getByRole('button', { name: 'Post', exact: true }).click();
  await alice.getByRole('button', { name: /post anyway/i }).click();
  await alice.getByText('Awaiting review').first().waitFor();
  await alice.context().close();
});

describe('the dashboard layout', () => {
  for (const { name, width, height } of WIDTHS) {
    it(`fits ${width} px without sideways scrolling, and shows the author's drawer (${name})`, { timeout: 60_000 }, async () => {
      const page = await e2e.pageAs('morgan', '/demo/moderate', { width, height });
      await page.locator('.items > li').first().waitFor();
      const overflow = () => page.evaluate(() => document.scrollingElement!.scrollWidth - innerWidth);
      expect(await overflow()).toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(SHOTS, `dashboard-${name}.png`) });

      const drawer = page.locator('.panel');
      if (width > 1100) {
        // Beside the queue, already showing the selected comment's author.
        await drawer.getByRole('heading', { level: 2 }).waitFor();
        expect(await drawer.getAttribute('role')).toBe('complementary');
      } else {
        expect(await drawer.isVisible()).toBe(false);
        await page.getByRole('button', { name: /^About / }).click();
        await drawer.getByRole('heading', { level: 2 }).waitFor();
        expect(await drawer.getAttribute('role')).toBe('dialog');
        const box = (await drawer.boundingBox())!;
        // Over the queue, on screen, never wider than it.
        expect(box.x + box.width).toBeLessThanOrEqual(width + 1);
        expect(box.y).toBeLessThanOrEqual(1);
        expect(await overflow()).toBeLessThanOrEqual(0);
        await page.screenshot({ path: join(SHOTS, `dashboard-${name}-drawer.png`) });
        await page.keyboard.press('Escape');
        await expect.poll(() => drawer.isVisible()).toBe(false);
      }
      // The Threads tab fits too, and opens the thread with its comments.
      await page.getByRole('button', { name: 'Threads', exact: true }).click();
      await page.locator('table.threads tbody tr').first().waitFor();
      expect(await overflow()).toBeLessThanOrEqual(0);
      await page.locator('table.threads .title').first().click();
      await page.locator('.thread-comments li').first().waitFor();
      expect(await overflow()).toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(SHOTS, `dashboard-${name}-thread.png`) });
      await page.context().close();
    });
  }
});
