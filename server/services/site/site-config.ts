// A site's configuration as its admins edit it on the dashboard's Site page: shown without the
// HS256 secret, saved with an audit row of what changed in the same write. The moderation
// settings are the Rules tab's and stay as stored; the API key has its own rotation.
import type { EditableSite, SiteEditView } from '../../../shared/schemas/site';
import type { SiteRecord } from '../../store/port';
import type { SiteFields } from '../../store/moderation-port';
import type { ServiceDeps } from '../deps';
import type { Moderator } from '../moderation/moderator';
import { actionRecord } from '../moderation/action-record';
import { changedKeyPaths, type Json } from '../moderation/settings';
import { where } from '../../../shared/site-problems';
import { assertSiteAdmin } from './site-admin';

export const SITE_SETTINGS = 'site_settings';

/** The part of a stored site the Site page edits. */
function editablePart(site: SiteRecord): SiteFields {
  const { moderation: _moderation, ...settings } = site.settings;
  return { name: site.name, allowedOrigins: site.allowedOrigins, sso: site.sso, policy: site.policy, guidelines: site.guidelines, callsToAction: site.callsToAction, settings };
}

/** What the Site page shows: everything it edits, the HS256 secret only as whether one is set. */
export function siteForEditing(site: SiteRecord): SiteEditView {
  const { hs256Secret, ...sso } = site.sso;
  return { ...editablePart(site), sso: { ...sso, hs256SecretSet: hs256Secret !== undefined } };
}

/** The secret as sent: a new one replaces it, null removes it, none sent keeps it. */
function withSecret(sent: EditableSite['sso'], stored: SiteRecord['sso']): SiteRecord['sso'] {
  const { hs256Secret, hs256SecretSet: _shown, ...sso } = sent;
  const secret = hs256Secret === undefined ? stored.hs256Secret : (hs256Secret ?? undefined);
  return secret === undefined ? sso : { ...sso, hs256Secret: secret };
}

function valueAt(fields: SiteFields, path: string[]): unknown {
  if (path[0] === 'sso' && path[1] === 'hs256Secret') return fields.sso.hs256Secret ? '(set)' : '(none)';
  return path.reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], fields) ?? null;
}

export async function saveSiteConfig(deps: ServiceDeps, site: SiteRecord, moderator: Moderator, sent: EditableSite): Promise<SiteEditView> {
  assertSiteAdmin(moderator, 'change the site settings');
  const before = editablePart(site);
  const after: SiteFields = { ...sent, sso: withSecret(sent.sso, site.sso) };
  const paths = changedKeyPaths(before as unknown as Json, after as unknown as Json);
  // The diff only, named as problems name fields, and the secret recorded as set or not, never as its value.
  const pick = (fields: SiteFields) => Object.fromEntries(paths.map((p) => [where(p), valueAt(fields, p)]));
  const summary = paths.length ? `Changed the site settings: ${paths.map(where).join(', ')}` : 'Saved the site settings unchanged';
  const record = actionRecord(deps, site, moderator, { action: SITE_SETTINGS, targetType: 'settings', targetId: site.id, before: pick(before), after: pick(after), summary });
  await deps.store.applyAction(record, { kind: 'site', config: after });
  return siteForEditing({ ...site, ...after, settings: { ...after.settings, moderation: site.settings.moderation } });
}
