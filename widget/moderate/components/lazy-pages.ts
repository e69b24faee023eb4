// The tabs a moderator does not open first, each in a chunk of its own that the build splits off
// moderate.js and the dashboard fetches the first time the tab is opened (then keeps, per mount).
import { useEffect, useState } from 'preact/hooks';

export const LAZY_PAGES = {
  threads: () => import('./threads-page').then((m) => m.ThreadsPage),
  rules: () => import('./rules-page').then((m) => m.RulesPage),
  site: () => import('./site/site-page').then((m) => m.SitePage),
  webhooks: () => import('./webhooks/webhooks-page').then((m) => m.WebhooksPage),
  audit: () => import('./audit-page').then((m) => m.AuditPage),
  stats: () => import('./stats-page').then((m) => m.StatsPage),
};
export type LazyTab = keyof typeof LAZY_PAGES;
export type LoadedPages = { [K in LazyTab]?: Awaited<ReturnType<(typeof LAZY_PAGES)[K]>> };

const isLazy = (tab: string): tab is LazyTab => Object.prototype.hasOwnProperty.call(LAZY_PAGES, tab);

export interface LazyPages {
  pages: LoadedPages;
  /** The open tab's chunk could not be fetched (offline, or a deploy replaced it). */
  failed: boolean;
  retry(): void;
}

/** Fetches the open tab's chunk unless it is here already. */
export function useLazyPages(tab: string): LazyPages {
  const [pages, setPages] = useState<LoadedPages>({});
  const [failed, setFailed] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!isLazy(tab) || pages[tab]) return;
    let current = true;
    setFailed(null);
    LAZY_PAGES[tab]().then(
      (page) => current && setPages((p) => ({ ...p, [tab]: page })),
      () => current && setFailed(tab),
    );
    return () => {
      current = false;
    };
  }, [tab, attempt]);
  return { pages, failed: failed === tab, retry: () => setAttempt((n) => n + 1) };
}
