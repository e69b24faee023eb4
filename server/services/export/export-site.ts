// `npm run export`: a site as versioned NDJSON lines (shared/schemas/export.ts), read page by page
// so a site of any size streams in bounded memory: the header, the site's configuration without
// secrets, then threads, users, comments, reactions, reports and the moderation log, and a last
// line counting the records. Webhooks, mail preferences and addresses, statistics, rate limits,
// idempotency keys and the site's own civility models are not part of it.
import { EXPORT_ROW_TYPES, EXPORT_VERSION } from '../../../shared/schemas/export';
import type { SiteRecord, Store } from '../../store/port';
import { configWithoutSecrets } from './site-config';

export const EXPORT_PAGE = 500;

export async function* exportSite(store: Store, site: SiteRecord, now: number, pageSize = EXPORT_PAGE): AsyncGenerator<string> {
  yield JSON.stringify({ type: 'parley-export', version: EXPORT_VERSION, site: site.id, exportedAt: new Date(now).toISOString() });
  yield JSON.stringify({ type: 'site', config: configWithoutSecrets(site) });
  let records = 1;
  for (const type of EXPORT_ROW_TYPES) {
    let after: unknown[] | null = null;
    do {
      const page = await store.exportPage(site.id, type, after, pageSize);
      for (const row of page.rows) yield JSON.stringify(row);
      records += page.rows.length;
      after = page.next;
    } while (after);
  }
  yield JSON.stringify({ type: 'end', records });
}
