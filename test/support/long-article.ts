// A long article on the demo publisher's site with the widget below the fold and a footer after
// it, served by the browser's own routing so the demo needs no page for it. End-to-end tests and
// the widget bench open it to watch when the widget mounts and whether anything moves.
import { SignJWT } from 'jose';
import type { BrowserContext, Page } from 'playwright-core';
import { apiPaths } from '../../shared/api-paths';
import { DEMO_SITE_ID } from '../../demo/site';

export const LONG_ARTICLE_PATH = '/articles/long-read';

const PARAGRAPH =
  'The council met for six hours on Tuesday to weigh the budget line by line, from bus lanes to library hours, and the public gallery stayed full until the last vote was taken well after ten.';

/** The page: `paragraphs` paragraphs of text (about 40 px each at 1280 px wide), the widget, a footer. */
export function longArticleHtml(options: { canonical: string; attrs?: string; paragraphs?: number }): string {
  const text = Array.from({ length: options.paragraphs ?? 60 }, (_, i) => `<p id="p${i}">${PARAGRAPH}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>A long read — The Daily Example</title><link rel="canonical" href="${options.canonical}">
<style>body { margin: 0; font: 18px/1.6 Georgia, serif; } main { max-width: 720px; margin: 0 auto; padding: 24px 16px; } footer { height: 200px; background: #1d1d1f; color: #fff; padding: 16px; }</style>
</head><body><main><article><h1>A long read</h1>
${text}
</article>
<div id="parley-comments"></div>
<script async src="/embed.js" data-site="${DEMO_SITE_ID}" ${options.attrs ?? ''}></script>
</main><footer id="site-footer">The Daily Example</footer></body></html>`;
}

/** Serves the long article at `base`'s LONG_ARTICLE_PATH in this context (the demo's origin, so embed.js and the API are its own). */
export async function routeLongArticle(context: BrowserContext | Page, base: string, canonicalOrigin: string, attrs = '', paragraphs?: number): Promise<string> {
  await context.route(base + LONG_ARTICLE_PATH, (route) =>
    route.fulfill({ contentType: 'text/html', body: longArticleHtml({ canonical: canonicalOrigin + LONG_ARTICLE_PATH, attrs, paragraphs }) }),
  );
  return base + LONG_ARTICLE_PATH;
}

/**
 * Runs in the page before any script: adds up the layout shifts Chromium reports (Cumulative
 * Layout Shift, without those right after input) in window.__cls, and keeps each with what moved.
 */
export const WATCH_LAYOUT_SHIFTS = `(() => {
  window.__cls = 0;
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      window.__cls += e.value;
      window.__shifts.push({ value: e.value, at: Math.round(e.startTime), sources: (e.sources || []).map((s) => s.node && (s.node.id || s.node.nodeName)) });
    }
  }).observe({ type: 'layout-shift', buffered: true });
})();`;

/** Posts a comment on the long article's thread (its canonical URL under `canonicalOrigin`) as a demo member, through the API at `base`. */
export async function postAsMember(base: string, canonicalOrigin: string, secret: string, body: string, member = { sub: 'demo-alice', name: 'Alice Archer' }): Promise<void> {
  const now = Math.floor(Date.now() / 1000);
  const token = await new SignJWT({ name: member.name, tier: 'member', role: 'member', badges: [] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(member.sub)
    .setAudience(DEMO_SITE_ID)
    .setIssuedAt(now)
    .setExpirationTime(now + 600)
    .sign(new TextEncoder().encode(secret));
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const view = await fetch(`${base}${apiPaths.thread(DEMO_SITE_ID)}?url=${encodeURIComponent(canonicalOrigin + LONG_ARTICLE_PATH)}`, { headers });
  const threadId = (await view.json()).thread.id as string;
  const res = await fetch(base + apiPaths.comments(DEMO_SITE_ID, threadId), { method: 'POST', headers, body: JSON.stringify({ body }) });
  if (res.status !== 201) throw new Error(`Posting failed: ${res.status} ${await res.text()}`);
}
