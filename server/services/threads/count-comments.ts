// Comment counts for article listings, keyed by exactly what the caller asked with.
import type { CountsQuery } from '../../../shared/schemas/thread';
import type { SiteRecord } from '../../store/port';
import type { ServiceDeps } from '../deps';
import { pageKeyFor } from './page-key';

export async function countComments(deps: ServiceDeps, site: SiteRecord, query: CountsQuery): Promise<Record<string, number>> {
  const asked = new Map<string, string>(); // page key → the value the caller sent
  for (const url of query.url ?? []) {
    if (URL.canParse(url)) asked.set(pageKeyFor(url), url);
  }
  for (const pageId of query.pageId ?? []) asked.set(pageKeyFor('', pageId), pageId);
  const stored = await deps.store.countComments(site.id, [...asked.keys()]);
  const counts: Record<string, number> = {};
  for (const [key, value] of asked) counts[value] = stored.get(key) ?? 0;
  return counts;
}
