// Gathers every fact the moderation rules look at, so the rules themselves stay pure. One clock
// read per write; the author's history and the address count are read only for writes with text.
import type { SiteRecord, ThreadRecord, UserRecord } from '../../store/port';
import type { AuthorFacts, ExternalScores, ModerationContext, WriteKind } from '../../moderation/types';
import type { ServiceDeps } from '../deps';
import type { MemberClaims } from '../identity/claims';
import { sha256Hex } from '../sha256';
import { isClosed } from '../threads/closed-state';

const DAY_MS = 24 * 3600 * 1000;

export interface FactsRequest {
  kind: WriteKind;
  site: SiteRecord;
  /** The thread written to; absent for acts that concern no thread (a moderator's standing). */
  thread: ThreadRecord | null;
  /** Who writes: their token (null for a guest) and their stored record once they have one. */
  claims: MemberClaims | null;
  user: UserRecord | null;
  ipHash?: string | null;
  nudgeAcknowledged?: boolean;
  external?: ExternalScores;
}

/** Writes whose text the content rules judge. */
export const hasText = (kind: WriteKind) => kind === 'create' || kind === 'edit';

export async function gatherFacts(deps: ServiceDeps, req: FactsRequest): Promise<ModerationContext> {
  const now = deps.now();
  const settings = req.site.settings.moderation;
  const { user, claims } = req;
  const needsHistory = hasText(req.kind) && user !== null;
  const floodWindowMs = settings.rules.flooding.windowSeconds * 1000;
  const [history, sameIpRecentCount] = await Promise.all([
    needsHistory
      ? deps.store.authorHistory(req.site.id, user.id, now - Math.max(DAY_MS, settings.rules.repeatPost.windowSeconds * 1000))
      : Promise.resolve({ approvedCount: 0, rejectedCount: 0, recent: [] }),
    req.kind === 'create' && req.ipHash ? deps.store.countRecentByIp(req.site.id, req.ipHash, now - floodWindowMs) : Promise.resolve(0),
  ]);
  const author: AuthorFacts = {
    signedIn: claims !== null || user !== null,
    // The token speaks for the reader now; the stored record for what moderators decided.
    role: claims?.role ?? user?.role ?? 'member',
    tier: claims?.tier ?? user?.tier ?? '',
    approvedCount: history.approvedCount,
    rejectedCount: history.rejectedCount,
    alwaysPremoderate: user?.alwaysPremoderate ?? false,
    banned: user?.banned ?? false,
    suspendedUntil: user?.suspendedUntil ?? null,
    recent: history.recent,
  };
  const thread = req.thread;
  return {
    now,
    settings,
    thread: thread
      ? { id: thread.id, closed: isClosed(req.site, thread, now), premoderate: thread.premoderate, section: thread.section }
      : { id: '', closed: false, premoderate: false, section: '' },
    tiers: req.site.policy.tiers,
    author,
    sameIpRecentCount,
    nudgeAcknowledged: req.nudgeAcknowledged ?? false,
    external: req.external ?? { status: 'off' },
  };
}

/** A per-site salted hash, so flooding can be checked without keeping addresses. */
export async function hashClientAddress(salt: string, siteId: string, address: string | null): Promise<string | null> {
  if (!address) return null;
  return sha256Hex(`${salt}\n${siteId}\n${address}`, 16);
}
