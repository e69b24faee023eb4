// Unsubscribing from a link in a message: the link says what and for whom, and is signed, so it
// needs no sign-in (RFC 8058's one-click POST comes from the mail provider, not the member).
import type { UnsubscribeQuery } from '../../../shared/schemas/mail';
import type { SiteRecord } from '../../store/port';
import type { ServiceDeps } from '../deps';
import { AppError } from '../errors';
import { verifyUnsubscribe } from './unsubscribe-link';

export async function checkUnsubscribeLink(deps: ServiceDeps, site: SiteRecord, q: UnsubscribeQuery): Promise<void> {
  if (!(await verifyUnsubscribe(deps, site.id, q))) throw new AppError('forbidden', 'This unsubscribe link is not valid (it was changed, or made for another site)');
}

export async function unsubscribeByLink(deps: ServiceDeps, site: SiteRecord, q: UnsubscribeQuery): Promise<void> {
  await checkUnsubscribeLink(deps, site, q);
  if (q.l === 'moderators') await deps.store.suppressAddress(site.id, q.u, deps.now());
  else await deps.store.unsubscribe(site.id, q.u, q.l, q.t);
}
