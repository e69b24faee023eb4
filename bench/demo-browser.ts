// The demo publisher and one headless Chromium for the benches that load pages, both stopped
// however the bench ends.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../test/support/browser';
import { startTestDemo, type RunningDemo } from '../test/support/demo';
import { buildWidget } from '../scripts/build-widget';

export interface BenchDemo {
  demo: RunningDemo;
  browser: Browser;
  /** http://127.0.0.1:PORT of the demo. */
  base: string;
}

/** Builds the widget if it was never built, starts the demo and Chromium, runs `use`, stops both. */
export async function withDemoBrowser<T>(use: (d: BenchDemo) => Promise<T>): Promise<T> {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  if (!existsSync(join(root, 'widget/dist/app.js'))) await buildWidget();
  const demo = await startTestDemo();
  let browser: Browser | null = null;
  try {
    browser = await launchBrowser();
    return await use({ demo, browser, base: `http://127.0.0.1:${new URL(demo.origin).port}` });
  } finally {
    await browser?.close();
    await demo.stop();
  }
}
