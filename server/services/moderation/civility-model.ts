// Which civility model a site's rules run: the one it activated (trained on its own moderators'
// decisions, stored in libSQL) or the shipped one. Model rows never change once written, so a
// model is read and decoded once per process (or isolate) and kept by its id. The decoded model
// is kept, never a pending read: on Workers a request may not wait on another request's I/O.
import { DEFAULT_MODEL, loadModel, type CivilityModel } from '../../moderation/civility';
import type { SiteRecord } from '../../store/port';
import type { ServiceDeps } from '../deps';

/** Decoded models are about a megabyte each: a few sites' worth is plenty to keep. */
const KEPT = 8;
const loaded = new Map<string, CivilityModel>();

export async function activeCivilityModel(deps: Pick<ServiceDeps, 'store'>, site: SiteRecord): Promise<CivilityModel> {
  const id = site.civilityModelId;
  if (!id) return DEFAULT_MODEL;
  const key = `${site.id}/${id}`;
  const kept = loaded.get(key);
  if (kept) return kept;
  const row = await deps.store.getCivilityModel(site.id, id);
  // A site pointing at a model it does not have (restored from a partial copy) runs the shipped one.
  const model = row ? loadModel(row.model) : DEFAULT_MODEL;
  if (loaded.size >= KEPT) loaded.delete(loaded.keys().next().value as string);
  loaded.set(key, model);
  return model;
}
