// End to end in real headless Chromium: the site owner opens the dashboard's Site tab, edits the
// guidelines and a tier's sections (the "who may comment where" preview follows as they type),
// is shown a bad origin on its own line, saves, sees the article show the new guidelines, and
// rotates the API key: the new key is shown once, the old one is refused, the dashboard goes on.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useDemoBrowser } from '../support/e2e';

const SHOTS = 'test-results/screenshots';
const e2e = useDemoBrowser();
beforeAll(() => mkdirSync(SHOTS, { recursive: true }));
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

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

/** The preview's cell for a tier and a section: ✓ or ✗. */
async function cell(page: Page, tier: string, section: string): Promise<string> {
  const table = page.locator('table.matrix');
  const columns = await table.locator('thead th').allInnerTexts();
  const column = columns.findIndex((text) => text.split('\n')[0].trim() === section);
  expect(column, `a column for ${section} in ${columns.join(' | ')}`).toBeGreaterThan(0);
  return (await table.locator('tbody tr', { has: page.locator(`th:text-is("${tier}")`) }).locator('th, td').nth(column).locator('[aria-hidden]').innerText()).trim();
}

/** The form's row for a tier (inputs hold their value as a property, so it is read, not matched). */
async function tierRow(page: Page, tier: string) {
  const rows = page.locator('.site-row').filter({ has: page.getByLabel('Tier', { exact: true }) });
  for (let i = 0; i < (await rows.count()); i++) {
    if ((await rows.nth(i).getByLabel('Tier', { exact: true }).inputValue()) === tier) return rows.nth(i);
  }
  throw new Error(`no row for the tier ${tier}`);
}

/** The sentence a field is described by, its error. */
const messageOf = (page: Page, label: string) =>
  page.getByLabel(label, { exact: true }).evaluate((el) => {
    const ids = (el.getAttribute('aria-describedby') ?? '').split(' ');
    return ids.map((id) => (el.getRootNode() as ShadowRoot).getElementById(id)?.textContent ?? '').join(' ');
  });

describe('the Site tab', () => {
  it('edits the guidelines and a tier’s sections with a live preview, marks a bad origin, saves, and rotates the API key', { timeout: 90_000 }, async () => {
    const page = await e2e.pageAs('guest', '/moderate?site=demo', { width: 1280, height: 900 });
    await page.locator('input[name="secret"]').fill(e2e.demo.secrets.apiKey);
    await page.locator('input[name="secret"]').press('Enter');
    await page.getByRole('button', { name: 'Site', exact: true }).click();
    const form = page.getByRole('form', { name: 'Site settings' });
    await form.waitFor();
    expect(await page.getByLabel('HS256 shared secret').getAttribute('placeholder')).toBe('set — enter a new one to replace it');

    // The preview follows the tier's sections as they are typed.
    expect(await cell(page, 'newsletter', 'news')).toBe('✗');
    expect(await cell(page, 'newsletter', 'newsletter')).toBe('✓');
    await (await tierRow(page, 'newsletter')).getByLabel('May comment in').fill('newsletter, news');
    expect(await cell(page, 'newsletter', 'news')).toBe('✓');
    await form.getByLabel('Guidelines', { exact: true }).fill('Stay on the topic of the article. Debate ideas, not people.');

    // A bad origin is named on its own line, at once, and Save takes the owner to it.
    const origins = form.getByLabel('Allowed origins, one per line');
    const good = await origins.inputValue();
    await origins.fill(`${good}\nnews.example.com/articles`);
    expect(await messageOf(page, 'Allowed origins, one per line')).toContain('“news.example.com/articles”: must be an origin such as https://news.example.com');
    await page.getByRole('button', { name: 'Save site settings' }).click();
    await page.getByRole('alert').getByText('One value to fix; it is marked above.').waitFor();
    await expect.poll(() => origins.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    await page.screenshot({ path: `${SHOTS}/dashboard-site-bad-origin.png` });
    expect(await violations(page)).toEqual([]);

    await origins.fill(good);
    await page.getByRole('button', { name: 'Save site settings' }).click();
    await page.getByRole('status').getByText('Site settings saved.').waitFor();

    // The article shows the new guidelines on its next load; Nell may now comment on news articles.
    const nell = await e2e.pageAs('nell', '/articles/city-budget');
    await nell.getByText('Stay on the topic of the article.', { exact: false }).first().waitFor();
    await nell.locator('textarea').first().waitFor();
    await nell.context().close();

    // Rotating the key: confirmed first, the new key shown once; the old one stops working at once.
    await page.getByRole('button', { name: 'Rotate API key' }).click();
    await page.getByRole('alertdialog', { name: 'Rotate the site API key?' }).getByRole('button', { name: 'Rotate the key' }).click();
    const shown = page.getByLabel('New API key — shown this once');
    await shown.waitFor();
    const newKey = await shown.inputValue();
    expect(newKey).toMatch(/^pk_[0-9a-f]{48}$/);
    await page.getByRole('button', { name: 'Copy', exact: true }).waitFor();
    // The tiers beside the preview of what they allow and the key just issued (the side column stays in view).
    await page.getByRole('button', { name: 'Add a tier' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/dashboard-site.png` });

    const session = `${e2e.base}/api/v1/sites/demo/moderation/session`;
    expect((await page.request.get(session, { headers: { 'X-Api-Key': e2e.demo.secrets.apiKey } })).status()).toBe(403);
    expect((await page.request.get(session, { headers: { 'X-Api-Key': newKey } })).status()).toBe(200);
    // This dashboard signed in with the old key and goes on with the new one.
    await page.getByRole('button', { name: 'Audit', exact: true }).click();
    await page.getByText('Issued a new site API key', { exact: false }).first().waitFor();
    await page.context().close();
  });

  it('is read-only for a moderator who is not an admin, saying why, and fits a phone without sideways scrolling', { timeout: 60_000 }, async () => {
    const page = await e2e.pageAs('morgan', '/demo/moderate', { width: 390, height: 844 });
    await page.getByRole('button', { name: 'Site', exact: true }).click();
    await page.getByText('Only admins and the site owner (signed in with the API key) may change the site settings.', { exact: false }).waitFor();
    const form = page.getByRole('form', { name: 'Site settings' });
    expect(await form.locator('input:enabled, select:enabled, textarea:enabled').count()).toBe(0);
    expect(await form.getByRole('button', { name: 'Save site settings' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Rotate API key' }).isDisabled()).toBe(true);
    // What a moderator may read is there: the guidelines, and who may comment where.
    expect(await form.getByLabel('Guidelines', { exact: true }).inputValue()).not.toBe('');
    await page.locator('table.matrix').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SHOTS}/dashboard-site-read-only-phone.png` });
    await page.context().close();
  });
});
