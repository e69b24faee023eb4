// First render in headless Chromium: the demo publisher's article page with a 200-comment
// thread, from navigation start to the 200th comment in the widget's shadow DOM, and to the
// composer being ready for a signed-in member. Cold loads: a new context each, cache disabled.
//
// The widget asks for its default first page (20 top-level comments with all their replies),
// so the thread is seeded as 20 top-level comments with 9 direct replies each: 200 comments,
// all on the first page and all rendered (direct replies sit above the folding depth).
//
// The physical limit for reference: the same page with the same 200 comments as static HTML
// (the widget's own markup and styles in a declarative shadow root, no script), served by the
// same server from the same origin, loaded in the same browser the same way.
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { ARTICLES } from '../demo/articles';
import { withDemoBrowser } from './demo-browser';
import { median, round } from './load';
import { seedComments, seedThread, seedUsers } from './seed';
import { topFramesOf, type Frame } from './profile';

export const RENDER_COMMENTS = 200;
export const RENDER_RUNS = 7;
const STATIC_DIR = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'widget', 'dist');
const STATIC_NAME = 'bench-static-render.html';

export interface RenderResult {
  ms200Median: number;
  /** The frame after the 200th comment entered the DOM. */
  ms200FrameMedian: number;
  composerReadyMsMedian: number;
  /** Median of each waterfall step's end, ms since navigation start. */
  phases: Phases;
  runs: { ms200: number; ms200Frame: number; composerReady: number; phases: Phases; paint: Paint }[];
  /** First screenful, all 200 and CLS as painted frames show them: the widget, and the static page of the same comments. */
  paint: { widget: Paint; static: Paint; staticRuns: Paint[] };
  /** With --profile: the page's main-thread top self-time frames during one extra load. */
  profile?: Frame[];
}

export interface Paint {
  /** The first frame with a comment (an <article>) laid out, ms since navigation start. */
  firstScreenful: number;
  /** Where that comment starts on the page, px from its top (the viewport is 720 px high). */
  firstTop: number;
  /** The first frame with all 200 comments in the DOM. */
  all: number;
  /** Layout shift (entries without recent input) until half a second after all 200. */
  cls: number;
  /** The first node each shift moved, and its score (the first five shifts). */
  shifted: string[];
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

/**
 * Runs in the page before any script, on the widget's page and the static one alike: checks every
 * animation frame for the first <article> of the comments' shadow root laid out (a box with a
 * height) and for the 200th, and adds up layout-shift entries as Core Web Vitals count them.
 * At 1280 × 720 the comments start just below the fold, under the article and the composer, so
 * the first screenful is the one a reader scrolling to them meets: timed from its first comment's layout.
 */
const WATCH_PAINT = `(() => {
  const target = ${RENDER_COMMENTS};
  const paint = { firstScreenful: null, firstTop: null, all: null, cls: 0, shifted: [] };
  window.__parleyPaint = paint;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      paint.cls += e.value;
      const node = e.sources && e.sources[0] && e.sources[0].node;
      if (paint.shifted.length < 5) paint.shifted.push((node ? node.nodeName.toLowerCase() + (node.id ? '#' + node.id : '') : '?') + ' ' + e.value.toFixed(4));
    }
  }).observe({ type: 'layout-shift', buffered: true });
  const frame = () => {
    const root = document.getElementById('parley-comments')?.shadowRoot;
    if (root) {
      if (paint.firstScreenful === null) {
        const first = root.querySelector('article');
        const box = first && first.getBoundingClientRect();
        if (box && box.height > 0) {
          paint.firstScreenful = performance.now();
          paint.firstTop = Math.round(box.top + scrollY);
        }
      }
      if (paint.all === null && root.querySelectorAll('article').length >= target) paint.all = performance.now();
    }
    if (paint.firstScreenful === null || paint.all === null) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();`;

const PAINT_DONE = `(() => { const p = window.__parleyPaint; return p && p.firstScreenful !== null && p.all !== null ? p : null; })()`;

/** Waits for both paint marks, then half a second more for late shifts, and reads them. */
async function paintMarks(page: Page): Promise<Paint> {
  await page.waitForFunction(PAINT_DONE, undefined, { timeout: 30_000, polling: 100 });
  await page.waitForTimeout(500);
  const p = (await page.evaluate('window.__parleyPaint')) as Paint;
  return { firstScreenful: round(p.firstScreenful, 1), firstTop: p.firstTop, all: round(p.all, 1), cls: round(p.cls, 4), shifted: p.shifted };
}

async function coldContext(browser: Browser, url: string) {
  const context = await browser.newContext();
  await context.addCookies([{ name: 'demo_persona', value: 'alice', domain: new URL(url).hostname, path: '/' }]);
  await context.addInitScript({ content: WATCH_PAINT });
  return context;
}

async function coldLoad(browser: Browser, url: string, profile = false) {
  const context = await coldContext(browser, url);
  try {
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
    const paint = await paintMarks(page);
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
    return { ms200: round(m.ms200, 1), ms200Frame: round(m.ms200Frame, 1), composerReady: round(m.composerReady, 1), phases, paint, frames };
  } finally {
    await context.close();
  }
}

/**
 * The widget's page as drawn after a load, made static: scripts removed, the comments' shadow
 * root (its <style> and markup) written out as a declarative shadow root.
 */
async function staticCopy(browser: Browser, url: string): Promise<string> {
  const context = await coldContext(browser, url);
  try {
    const page = await context.newPage();
    await page.goto(url);
    await paintMarks(page);
    return (await page.evaluate(`(() => {
      const host = document.getElementById('parley-comments');
      const copy = document.documentElement.cloneNode(true);
      for (const script of copy.querySelectorAll('script')) script.remove();
      const shadow = document.createElement('template');
      shadow.setAttribute('shadowrootmode', 'open');
      shadow.innerHTML = host.shadowRoot.innerHTML;
      copy.querySelector('#parley-comments').replaceChildren(shadow);
      return '<!doctype html>' + copy.outerHTML;
    })()`)) as string;
  } finally {
    await context.close();
  }
}

async function staticLoad(browser: Browser, url: string): Promise<Paint> {
  const context = await coldContext(browser, url);
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.goto(url);
    return await paintMarks(page);
  } finally {
    await context.close();
  }
}

const medianPaint = (runs: Paint[]): Paint => ({
  firstScreenful: median(runs.map((r) => r.firstScreenful)),
  firstTop: median(runs.map((r) => r.firstTop)),
  all: median(runs.map((r) => r.all)),
  cls: median(runs.map((r) => r.cls)),
  shifted: runs.find((r) => r.shifted.length)?.shifted ?? [],
});

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
    // The static reference goes out with the widget's files, so the same server sends it. Its loads
    // take turns with the widget's, so both meet the same load on a shared machine.
    const staticFile = join(STATIC_DIR, STATIC_NAME);
    writeFileSync(staticFile, await staticCopy(browser, url));
    const runs: RenderResult['runs'] = [];
    const staticRuns: Paint[] = [];
    try {
      for (let i = 0; i < RENDER_RUNS; i++) {
        const { frames: _, ...run } = await coldLoad(browser, url);
        runs.push(run);
        staticRuns.push(await staticLoad(browser, `${base}/${STATIC_NAME}`));
        const [p, s] = [run.paint, staticRuns[i]];
        log(`  render: run ${i + 1}: 200 comments ${run.ms200} ms, composer ${run.composerReady} ms; painted first screenful / 200 / CLS: widget ${p.firstScreenful} / ${p.all} ms / ${p.cls}, static ${s.firstScreenful} / ${s.all} ms / ${s.cls}`);
      }
    } finally {
      rmSync(staticFile, { force: true });
    }
    const profile = opts.profile ? (await coldLoad(browser, url, true)).frames : undefined;
    return {
      profile,
      paint: { widget: medianPaint(runs.map((r) => r.paint)), static: medianPaint(staticRuns), staticRuns },
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
