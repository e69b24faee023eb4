// Thirty days of volume, commenters, busiest articles, held share, rule hits and what moderators
// made of them, how long decisions took, nudges, and calls to action shown and clicked, for the
// dashboard's Stats tab.
import type { StatsResponse } from '../../../shared/schemas/moderation-api';
import type { SiteRecord } from '../../store/port';
import type { ServiceDeps } from '../deps';
import { utcDay } from '../cta/count-cta-event';

const DAY_MS = 24 * 3600 * 1000;

export async function moderationStats(deps: ServiceDeps, site: SiteRecord): Promise<StatsResponse> {
  const since = deps.now() - 30 * DAY_MS;
  const [days, ruleHits, nudges, articles, waits, waiting, rules, ctas] = await Promise.all([
    deps.store.dailyStats(site.id, since),
    deps.store.ruleHits(site.id, since),
    deps.store.nudgeCounts(site.id, since),
    deps.store.articleStats(site.id, since, 10),
    deps.store.decisionWaits(site.id, since),
    deps.store.pendingNow(site.id),
    deps.store.ruleDecisions(site.id, since),
    // Counted by UTC day: the window's first day counts whole.
    deps.store.ctaTotals(site.id, utcDay(since)),
  ]);
  const sorted = waits.sort((a, b) => a - b);
  return {
    days,
    ruleHits,
    nudges,
    articles,
    moderation: {
      decided: sorted.length,
      p50Ms: percentile(sorted, 0.5),
      p90Ms: percentile(sorted, 0.9),
      pending: waiting.pending,
      oldestPendingMs: waiting.oldest === null ? null : Math.max(0, deps.now() - waiting.oldest),
    },
    rules,
    callsToAction: ctas.map((row) => ({ ...row, clickThroughRate: row.impressions ? row.clicks / row.impressions : null })),
  };
}

/** The nearest-rank percentile of sorted figures; null for none. */
export function percentile(sorted: number[], p: number): number | null {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] : null;
}
