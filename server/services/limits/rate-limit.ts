// Rate limits beside the moderation rules: how many writes one member or one address may make,
// how many new threads one address may bring into being, how many bad tokens one address may
// try. Counted in the database in fixed windows, so every instance (Node or Workers) shares
// them; past a limit the answer is 429 with Retry-After, before any work is done.
import type { RateLimits } from '../../../shared/schemas/site';
import type { SiteRecord } from '../../store/port';
import type { ServiceDeps } from '../deps';
import { AppError } from '../errors';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const LIMITS = {
  'member-writes': { setting: 'memberWritesPerMinute', windowMs: MINUTE, what: 'writes from this account' },
  'address-writes': { setting: 'addressWritesPerMinute', windowMs: MINUTE, what: 'writes from this network' },
  'address-new-threads': { setting: 'addressNewThreadsPerHour', windowMs: HOUR, what: 'new threads from this network' },
  'address-token-failures': { setting: 'addressTokenFailuresPerMinute', windowMs: MINUTE, what: 'failed sign-ins from this network' },
  'address-cta-events': { setting: 'addressCtaEventsPerMinute', windowMs: MINUTE, what: 'call-to-action events from this network' },
} as const satisfies Record<string, { setting: keyof RateLimits; windowMs: number; what: string }>;

export type LimitKind = keyof typeof LIMITS;

function refusal(kind: LimitKind, limit: number, now: number): AppError {
  const { windowMs, what } = LIMITS[kind];
  const retryAfter = Math.max(1, Math.ceil((windowMs - (now % windowMs)) / 1000));
  return new AppError('rate_limited', `Too many ${what}: at most ${limit} per ${windowMs === HOUR ? 'hour' : 'minute'}`, undefined, { 'Retry-After': String(retryAfter) });
}

const hitFor = (site: SiteRecord, kind: LimitKind, who: string, now: number) => ({ siteId: site.id, bucket: `${kind}:${who}`, windowMs: LIMITS[kind].windowMs, now });
const limitFor = (site: SiteRecord, kind: LimitKind) => site.settings.rateLimits[LIMITS[kind].setting];

/** Counts one; refuses it (counted) when the window is already full. */
export async function takeOne(deps: ServiceDeps, site: SiteRecord, kind: LimitKind, who: string): Promise<void> {
  const now = deps.now();
  const count = await deps.store.countHit(hitFor(site, kind, who, now));
  const limit = limitFor(site, kind);
  if (count > limit) throw refusal(kind, limit, now);
}

/** Refuses when the window is full, counting nothing (for what only failures count against). */
export async function assertRoomFor(deps: ServiceDeps, site: SiteRecord, kind: LimitKind, who: string): Promise<void> {
  const now = deps.now();
  const limit = limitFor(site, kind);
  if ((await deps.store.peekHits(hitFor(site, kind, who, now))) >= limit) throw refusal(kind, limit, now);
}

/** Counts one failure, whatever the window holds. */
export async function countFailure(deps: ServiceDeps, site: SiteRecord, kind: LimitKind, who: string): Promise<void> {
  await deps.store.countHit(hitFor(site, kind, who, deps.now()));
}
