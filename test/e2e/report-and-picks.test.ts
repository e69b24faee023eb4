// End to end in real headless Chromium against the demo publisher: a member reports a comment
// through the lazily loaded form, and a featured comment leads the thread as an editor's pick.
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { useDemoBrowser } from '../support/e2e';

const e2e = useDemoBrowser();

/** A fresh browser context signed in as one of the demo personas, once the comment section is there. */
async function pageAs(persona: 'nell' | 'alice', path: string): Promise<Page> {
  const page = await e2e.pageAs(persona, path);
  await page.locator('section[aria-label="Comments"]').waitFor();
  return page;
}

/** The moderator API, with the demo site's key. */
async function moderate(method: string, path: string, body?: unknown) {
  const res = await fetch(`${e2e.base}/api/v1/sites/demo/moderation${path}`, {
    method,
    headers: { 'X-Api-Key': e2e.demo.secrets.apiKey, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  expect(res.status).toBe(200);
  return res.json();
}

const isFocused = (el: Locator) => el.evaluate((node) => (node.getRootNode() as ShadowRoot).activeElement === node);

async function postAsAlice(text: string): Promise<string> {
  const page = await pageAs('alice', '/articles/city-budget');
  await page.getByRole('textbox', { name: /comment/i }).first().fill(text);
  await page.getByRole('button', { name: 'Post', exact: true }).click();
  const posted = page.locator('article').filter({ hasText: text });
  await expect.poll(() => posted.count()).toBe(1);
  const id = (await posted.getAttribute('id'))!.replace('comment-', '');
  await page.context().close();
  return id;
}

describe('reporting and editor’s picks end to end', () => {
  it('a member reports another member’s comment with the keyboard, and moderators find it in the reported queue', async () => {
    const text = `Bus lanes will empty the high street ${Date.now()}`;
    const id = await postAsAlice(text);

    const page = await pageAs('nell', '/articles/city-budget');
    const chunks: string[] = [];
    page.on('request', (r) => /\/report-dialog-\w+\.js$/.test(r.url()) && chunks.push(r.url()));
    const theirs = page.locator(`article[id="comment-${id}"]`);
    const report = theirs.getByRole('button', { name: /^Report / });
    expect(chunks).toEqual([]);
    await report.click();

    // The form arrives on demand, from beside app.js, and takes focus.
    const attack = theirs.getByRole('radio', { name: 'Personal attack' });
    await expect.poll(() => isFocused(attack)).toBe(true);
    expect(chunks).toHaveLength(1);
    expect(chunks[0].startsWith(`${e2e.base}/report-dialog-`)).toBe(true);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => theirs.getByRole('radio', { name: 'Stoking fear or anger' }).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Scaremongering about local shops.');
    await theirs.getByRole('button', { name: 'Submit', exact: true }).click();

    await expect.poll(() => theirs.getByText('Thanks — a moderator will take a look.').count()).toBe(1);
    await expect.poll(() => isFocused(report)).toBe(true);
    expect(await theirs.getByRole('radio').count()).toBe(0);

    const queue = await moderate('GET', '/queue?queue=reported');
    const item = queue.items.find((i: { id: string }) => i.id === id);
    expect(item).toMatchObject({ body: text, reports: [{ reason: 'fear_anger', note: 'Scaremongering about local shops.', count: 1 }] });

    // Escape closes a second attempt without sending anything.
    await report.click();
    await expect.poll(() => isFocused(theirs.getByRole('radio', { name: 'Personal attack' }))).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => isFocused(report)).toBe(true);
    expect((await moderate('GET', '/queue?queue=reported')).items.find((i: { id: string }) => i.id === id).reports[0].count).toBe(1);
    await page.context().close();
  });

  it('a featured comment appears under Editor’s picks after a reload, and once in the thread with its badge', async () => {
    const text = `The library hours matter more than fares ${Date.now()}`;
    const id = await postAsAlice(text);
    const page = await pageAs('nell', '/articles/city-budget');
    expect(await page.locator('.picks').filter({ hasText: text }).count()).toBe(0);

    await moderate('POST', `/comments/${id}`, { action: 'feature' });
    await page.reload();
    await page.locator('section[aria-label="Comments"]').waitFor();
    const picks = page.locator('.picks');
    await expect.poll(() => picks.filter({ hasText: text }).count()).toBe(1);
    expect(await picks.getByRole('heading', { name: "Editor's picks" }).count()).toBe(1);
    expect(await picks.locator('li', { hasText: text }).getByText("Editor's pick", { exact: true }).count()).toBe(1);
    const inThread = page.locator(`article[id="comment-${id}"]`);
    expect(await inThread.count()).toBe(1);
    expect(await inThread.getByText("Editor's pick", { exact: true }).count()).toBe(1);
    await page.context().close();
  });
});
