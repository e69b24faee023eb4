// End to end in real headless Chromium: a moderator's decision sticks. A rejected comment stays
// rejected when its author tries to edit it, and a row's own Undo in the dashboard takes back
// exactly that action.
import { describe, expect, it } from 'vitest';
import { useDemoBrowser, type Persona } from '../support/e2e';

const e2e = useDemoBrowser();
const pageAs = (persona: Persona, path: string) => e2e.pageAs(persona, path, { width: 1280, height: 900 });
const ARTICLE = '/articles/city-budget';

async function postHeld(persona: Persona, text: string) {
  const page = await pageAs(persona, ARTICLE);
  await page.locator('textarea').first().fill(text);
  await page.getByRole('button', { name: 'Post', exact: true }).click();
  await page.getByRole('button', { name: /post anyway/i }).click();
  await page.locator('article', { hasText: text }).getByText('Awaiting review').waitFor();
  return page;
}

describe('a moderator’s decision end to end', () => {
  it('an author cannot bring back a comment a moderator rejected by editing it', { timeout: 60_000 }, async () => {
    const text = `You are an idiot and everyone knows it ${Date.now()}`;
    const alice = await postHeld('alice', text);

    const morgan = await pageAs('morgan', '/demo/moderate');
    await morgan.locator('.items > li', { hasText: text }).waitFor();
    await morgan.locator('.items > li', { hasText: text }).click();
    await morgan.keyboard.press('r');
    await morgan.getByRole('menu').waitFor();
    await morgan.keyboard.press('Enter');
    await morgan.getByText(/^Rejected ‘You are an idiot/).first().waitFor();

    // The author's page still shows the comment as it was; editing it is refused and explained.
    const id = await alice.locator('article', { hasText: text }).getAttribute('id');
    const mine = alice.locator(`article[id="${id}"]`);
    await mine.getByRole('button', { name: 'Edit' }).click();
    await mine.locator('textarea').fill(`${text}!`);
    await mine.getByRole('button', { name: 'Save' }).click();
    await mine.getByText('This comment was not published, so it can no longer be edited. You can delete it.').waitFor();

    // Still rejected: in the dashboard's rejected queue, and no reader sees it.
    await morgan.reload();
    await morgan.getByRole('button', { name: /^Rejected/ }).click();
    await morgan.locator('.items > li', { hasText: text }).waitFor();
    const guest = await pageAs('guest', ARTICLE);
    await guest.locator('section[aria-label="Comments"] article').first().waitFor();
    expect(await guest.locator('article', { hasText: text.slice(0, 30) }).count()).toBe(0);

    for (const page of [alice, morgan, guest]) await page.context().close();
  });

  it('a row’s Undo in the dashboard puts an approved comment back in the queue, unpublished', { timeout: 60_000 }, async () => {
    const text = `You are an idiot if you back this plan ${Date.now()}`;
    const alice = await postHeld('alice', text);

    const morgan = await pageAs('morgan', '/demo/moderate');
    const row = morgan.locator('.items > li', { hasText: text });
    await row.waitFor();
    await row.getByRole('button', { name: /^Approve/ }).click();
    const done = morgan.locator('.items > li.done', { hasText: /^Approved ‘You are an idiot if you back/ });
    await expect.poll(() => done.textContent()).toMatch(/ by Morgan Reyes — Undo$/);
    await done.getByRole('button', { name: 'Undo' }).click();
    await morgan.getByText(/^Undid: Approved ‘You are an idiot if you back/).waitFor();
    await row.getByRole('button', { name: /^Approve/ }).waitFor();

    // The server agrees: a fresh dashboard still lists it as pending.
    await morgan.reload();
    await morgan.locator('.items > li', { hasText: text }).getByRole('button', { name: /^Approve/ }).waitFor();
    // And its author still sees it awaiting review.
    await alice.reload();
    await alice.locator('article', { hasText: text }).getByText('Awaiting review').waitFor();

    for (const page of [alice, morgan]) await page.context().close();
  });
});
