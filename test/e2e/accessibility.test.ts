// End to end in real headless Chromium: the comment section passes axe-core's WCAG 2.1 A/AA
// checks for a guest and a member, on a phone and a desktop, light and dark, and leaves
// screenshots of each in test/e2e/screenshots/ for a person to look at.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useDemoBrowser, type Persona } from '../support/e2e';

const e2e = useDemoBrowser();
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

interface Violation {
  id: string;
  help: string;
  nodes: { target: unknown[] }[];
}

/** axe-core's violations inside the widget (its shadow root included), WCAG 2.1 A and AA. */
async function violations(page: Page): Promise<Violation[]> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run({ include: ['#parley-comments'] }, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
    return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
}

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
});
