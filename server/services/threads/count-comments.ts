// Comment counts for article listings, keyed by exactly what the caller asked with.
import type { CountsQuery } from '../../../shared/schemas/thread';
import type { SiteRecord } from '../../store/port';
import type { ServiceDeps } from '../deps';
import { pageKeyFor } from './page-key';

export async function countComments(deps: ServiceDeps, site: SiteRecord, query: CountsQuery): Promise<Record<string, number>> {
  const asked = new Map<string, string>(); // the value the caller sent → its page key
  for (const url of query.url ?? []) {
    if (URL.canParse(url)) asked.set(url, pageKeyFor(url));
  }
  for (const pageId of query.pageId ?? []) asked.set(pageId, pageKeyFor('', pageId));
  const stored = await deps.store.countComments(site.id, [...new Set(asked.values())]);
  // fromEntries defines own properties, so a page id of "__proto__" is just a key.
  return Object.fromEntries([...asked].map(([value, key]) => [value, stored.get(key) ?? 0]));
}
