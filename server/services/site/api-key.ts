// The site API key: made here for the site command and the dashboard alike, shown once, stored
// only as its SHA-256. Rotating it is an admin's or the key holder's call, audited without the key.
import type { SiteRecord } from '../../store/port';
import type { ModerationActionRecord } from '../../store/moderation-port';
import type { ServiceDeps } from '../deps';
import type { Moderator } from '../moderation/moderator';
import { actionRecord } from '../moderation/action-record';
import { AppError } from '../errors';
import { sha256Hex } from '../sha256';
import { assertSiteAdmin } from './site-admin';

export const ROTATE_API_KEY = 'rotate_api_key';

/** 24 random bytes in hex, behind a prefix that says what the secret is when it turns up in a log. */
export function newSiteApiKey(): string {
  return 'pk_' + [...crypto.getRandomValues(new Uint8Array(24))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A new key in the old one's place: the old one is refused from the next request on. */
export async function rotateApiKey(deps: ServiceDeps, site: SiteRecord, moderator: Moderator): Promise<{ apiKey: string; action: ModerationActionRecord }> {
  assertSiteAdmin(moderator, 'rotate the site API key');
  const apiKey = newSiteApiKey();
  const record = actionRecord(deps, site, moderator, {
    action: ROTATE_API_KEY,
    targetType: 'settings',
    targetId: site.id,
    before: {},
    after: {},
    summary: 'Issued a new site API key (the old one no longer works)',
  });
  // Two rotations at once: only the first is written, so nobody is handed a key that was replaced before it was shown.
  const written = await deps.store.applyAction(record, { kind: 'api-key', apiKeyHash: await sha256Hex(apiKey), expect: site.apiKeyHash });
  if (!written) throw new AppError('conflict', 'The API key was changed meanwhile; reload to see the current state');
  return { apiKey, action: record };
}
