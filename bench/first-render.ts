// First render in headless Chromium: the demo publisher's article page with a 200-comment
// thread, from navigation start to the 200th comment in the widget's shadow DOM, and to the
// composer being ready for a signed-in member. Cold loads: a new context each, cache disabled.
//
// The widget asks for its default first page (20 top-level comments with all their replies),
// so the thread is seeded as 20 top-level comments with 9 direct replies each: 200 comments,
// all on the first page and all rendered (direct replies sit above the folding depth).
import type { Browser } from 'playwright-core';
import { ARTICLES } from '../demo/articles';
import { withDemoBrowser } from './demo-browser';
import { median, round } from './load';
import { seedComments, seedThread, seedUsers } from './seed';
import { topFramesOf, type Frame } from './profile';

export const RENDER_COMMENTS = 200;
export const RENDER_RUNS = 7;

export interface RenderResult {
  ms200Median: number;
  /** The frame after the 200th comment entered the DOM. */
  ms200FrameMedian: number;
  composerReadyMsMedian: number;
  /** Median of each waterfall step's end, ms since navigation start. */
  phases: Phases;
  runs: { ms200: number; ms200Frame: number; composerReady: number; phases: Phases }[];
  /** With --profile: the page's main-thread top self-time frames during one extra load. */
  profile?: Frame[];
}

export interface Phases {
  html: number;
  domContentLoaded: number;
  embedJs: number | null;
  appJs: number | null;
  tokenStart: number | null;
  token: number | null;
  threadStart: number | null;
  thread: number | null;
}

/**
 * Runs in the page before any script: catches the widget's shadow root as it is attached and
 * watches it with a MutationObserver, stamping performance.now() (ms since navigation start)
 * at the first mutation batch where the 200th <article> exists and where the textarea is enabled.
 * Kept as source text: the page must get it exactly as written, without build-time helpers.
 */
const WATCH_WIDGET = `(() => {
  const target = ${RENDER_COMMENTS};
  const marks = { ms200: null, ms200Frame: null, composerReady: null };
  window.__parleyMarks = marks;
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    if (this.id !== 'parley-comments') return root;
    const observer = new MutationObserver(() => {
      const now = performance.now();
      if (marks.ms200 === null && root.querySelectorAll('article').length >= target) {
        marks.ms200 = now;
        requestAnimationFrame(() => { marks.ms200Frame = performance.now(); });
      }
      if (marks.composerReady === null) {
        const field = root.querySelector('textarea');
        if (field && !field.disabled) marks.composerReady = now;
      }
      if (marks.ms200 !== null && marks.composerReady !== null) observer.disconnect();
    });
    observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] });
    return root;
  };
})();`;

async function coldLoad(browser: Browser, url: string, profile = false) {
  const context = await browser.newContext();
  try {
    await context.addCookies([{ name: 'demo_persona', value: 'alice', domain: new URL(url).hostname, path: '/' }]);
    await context.addInitScript({ content: WATCH_WIDGET });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    await page.goto(url);
    const marks = await page.waitForFunction(
      `(() => { const m = window.__parleyMarks; return m && m.ms200 !== null && m.ms200Frame !== null && m.composerReady !== null ? m : null; })()`,
      undefined,
      { timeout: 30_000, polling: 100 },
    );
    const m = (await marks.jsonValue()) as { ms200: number; ms200Frame: number; composerReady: number };
    const frames = profile ? topFramesOf((await cdp.send('Profiler.stop')).profile as never, 15) : undefined;
    // Where the time went: when each step of the waterfall finished (ms since navigation start).
    const phases = (await page.evaluate(`(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const res = performance.getEntriesByType('resource');
      const end = (re) => { const e = res.find((r) => re.test(r.name)); return e ? Math.round(e.responseEnd) : null; };
      const start = (re) => { const e = res.find((r) => re.test(r.name)); return e ? Math.round(e.startTime) : null; };
      return { html: Math.round(nav.responseEnd), domContentLoaded: Math.round(nav.domContentLoadedEventEnd),
        embedJs: end(/\\/embed\\.js/), appJs: end(/\\/app\\.js/), tokenStart: start(/\\/demo\\/token/), token: end(/\\/demo\\/token/),
        threadStart: start(/\\/api\\/v1\\/sites\\/demo\\/thread/), thread: end(/\\/api\\/v1\\/sites\\/demo\\/thread/) };
    })()`)) as Phases;
    // The composer really takes input (outside the timed span).
    const field = page.locator('#parley-comments textarea').first();
    await field.fill('Ready to type.');
    if ((await field.inputValue()) !== 'Ready to type.') throw new Error('The composer did not accept input');
    return { ms200: round(m.ms200, 1), ms200Frame: round(m.ms200Frame, 1), composerReady: round(m.composerReady, 1), phases, frames };
  } finally {
    await context.close();
  }
}

export function benchFirstRender(opts: { log?: (s: string) => void; profile?: boolean } = {}): Promise<RenderResult> {
  const log = opts.log ?? (() => {});
  return withDemoBrowser(async ({ demo, browser, base }) => {
    const article = ARTICLES[1];
    // The thread the page's canonical URL opens, as the widget would create it on first view.
    const threadId = 'render200';
    await seedThread(demo.client, { id: threadId, siteId: 'demo', section: 'newsletter', url: demo.origin + article.path, title: article.title });
    const authors = await seedUsers(demo.client, 60, 'demo');
    await seedComments(demo.client, { siteId: 'demo', threadId, total: RENDER_COMMENTS, repliesPerRoot: 9, authors });
    const url = base + article.path;
    // One load to warm the server and the disk, not counted.
    await coldLoad(browser, url);
    const runs: RenderResult['runs'] = [];
    for (let i = 0; i < RENDER_RUNS; i++) {
      const { frames: _, ...run } = await coldLoad(browser, url);
      runs.push(run);
      log(`  render: run ${i + 1}: 200 comments ${runs[i].ms200} ms, composer ${runs[i].composerReady} ms`);
    }
    const profile = opts.profile ? (await coldLoad(browser, url, true)).frames : undefined;
    return {
      profile,
      ms200Median: median(runs.map((r) => r.ms200)),
      ms200FrameMedian: median(runs.map((r) => r.ms200Frame)),
      composerReadyMsMedian: median(runs.map((r) => r.composerReady)),
      phases: Object.fromEntries(
        Object.keys(runs[0].phases).map((k) => [k, median(runs.map((r) => r.phases[k as keyof Phases] ?? NaN))]),
      ) as unknown as Phases,
      runs,
    };
  });
}
