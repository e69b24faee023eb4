// Gathers every fact the moderation rules look at, so the rules themselves stay pure.
import type { SiteRecord, ThreadRecord, UserRecord } from '../../store/port';
import type { ExternalScores, ModerationContext } from '../../moderation/types';
import type { ServiceDeps } from '../deps';
import { sha256Hex } from '../sha256';

const DAY_MS = 24 * 3600 * 1000;

export interface FactsRequest {
  site: SiteRecord;
  thread: ThreadRecord;
  user: UserRecord;
  ipHash: string | null;
  nudgeAcknowledged: boolean;
  external?: ExternalScores;
}

export async function gatherFacts(deps: ServiceDeps, req: FactsRequest): Promise<ModerationContext> {
  const now = deps.now();
  const settings = req.site.settings.moderation;
  const floodWindowMs = settings.rules.flooding.windowSeconds * 1000;
  const [history, sameIpRecentCount] = await Promise.all([
    deps.store.authorHistory(req.site.id, req.user.id, now - Math.max(DAY_MS, settings.rules.repeatPost.windowSeconds * 1000)),
    req.ipHash ? deps.store.countRecentByIp(req.site.id, req.ipHash, now - floodWindowMs) : Promise.resolve(0),
  ]);
  return {
    now,
    settings,
    thread: { id: req.thread.id, closed: req.thread.closed, premoderate: req.thread.premoderate },
    author: {
      role: req.user.role,
      approvedCount: history.approvedCount,
      rejectedCount: history.rejectedCount,
      alwaysPremoderate: req.user.alwaysPremoderate,
      banned: req.user.banned,
      suspendedUntil: req.user.suspendedUntil,
      recent: history.recent,
    },
    sameIpRecentCount,
    nudgeAcknowledged: req.nudgeAcknowledged,
    external: req.external ?? { status: 'off' },
  };
}

/** A per-site salted hash, so flooding can be checked without keeping addresses. */
export async function hashClientAddress(salt: string, siteId: string, address: string | null): Promise<string | null> {
  if (!address) return null;
  return sha256Hex(`${salt}\n${siteId}\n${address}`, 16);
}
