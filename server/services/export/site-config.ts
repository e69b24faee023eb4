// The site's configuration as an export carries it: everything but its secrets. A restore puts
// it back over the target site, keeping that site's own secrets.
import type { SiteRecord } from '../../store/port';

export function configWithoutSecrets(site: SiteRecord): Record<string, unknown> {
  const { apiKeyHash: _key, civilityModelId: _model, id: _id, ...config } = site;
  const { hs256Secret: _secret, ...sso } = config.sso;
  const scorer = config.settings.moderation.externalScorer;
  const { secret: _scorerSecret, ...publicScorer } = scorer;
  return { ...config, sso, settings: { ...config.settings, moderation: { ...config.settings.moderation, externalScorer: publicScorer } } };
}

/** The exported configuration on the target site, which keeps its id, secrets, API key and model. */
export function withSecretsOf(target: SiteRecord, config: Record<string, unknown>): SiteRecord {
  const exported = config as Omit<SiteRecord, 'id' | 'apiKeyHash'>;
  const secret = target.sso.hs256Secret;
  return {
    ...exported,
    id: target.id,
    apiKeyHash: target.apiKeyHash,
    civilityModelId: target.civilityModelId,
    sso: { ...exported.sso, ...(secret ? { hs256Secret: secret } : {}) },
    settings: {
      ...exported.settings,
      moderation: {
        ...exported.settings.moderation,
        externalScorer: { ...exported.settings.moderation.externalScorer, secret: target.settings.moderation.externalScorer.secret },
      },
    },
  };
}
