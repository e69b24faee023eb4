// The reader's page while the widget loads and then idles, in headless Chromium against the demo
// publisher: a long article (the widget about six screens down, a footer after it) with a
// 30-comment thread. Measures Cumulative Layout Shift (Chromium's 'layout-shift' entries, as
// Core Web Vitals count them) as a reader scrolls down to the comments, or jumps straight to
// them, with the default settings and with no held height; how long after the jump the first
// comment shows with the default near-viewport mount; and the requests the widget makes per
// minute once idle, while the page is visible and while it is hidden. Each load is a new guest
// context.
import type { Page } from 'playwright-core';
import { LONG_ARTICLE_PATH, routeLongArticle, WATCH_LAYOUT_SHIFTS } from '../test/support/long-article';
import { withDemoBrowser, type BenchDemo } from './demo-browser';
import { median, round } from './load';
import { seedComments, seedThread, seedUsers } from './seed';

/** Three 20 s polls fit the visible window; the hidden one spans two intervals where none may come. */
export const VISIBLE_WINDOW_MS = 60_000;
export const HIDDEN_WINDOW_MS = 40_000;
export const FIRST_COMMENT_RUNS = 5;

export interface LiveResult {
  /** CLS by how the reader reaches the comments and how the widget is embedded. */
  cls: { scrolled: number; jumped: number; jumpedHeld320: number; scrolledUnheld: number; jumpedUnheld: number };
  /** From the jump to the comments to the first comment in the shadow DOM, default settings. */
  firstComment: { medianMs: number; runsMs: number[] };
  /** Requests to the API per minute once the thread is on screen (default 20 s poll). */
  requestsPerMinuteVisible: number;
  requestsPerMinuteHidden: number;
  /** The visible window's answers by status: a thread where nothing changed answers 304. */
  visibleStatuses: Record<string, number>;
  /** How long each idle window really lasted; the rates above are per minute of it. */
  idleWindowSeconds: { visible: number; hidden: number };
}

/** No held height and no waiting: the widget as it was embedded before either existed. */
const UNHELD = 'data-load="eager" data-min-height="0"';
/** A held height well under the 30-comment thread's, where the default is one viewport (720 px here). */
const HELD_320 = 'data-min-height="320"';

/**
 * Runs in the page before any script: catches the widget's shadow root as it is attached and
 * stamps performance.now() in window.__firstComment at the first change where an <article> exists.
 */
const WATCH_FIRST_COMMENT = `(() => {
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    if (this.id !== 'parley-comments') return root;
    const observer = new MutationObserver(() => {
      if (!root.querySelector('article')) return;
      window.__firstComment = performance.now();
      observer.disconnect();
    });
    observer.observe(root, { childList: true, subtree: true });
    return root;
  };
})();`;

/** Where the reader's pages open: the browser, the demo's loopback address, its canonical origin. */
type Reader = Pick<BenchDemo, 'browser' | 'base'> & { origin: string };

/** Opens the long article embedded with `attrs` in a new guest context, runs `use`, closes the context. */
async function onLongArticle<T>(r: Reader, attrs: string, initScript: string | null, use: (page: Page) => Promise<T>): Promise<T> {
  const context = await r.browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    if (initScript) await context.addInitScript({ content: initScript });
    const page = await context.newPage();
    await page.goto(await routeLongArticle(page, r.base, r.origin, attrs));
    return await use(page);
  } finally {
    await context.close();
  }
}

/** A "comments" link in the article's header: straight there, whatever has loaded. */
const jumpToComments = (page: Page) => page.evaluate(() => document.getElementById('parley-comments')!.scrollIntoView());
const threadShown = (page: Page) => page.locator('section[aria-label="Comments"] h2').waitFor();

function clsFor(r: Reader, attrs: string, reach: 'scroll' | 'jump'): Promise<number> {
  return onLongArticle(r, attrs, WATCH_LAYOUT_SHIFTS, async (page) => {
    await page.mouse.move(640, 360);
    if (reach === 'jump') await jumpToComments(page);
    else {
      // Reading speed with a wheel: 100 px every 100 ms, down to the footer.
      for (let i = 0; i < 200 && (await page.evaluate(() => innerHeight + scrollY < document.body.scrollHeight - 2)); i++) {
        await page.mouse.wheel(0, 100);
        await page.waitForTimeout(100);
      }
    }
    await threadShown(page);
    await page.waitForTimeout(1000);
    return round((await page.evaluate(() => (window as unknown as { __cls: number }).__cls)) as number, 4);
  });
}

/**
 * The reader has read the article while embed.js and app.js loaded (nothing on the network for
 * half a second), then jumps to the comments: the container enters the viewport, the widget
 * mounts, asks for the thread and draws it.
 */
function firstCommentMs(r: Reader): Promise<number> {
  return onLongArticle(r, '', WATCH_FIRST_COMMENT, async (page) => {
    await page.waitForLoadState('networkidle');
    if (await page.evaluate(() => document.getElementById('parley-comments')!.shadowRoot !== null)) {
      throw new Error('The widget mounted before the reader came near it');
    }
    const scrolledAt = await page.evaluate(() => {
      const at = performance.now();
      document.getElementById('parley-comments')!.scrollIntoView();
      return at;
    });
    await page.waitForFunction(() => (window as { __firstComment?: number }).__firstComment !== undefined, undefined, { timeout: 30_000, polling: 50 });
    const shownAt = (await page.evaluate(() => (window as { __firstComment?: number }).__firstComment)) as number;
    return round(shownAt - scrolledAt, 1);
  });
}

function idleRequests(r: Reader, log: (s: string) => void) {
  return onLongArticle(r, '', null, async (page) => {
    // Each API answer, by when its request was sent (ms since the epoch, like Date.now()).
    const asked: { at: number; status: number; poll: boolean }[] = [];
    page.on('response', (res) => {
      if (res.url().includes('/api/v1/')) asked.push({ at: res.request().timing().startTime, status: res.status(), poll: res.url().endsWith('/comments?sort=newest') });
    });
    await jumpToComments(page);
    await threadShown(page);
    // The first poll comes 20 s after the thread is on screen; the visible window starts 10 s
    // before it, so no poll falls on either edge of it.
    const deadline = Date.now() + 30_000;
    while (!asked.some((s) => s.poll) && Date.now() < deadline) await page.waitForTimeout(100);
    const firstPoll = asked.find((s) => s.poll);
    if (!firstPoll) throw new Error('No poll within 30 s of the thread showing');
    const visibleFrom = firstPoll.at - 10_000;
    log(`  live: counting requests for ${VISIBLE_WINDOW_MS / 1000} s visible…`);
    await page.waitForTimeout(visibleFrom + VISIBLE_WINDOW_MS - Date.now());
    // Headless Chromium calls every page visible, so the page is told it is hidden the way a
    // browser would: visibilityState, then the visibilitychange event.
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      Object.defineProperty(document, 'hidden', { value: true, configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    const hiddenFrom = Date.now();
    log(`  live: counting requests for ${HIDDEN_WINDOW_MS / 1000} s hidden…`);
    await page.waitForTimeout(HIDDEN_WINDOW_MS);
    const end = Date.now();
    const visible = asked.filter((s) => s.at >= visibleFrom && s.at < hiddenFrom);
    const hidden = asked.filter((s) => s.at >= hiddenFrom && s.at < end);
    const perMinute = (n: number, ms: number) => round((n * 60_000) / ms, 1);
    const visibleStatuses: Record<string, number> = {};
    for (const { status } of visible) visibleStatuses[status] = (visibleStatuses[status] ?? 0) + 1;
    return {
      requestsPerMinuteVisible: perMinute(visible.length, hiddenFrom - visibleFrom),
      requestsPerMinuteHidden: perMinute(hidden.length, end - hiddenFrom),
      visibleStatuses,
      idleWindowSeconds: { visible: round((hiddenFrom - visibleFrom) / 1000, 1), hidden: round((end - hiddenFrom) / 1000, 1) },
    };
  });
}

export function benchLivePage(opts: { log?: (s: string) => void } = {}): Promise<LiveResult> {
  const log = opts.log ?? (() => {});
  return withDemoBrowser(async ({ demo, browser, base }) => {
    const threadId = 'longread';
    await seedThread(demo.client, { id: threadId, siteId: 'demo', url: demo.origin + LONG_ARTICLE_PATH, title: 'A long read' });
    const authors = await seedUsers(demo.client, 10, 'demo');
    await seedComments(demo.client, { siteId: 'demo', threadId, total: 30, repliesPerRoot: 2, authors });
    const r: Reader = { browser, base, origin: demo.origin };
    const cls = {
      scrolled: await clsFor(r, '', 'scroll'),
      jumped: await clsFor(r, '', 'jump'),
      jumpedHeld320: await clsFor(r, HELD_320, 'jump'),
      scrolledUnheld: await clsFor(r, UNHELD, 'scroll'),
      jumpedUnheld: await clsFor(r, UNHELD, 'jump'),
    };
    log(`  live: CLS scrolled ${cls.scrolled}, jumped ${cls.jumped} (${cls.jumpedHeld320} holding 320 px); without a held height ${cls.scrolledUnheld}, ${cls.jumpedUnheld}`);
    // The CLS loads above have already warmed the server and the thread.
    const runsMs: number[] = [];
    for (let i = 0; i < FIRST_COMMENT_RUNS; i++) runsMs.push(await firstCommentMs(r));
    log(`  live: first comment ${runsMs.join(', ')} ms after the jump`);
    return { cls, firstComment: { medianMs: median(runsMs), runsMs }, ...(await idleRequests(r, log)) };
  });
}
