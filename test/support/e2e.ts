// One demo server and one Chromium per end-to-end file, started before its tests and always
// stopped after them, with a way to open a page as any of the demo's personas.
import { afterAll, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { startTestDemo, type RunningDemo } from './demo';

export type Persona = 'guest' | 'nell' | 'alice' | 'morgan';

export interface DemoBrowser {
  readonly demo: RunningDemo;
  readonly browser: Browser;
  /** http://127.0.0.1:PORT of the demo. */
  readonly base: string;
  /** A fresh browser context on `path`, signed in as the persona (through the demo's switcher). */
  pageAs(persona: Persona, path: string, viewport?: { width: number; height: number }): Promise<Page>;
}

/** `env`: the demo server's own variables (see startTestDemo). */
export function useDemoBrowser(env: Record<string, string> = {}): DemoBrowser {
  let demo: RunningDemo;
  let browser: Browser;
  let base = '';

  beforeAll(async () => {
    demo = await startTestDemo(env);
    browser = await launchBrowser();
    base = `http://127.0.0.1:${new URL(demo.origin).port}`;
  });

  afterAll(async () => {
    await browser?.close();
    await demo?.stop();
  });

  return {
    get demo() {
      return demo;
    },
    get browser() {
      return browser;
    },
    get base() {
      return base;
    },
    async pageAs(persona, path, viewport) {
      const context = await browser.newContext(viewport ? { viewport } : {});
      const page = await context.newPage();
      await page.goto(base + path);
      if (persona !== 'guest') {
        await page.locator(`nav.personas form:has(input[value="${persona}"]) button`).click();
        await page.waitForURL(base + path);
      }
      return page;
    },
  };
}
