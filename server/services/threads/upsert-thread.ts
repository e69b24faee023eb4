// The site API's way to register a page: the publisher's server states title, section and
// whether the thread is closed, and when the article was published. A section set here is locked
// against URL rules.
import type { UpsertThreadBody } from '../../../shared/schemas/thread';
import type { SiteRecord, ThreadRecord } from '../../store/port';
import type { ServiceDeps } from '../deps';
import { AppError } from '../errors';
import { sectionForUrl } from '../entitlements/section-for-url';
import { actOnThread } from '../moderation/act-on-thread';
import { SITE_OWNER } from '../moderation/moderator';
import { isUnderAllowedOrigin, normaliseUrl, pageKeyFor } from './page-key';

export async function upsertThread(deps: ServiceDeps, site: SiteRecord, body: UpsertThreadBody): Promise<ThreadRecord> {
  if (!isUnderAllowedOrigin(body.url, site.allowedOrigins)) {
    throw new AppError('origin_not_allowed', 'The URL is not under the site’s allowed origins', { url: 'is not under an allowed origin' });
  }
  const pageKey = pageKeyFor(body.url, body.pageId);
  const existing = await deps.store.findThreadByPageKey(site.id, pageKey);
  if (!existing) {
    return deps.store.createThread({
      id: deps.newId(),
      siteId: site.id,
      pageKey,
      url: normaliseUrl(body.url),
      title: body.title ?? '',
      section: body.section ?? sectionForUrl(site.policy, body.url),
      sectionLocked: body.section !== undefined,
      closed: body.closed ?? false,
      createdAt: deps.now(),
      publishedAt: body.publishedAt ?? null,
    });
  }
  const updated = await deps.store.updateThread({
    siteId: site.id,
    threadId: existing.id,
    url: normaliseUrl(body.url),
    title: body.title,
    section: body.section,
    sectionLocked: body.section !== undefined ? true : undefined,
    publishedAt: body.publishedAt,
  });
  const thread = updated ?? existing;
  // Closing and reopening are moderation actions whoever takes them: audited, with the change.
  if (body.closed === undefined || body.closed === thread.closed) return thread;
  return (await actOnThread(deps, site, SITE_OWNER, thread.id, body.closed ? 'close' : 'reopen')).thread;
}
