// Thirty days of volume, held share, rule hits and nudges for the dashboard's charts.
import type { StatsResponse } from '../../../shared/schemas/moderation-api';
import type { SiteRecord } from '../../store/port';
import type { ServiceDeps } from '../deps';

const DAY_MS = 24 * 3600 * 1000;

export async function moderationStats(deps: ServiceDeps, site: SiteRecord): Promise<StatsResponse> {
  const since = deps.now() - 30 * DAY_MS;
  const [days, ruleHits, nudges] = await Promise.all([
    deps.store.dailyStats(site.id, since),
    deps.store.ruleHits(site.id, since),
    deps.store.nudgeCounts(site.id, since),
  ]);
  return { days, ruleHits, nudges };
}
