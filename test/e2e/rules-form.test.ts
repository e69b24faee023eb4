// End to end in real headless Chromium: the dashboard's rules form is read-only for a moderator
// who is not an admin, and for the site owner marks each value to fix on its own field, naming
// the limit, and takes them to the first on Save; the external scorer's URL is refused inline as
// the server would, and its secret is never shown, only set, kept or removed. Screenshots go to
// test/e2e/screenshots/.
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

  it('edits the external scorer: the URL refused inline in the server’s words, the secret set, kept and removed, never shown', { timeout: 60_000 }, async () => {
    const page = await e2e.pageAs('guest', '/moderate?site=demo', DESKTOP);
    await page.locator('input[name="secret"]').fill(e2e.demo.secrets.apiKey);
    await page.locator('input[name="secret"]').press('Enter');
    await page.getByRole('button', { name: 'Rules' }).click();
    const scorer = page.getByRole('group', { name: 'External scorer' });
    await scorer.getByRole('checkbox', { name: 'External scorer' }).check();
    const url = scorer.getByLabel('Scorer URL');
    const messageOf = (input: typeof url) =>
      input.evaluate((el) => (el.getRootNode() as ShadowRoot).getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent ?? null);
    await url.fill('http://scorer.example/score');
    expect(await messageOf(url)).toBe('must be an https URL');
    await url.fill('https://127.0.0.1/score');
    expect(await messageOf(url)).toBe('must be a public address');
    await page.screenshot({ path: `${SHOTS}/rules-scorer-url-error.png` });
    await page.getByRole('button', { name: 'Save rules' }).click();
    await expect.poll(() => url.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);

    await url.fill('https://scorer.example/score');
    expect(await url.getAttribute('aria-invalid')).toBeNull();
    await scorer.getByLabel('Hold at a score at or above').fill('0.8');
    const timeout = scorer.getByLabel('Wait at most (milliseconds)');
    await timeout.fill('20000');
    expect(await messageOf(timeout)).toBe('must be at most 10000');
    await timeout.fill('1200');
    const secret = scorer.getByLabel('Signing secret');
    expect(await messageOf(secret)).toBe('(not set)');
    await secret.fill('a-new-signing-secret');
    await page.getByRole('button', { name: 'Save rules' }).click();
    await page.getByText('Saved', { exact: true }).waitFor();

    const settings = async () => {
      const res = await fetch(`${e2e.base}/api/v1/sites/demo/moderation/settings`, { headers: { 'X-Api-Key': e2e.demo.secrets.apiKey } });
      const text = await res.text();
      expect(text).not.toContain('a-new-signing-secret');
      return JSON.parse(text).settings.externalScorer;
    };
    // Reads may come from the server's site cache, a few seconds old.
    await expect.poll(settings, { timeout: 10_000 }).toMatchObject({ enabled: true, url: 'https://scorer.example/score', threshold: 0.8, timeoutMs: 1200, secretSet: true });
    // Saved: the field is blank again and says a secret is set; the page holds it nowhere.
    expect(await secret.inputValue()).toBe('');
    expect(await messageOf(secret)).toBe('(set — type a new one to replace)');
    expect(await page.content()).not.toContain('a-new-signing-secret');
    await page.screenshot({ path: `${SHOTS}/rules-scorer-secret-set.png` });

    // Another change leaves the secret as it is.
    await scorer.getByLabel('Hold at a score at or above').fill('0.7');
    await page.getByRole('button', { name: 'Save rules' }).click();
    await page.getByText('Saved', { exact: true }).waitFor();
    await expect.poll(settings, { timeout: 10_000 }).toMatchObject({ threshold: 0.7, secretSet: true });

    await scorer.getByRole('button', { name: 'Remove secret' }).click();
    expect(await messageOf(secret)).toBe('(will be removed when you save)');
    await page.getByRole('button', { name: 'Save rules' }).click();
    await expect.poll(async () => (await settings()).secretSet, { timeout: 10_000 }).toBe(false);
    expect(await messageOf(secret)).toBe('(not set)');
    expect(await scorer.getByRole('button', { name: 'Remove secret' }).count()).toBe(0);
    expect(await violations(page)).toEqual([]);
    await page.context().close();
  });
});
