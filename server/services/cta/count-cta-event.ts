// A call to action the reader widget showed, or whose link a reader clicked, counted into the
// day's totals. The section is the thread's own (decided on the server, never by the page) and
// the tier the verified token's; nothing about the reader is stored.
import type { CtaEventBody } from '../../../shared/schemas/cta-events';
import type { SiteRecord } from '../../store/port';
import type { MemberClaims } from '../identity/claims';
import type { ServiceDeps } from '../deps';
import { loadThread } from '../comments/load';
import { AppError } from '../errors';

/** The tier a reader not signed in is counted under. */
export const GUEST_TIER = 'guest';

/** The UTC day a moment falls on, as the counters key it. */
export const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export async function countCtaEvent(deps: ServiceDeps, site: SiteRecord, event: CtaEventBody, claims: MemberClaims | null): Promise<void> {
  // Guests are invited to subscribe and members to upgrade (see get-thread-view.ts): any other
  // pairing is not something the widget shows, and would only put noise in the totals.
  if ((event.kind === 'upgrade') !== (claims !== null)) {
    const why = event.kind === 'upgrade' ? 'is shown to signed-in members only' : 'is shown to readers not signed in only';
    throw new AppError('invalid_input', 'The request body is not valid', { kind: why });
  }
  const thread = await loadThread(deps, site, event.threadId);
  await deps.store.countCtaEvent({
    siteId: site.id,
    day: utcDay(deps.now()),
    section: thread.section,
    tier: claims ? claims.tier : GUEST_TIER,
    kind: event.kind,
    event: event.event,
  });
}
