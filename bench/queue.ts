// The moderation queue at newsroom scale, in Chromium against the demo: 10,000 pending comments
// seeded, then the dashboard's first item after a cold load, j to the next item with 2,000
// loaded, an approval's round trip (the key to the server's answer drawn), and a search's round
// trip (Enter to the matches drawn). Timings are taken in the page with performance.now().
import type { Page } from 'playwright-core';
import { DEMO_SITE_ID } from '../demo/site';
import { seedPendingQueue } from '../test/support/queue-seed';
import { withDemoBrowser } from './demo-browser';
import { median } from './load';

export interface QueueResult {
  seeded: number;
  /** ms from navigation start to the first queue item in the shadow DOM, median of the cold loads. */
  firstItemMsMedian: number;
  firstItemRuns: number[];
  /** When moderate.js and the first /moderation/queue answer had arrived (median, ms since navigation start). */
  phases: { moderateJs: number; session: number; queue: number };
  loaded: number;
  /** Rows in the DOM with `loaded` comments in the list. */
  rowsDrawn: number;
  nextP50Ms: number;
  nextP95Ms: number;
  approveP50Ms: number;
  approveP95Ms: number;
  searchP50Ms: number;
  searchP95Ms: number;
}

const SEED = 10_000;
const LOADED = 2_000;
const COLD_LOADS = 5;
const J_PRESSES = 200;
const APPROVALS = 30;
const SEARCHES = ['bridge', 'museum winter', 'nurses', 'clinic', 'rent zoning', 'ridership', 'market', 'evening shift', 'library', 'energy'];

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const round = (v: number) => Math.round(v * 10) / 10;

// Stamps the first queue item drawn in the dashboard's shadow root.
const WATCH_QUEUE = `(() => {
  window.__queueFirst = null;
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    const observer = new MutationObserver(() => {
      if (root.querySelector('.items > li')) { window.__queueFirst = performance.now(); observer.disconnect(); }
    });
    observer.observe(root, { childList: true, subtree: true });
    return root;
  };
})();`;

async function coldLoad(page: Page, url: string) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await page.goto(url);
  const first = (await (await page.waitForFunction('window.__queueFirst', undefined, { timeout: 30_000, polling: 50 })).jsonValue()) as number;
  const phases = (await page.evaluate(`(() => {
    const res = performance.getEntriesByType('resource');
    const end = (re) => { const e = res.find((r) => re.test(r.name)); return e ? Math.round(e.responseEnd) : -1; };
    return { moderateJs: end(/\\/moderate\\.js/), session: end(/\\/moderation\\/session/), queue: end(/\\/moderation\\/queue\\?/) };
  })()`)) as QueueResult['phases'];
  return { first: round(first), phases };
}

/** Load more until the list holds `count` comments, as a moderator clicking it would. */
async function loadUntil(page: Page, count: number): Promise<number> {
  return page.evaluate(async (want) => {
    const root = document.getElementById('parley-moderate')!.shadowRoot!;
    const listed = () => Number(/of (\d+) selected/.exec(root.querySelector('ol.items')?.getAttribute('aria-label') ?? '')?.[1] ?? 0);
    while (listed() < want) {
      const n = listed();
      const more = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Load more');
      if (!more) break;
      more.click();
      while (listed() === n) await new Promise((r) => setTimeout(r, 10));
    }
    return listed();
  }, count);
}

/** Times each key from its keydown to the change it waits for, drawn and laid out; one key a frame. */
async function timeKeys(page: Page, key: string, presses: number, done: 'next' | 'approved'): Promise<number[]> {
  return page.evaluate(
    async ({ key, presses, done }) => {
      const root = document.getElementById('parley-moderate')!.shadowRoot!;
      const selected = () => root.querySelector<HTMLElement>('.items > li[aria-current="true"]');
      const times: number[] = [];
      for (let i = 0; i < presses; i++) {
        const from = selected();
        const id = from?.dataset.id;
        const place = from?.getAttribute('aria-posinset');
        const reached = () => {
          if (done === 'next') return selected()?.getAttribute('aria-posinset') !== place;
          const row = root.querySelector(`.items > li.done[data-id="${id}"] .done-note`);
          return !!row && row.getAttribute('aria-busy') !== 'true';
        };
        const t0 = performance.now();
        await new Promise<void>((resolve) => {
          const observer = new MutationObserver(() => {
            if (!reached()) return;
            observer.disconnect();
            (root.host as HTMLElement).getBoundingClientRect();
            resolve();
          });
          observer.observe(root, { subtree: true, childList: true, attributes: true });
          document.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
        });
        times.push(performance.now() - t0);
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      }
      return times;
    },
    { key, presses, done },
  );
}

/** Times each search from Enter in the box to its first match drawn. */
async function timeSearches(page: Page, words: string[]): Promise<number[]> {
  return page.evaluate(async (words) => {
    const root = document.getElementById('parley-moderate')!.shadowRoot!;
    const box = root.querySelector<HTMLInputElement>('.filters input[type="search"]')!;
    const main = root.querySelector('.queue-main')!;
    const times: number[] = [];
    for (const w of words) {
      box.value = w;
      box.dispatchEvent(new Event('input', { bubbles: true }));
      const t0 = performance.now();
      box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      await new Promise<void>((resolve) => {
        // Drawn: the matches, or that there are none (a search must never hang the bench).
        const check = () => main.getAttribute('aria-busy') === 'false' && root.querySelector('.items mark.hit, .notice.empty');
        const observer = new MutationObserver(() => check() && (observer.disconnect(), resolve()));
        observer.observe(root, { subtree: true, childList: true, attributes: true });
      });
      times.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 300));
    }
    return times;
  }, words);
}

export async function benchQueue({ log }: { log: (s: string) => void }): Promise<QueueResult> {
  return withDemoBrowser(async ({ demo, browser, base }) => {
    const thread = await demo.client.execute({ sql: 'SELECT id FROM threads WHERE site_id = ? ORDER BY created_at LIMIT 1', args: [DEMO_SITE_ID] });
    const started = Date.now();
    await seedPendingQueue(demo.client, { siteId: DEMO_SITE_ID, threadId: String(thread.rows[0].id), count: SEED, tag: 'bench' });
    log(`  seeded ${SEED} pending comments in ${Date.now() - started} ms`);
    const url = `${base}/demo/moderate`;
    const cookie = [{ name: 'demo_persona', value: 'morgan', domain: new URL(base).hostname, path: '/' }];

    const runs: Awaited<ReturnType<typeof coldLoad>>[] = [];
    for (let i = 0; i < COLD_LOADS; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      try {
        await context.addCookies(cookie);
        await context.addInitScript({ content: WATCH_QUEUE });
        runs.push(await coldLoad(await context.newPage(), url));
      } finally {
        await context.close();
      }
    }
    const firstItemRuns = runs.map((r) => r.first);
    const phase = (k: keyof QueueResult['phases']) => median(runs.map((r) => r.phases[k]));
    log(`  first item: ${firstItemRuns.join(', ')} ms`);

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      await context.addCookies(cookie);
      // tsx compiles the functions handed to page.evaluate with esbuild's name helper; the page needs it too.
      await context.addInitScript({ content: 'window.__name = (f) => f;' });
      const page = await context.newPage();
      await page.goto(url);
      await page.locator('.items > li').first().waitFor();
      const loaded = await loadUntil(page, LOADED);
      const rowsDrawn = await page.locator('.items > li').count();
      log(`  ${loaded} loaded, ${rowsDrawn} rows drawn`);
      const next = await timeKeys(page, 'j', J_PRESSES, 'next');
      const approvals = await timeKeys(page, 'a', APPROVALS, 'approved');
      const searches = await timeSearches(page, SEARCHES);
      return {
        seeded: SEED,
        firstItemMsMedian: median(firstItemRuns),
        firstItemRuns,
        phases: { moderateJs: phase('moderateJs'), session: phase('session'), queue: phase('queue') },
        loaded,
        rowsDrawn,
        nextP50Ms: round(percentile(next, 50)),
        nextP95Ms: round(percentile(next, 95)),
        approveP50Ms: round(percentile(approvals, 50)),
        approveP95Ms: round(percentile(approvals, 95)),
        searchP50Ms: round(percentile(searches, 50)),
        searchP95Ms: round(percentile(searches, 95)),
      };
    } finally {
      await context.close();
    }
  });
}
