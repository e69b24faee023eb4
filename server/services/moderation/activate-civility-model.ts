// Switching the civility model a site's rules use: one of the site's own models, or back to the
// shipped one (null). An audited action like a rule change, and undoable, since a model that
// turns out worse in practice should be one step from the one before.
import type { SiteRecord } from '../../store/port';
import type { ModerationActionRecord } from '../../store/moderation-port';
import type { ServiceDeps } from '../deps';
import type { Moderator } from './moderator';
import { AppError } from '../errors';
import { actionRecord } from './action-record';

export const ACTIVATE_MODEL = 'activate_model';

export async function activateCivilityModel(deps: ServiceDeps, site: SiteRecord, moderator: Moderator, modelId: string | null): Promise<ModerationActionRecord> {
  if (moderator.rank === 'moderator') throw new AppError('forbidden', 'Only admins and the site owner may change the civility model');
  const model = modelId === null ? null : await deps.store.getCivilityModel(site.id, modelId);
  if (modelId !== null && !model) throw new AppError('not_found', 'No such civility model on this site');
  const before = { civilityModelId: site.civilityModelId ?? null };
  const summary = model ? `Switched the civility model to ${model.name}` : 'Switched back to the shipped civility model';
  const record = actionRecord(deps, site, moderator, { action: ACTIVATE_MODEL, targetType: 'settings', targetId: site.id, before, after: { civilityModelId: modelId }, summary });
  await deps.store.applyAction(record, { kind: 'civility-model', modelId });
  return record;
}
