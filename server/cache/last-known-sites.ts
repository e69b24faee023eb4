// Keeps the last site configuration read from the store and answers with it while the database
// is unavailable, so cached thread reads can still be served during an outage instead of
// failing at site resolution. Wrapping twice keeps one memory (runtimes may wrap before createApp).
import type { SiteRecord, Store } from '../store/port';
import { StoreUnavailableError } from '../store/libsql/db';

const WRAPPED = Symbol('lastKnownSites');

export function withLastKnownSites(store: Store): Store {
  if ((store as Store & { [WRAPPED]?: true })[WRAPPED]) return store;
  const known = new Map<string, SiteRecord | null>();
  const wrapped: Store & { [WRAPPED]: true } = {
    ...store,
    [WRAPPED]: true,
    async getSite(id: string) {
      try {
        const site = await store.getSite(id);
        if (known.size > 1000) known.clear();
        known.set(id, site);
        return site;
      } catch (error) {
        if (error instanceof StoreUnavailableError && known.has(id)) return known.get(id) ?? null;
        throw error;
      }
    },
  };
  return wrapped;
}
