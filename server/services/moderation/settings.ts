// Reading and saving a site's moderation rules.
import type { ModerationSettings } from '../../../shared/schemas/moderation-settings';
import type { SiteRecord } from '../../store/port';
import type { ServiceDeps } from '../deps';

export async function saveModerationSettings(deps: ServiceDeps, site: SiteRecord, settings: ModerationSettings): Promise<ModerationSettings> {
  await deps.store.saveSite({ ...site, settings: { ...site.settings, moderation: settings } }, deps.now());
  return settings;
}
