// End to end in real headless Chromium: the comment section passes axe-core's WCAG 2.1 A/AA
// checks for a guest and a member, on a phone and a desktop, light and dark, and leaves
// screenshots of each in test/e2e/screenshots/ for a person to look at.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useDemoBrowser, type Persona } from '../support/e2e';
import { violations } from '../support/axe';

const e2e = useDemoBrowser();
const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } };

describe('the comment section, checked by axe-core', () => {
  for (const persona of ['guest', 'alice'] as Persona[])
    for (const [device, viewport] of Object.entries(VIEWPORTS))
      it(`has no WCAG A/AA violations for a ${persona === 'guest' ? 'guest' : 'member'} on a ${device}, light and dark`, async () => {
        const page = await e2e.pageAs(persona, '/articles/city-budget', viewport);
        await page.locator('section[aria-label="Comments"] article').first().waitFor();
        if (persona !== 'guest') await page.locator('#parley-comments textarea').first().waitFor();
        mkdirSync(SHOTS, { recursive: true });
        for (const theme of ['light', 'dark']) {
          await page.evaluate((t) => document.querySelector('#parley-comments')!.setAttribute('data-parley-theme', t), theme);
          expect(await violations(page), theme).toEqual([]);
          await page.locator('#parley-comments').screenshot({ path: join(SHOTS, `${persona}-${device}-${theme}.png`) });
        }
        // Nothing wider than a phone: no sideways scrolling.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        await page.context().close();
      });

  it('has no WCAG A/AA violations with a reply box, the report form or a delete confirmation open', async () => {
    const page = await e2e.pageAs('alice', '/articles/city-budget', VIEWPORTS.desktop);
    page.setDefaultTimeout(5000);
    const section = page.locator('#parley-comments');
    await section.locator('textarea').first().waitFor();
    const others = section.locator('article').filter({ has: page.getByRole('button', { name: /^Report / }) }).first();
    // One form at a time on a comment: the reply box, then the report form.
    await others.getByRole('button', { name: /^Reply to / }).click();
    await others.locator('textarea').waitFor();
    expect(await violations(page), 'reply box').toEqual([]);
    await others.getByRole('button', { name: /^Report / }).click();
    await others.getByRole('radio').first().waitFor();
    expect(await violations(page), 'report form').toEqual([]);
    const own = section.locator('article').filter({ has: page.getByRole('button', { name: 'Delete your comment' }) }).first();
    if ((await own.count()) === 0) {
      await section.locator('textarea').first().fill(`A comment of my own ${Date.now()}`);
      await page.getByRole('button', { name: 'Post', exact: true }).click();
    }
    // Held by its id: the confirmation takes the place of the button that found it.
    const ownId = await own.getAttribute('id');
    await own.getByRole('button', { name: 'Delete your comment' }).click();
    await section.locator(`article[id="${ownId}"]`).getByRole('group', { name: 'Confirm deletion' }).waitFor();
    expect(await violations(page), 'delete confirmation').toEqual([]);
    await section.screenshot({ path: join(SHOTS, 'member-forms-open.png') });
    await page.context().close();
  });

  it('has no WCAG A/AA violations for a member whose tier cannot comment here, and for a section that could not load', async () => {
    const page = await e2e.pageAs('nell', '/articles/city-budget', VIEWPORTS.phone);
    await page.getByText(/You can only comment on the newsletter's articles/).waitFor();
    expect(await violations(page)).toEqual([]);
    await page.locator('#parley-comments').screenshot({ path: join(SHOTS, 'limited-tier-phone.png') });
    // A second section for a site the service does not know: it says so, and nothing else.
    await page.evaluate(() => {
      const el = document.createElement('div');
      el.id = 'parley-broken';
      document.querySelector('#parley-comments')!.after(el);
      void (window as unknown as { Parley: { mount(el: Element, c: { site: string }): Promise<unknown> } }).Parley.mount(el, { site: 'no-such-site' });
    });
    await page.locator('#parley-broken').getByText(/not set up on the comment service/).waitFor();
    expect(await violations(page, '#parley-broken')).toEqual([]);
    await page.context().close();
  });
});
