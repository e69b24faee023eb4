// GET /moderation/model: which civility model the site's rules run, how it measured, and the
// site's other models (candidates, and those it ran before).
import type { CivilityModelInfo, CivilityModelResponse } from '../../../shared/schemas/moderation-api';
import { DEFAULT_MODEL } from '../../moderation/civility';
import type { SiteRecord } from '../../store/port';
import type { CivilityModelSummary } from '../../store/moderation-port';
import type { ServiceDeps } from '../deps';

const MODELS_LISTED = 20;

const SHIPPED: CivilityModelInfo = {
  id: null,
  name: DEFAULT_MODEL.file.name,
  source: 'shipped',
  createdAt: null,
  thresholds: { attack: DEFAULT_MODEL.file.attackThreshold, fearAnger: DEFAULT_MODEL.file.fearAngerThreshold },
  figures: DEFAULT_MODEL.file.figures,
};

function siteModelInfo(m: CivilityModelSummary): CivilityModelInfo {
  const thresholds = (m.figures.thresholds ?? {}) as { attack?: number; fearAnger?: number };
  return {
    id: m.id,
    name: m.name,
    source: 'site',
    createdAt: m.createdAt,
    thresholds: { attack: thresholds.attack ?? SHIPPED.thresholds.attack, fearAnger: thresholds.fearAnger ?? SHIPPED.thresholds.fearAnger },
    figures: m.figures,
  };
}

export async function civilityModelInfo(deps: ServiceDeps, site: SiteRecord): Promise<CivilityModelResponse> {
  const models = (await deps.store.listCivilityModels(site.id, MODELS_LISTED)).map(siteModelInfo);
  const activeId = site.civilityModelId ?? null;
  let active = activeId ? models.find((m) => m.id === activeId) : SHIPPED;
  if (!active && activeId) {
    // Older than the listed ones: read its row.
    const row = await deps.store.getCivilityModel(site.id, activeId);
    active = row ? siteModelInfo(row) : SHIPPED;
  }
  return { active: active ?? SHIPPED, models };
}
