// End to end in real headless Chromium: the dashboard's rules form is read-only for a moderator
// who is not an admin, and for the site owner marks each value to fix on its own field, naming
// the limit, and takes them to the first on Save. Screenshots go to test/e2e/screenshots/.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useDemoBrowser } from '../support/e2e';

const e2e = useDemoBrowser();
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

const DESKTOP = { width: 1280, height: 900 };

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

describe('the rules form', () => {
  it('is read-only for a moderator, saying only admins may change the rules', { timeout: 60_000 }, async () => {
    const page = await e2e.pageAs('morgan', '/demo/moderate', DESKTOP);
    await page.getByRole('button', { name: 'Rules' }).click();
    await page.getByText('Only admins and the site owner (signed in with the API key) may change the rules.', { exact: false }).waitFor();
    const form = page.getByRole('form', { name: 'Moderation rules' });
    expect(await form.locator('input:enabled, select:enabled, textarea:enabled').count()).toBe(0);
    expect(await form.getByRole('button', { name: 'Save rules' }).count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/rules-read-only.png` });
    expect(await violations(page)).toEqual([]);
    await page.context().close();
  });

  it('marks each value to fix with its limit, and Save takes the owner to the first', { timeout: 60_000 }, async () => {
    const page = await e2e.pageAs('guest', '/moderate?site=demo', DESKTOP);
    await page.locator('input[name="secret"]').fill(e2e.demo.secrets.apiKey);
    await page.locator('input[name="secret"]').press('Enter');
    await page.getByRole('button', { name: 'Rules' }).click();
    const shortest = page.getByLabel('Shortest (characters)');
    await shortest.fill('100');
    await page.getByLabel('Longest (characters)').fill('50');
    const maxLinks = page.getByLabel('Most links allowed');
    await maxLinks.fill('');
    await page.getByRole('button', { name: 'Save rules' }).click();

    await expect.poll(() => shortest.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    const messageOf = (input: typeof shortest) => input.evaluate((el) => (el.getRootNode() as ShadowRoot).getElementById(el.getAttribute('aria-describedby')!)?.textContent);
    expect(await messageOf(shortest)).toBe('must be at most the longest length, 50');
    expect(await messageOf(maxLinks)).toBe('is required');
    await page.getByRole('alert').getByText('2 values to fix; each is marked above.').waitFor();
    await page.screenshot({ path: `${SHOTS}/rules-inline-errors.png` });
    expect(await violations(page)).toEqual([]);
    await page.context().close();
  });
});
