// Finds the thread for a page, creating it on first view when the site allows that.
// The section comes from the site's URL rules at creation and is never taken from a request.
import type { SiteRecord, ThreadRecord } from '../../store/port';
import type { ServiceDeps } from '../deps';
import { AppError } from '../errors';
import { sectionForUrl } from '../entitlements/section-for-url';
import { isUnderAllowedOrigin, normaliseUrl, pageKeyFor } from './page-key';
import { takeOne } from '../limits/rate-limit';
import { hashClientAddress } from '../moderation/gather-facts';

export interface OpenThreadRequest {
  site: SiteRecord;
  url: string;
  pageId?: string;
  title?: string;
  /** Where the request came from: new threads count against that address's limit. */
  clientAddress?: string | null;
}

export async function openThread(deps: ServiceDeps, req: OpenThreadRequest): Promise<ThreadRecord> {
  const pageKey = pageKeyFor(req.url, req.pageId);
  const existing = await deps.store.findThreadByPageKey(req.site.id, pageKey);
  if (existing) return existing;
  if (!isUnderAllowedOrigin(req.url, req.site.allowedOrigins)) {
    throw new AppError('origin_not_allowed', 'Threads can only be created for pages under the site’s allowed origins', { url: 'is not under an allowed origin' });
  }
  if (req.site.settings.threadCreation === 'api') {
    throw new AppError('thread_not_found', 'This page has no comment thread yet');
  }
  // Hashed here, not per request: only a read that creates a thread needs it.
  const address = await hashClientAddress(deps.ipSalt, req.site.id, req.clientAddress ?? null);
  if (address) await takeOne(deps, req.site, 'address-new-threads', address);
  return deps.store.createThread({
    id: deps.newId(),
    siteId: req.site.id,
    pageKey,
    url: normaliseUrl(req.url),
    title: req.title?.trim() ?? '',
    section: sectionForUrl(req.site.policy, req.url),
    sectionLocked: false,
    closed: false,
    createdAt: deps.now(),
  });
}
