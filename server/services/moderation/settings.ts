// Saving a site's moderation rules: the new settings and an audit row with what changed, in one
// write. The next write on every instance reads them (the site is read fresh for every write).
import type { ModerationSettings, ModerationSettingsSave, ModerationSettingsShown } from '../../../shared/schemas/moderation-settings';
import type { SiteRecord } from '../../store/port';
import type { ServiceDeps } from '../deps';
import type { Moderator } from './moderator';
import { actionRecord } from './action-record';
import { AppError } from '../errors';
import { outboundPolicy } from './external-scorer';
import { vetOutboundUrl } from '../../../shared/outbound-url';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The key paths whose values differ, e.g. ["rules", "civility", "attackThreshold"]. Arrays compare whole. */
export function changedKeyPaths(before: Json, after: Json, prefix: string[] = []): string[][] {
  const isObject = (v: Json): v is { [key: string]: Json } => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => changedKeyPaths(before[k] ?? null, after[k] ?? null, [...prefix, k]));
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [prefix];
}

/** Dotted paths whose values differ, e.g. "rules.civility.attackThreshold". Arrays compare whole. */
export function changedPaths(before: Json, after: Json): string[] {
  return changedKeyPaths(before, after).map((p) => p.join('.'));
}

const SECRET = 'externalScorer.secret';

/**
 * The settings as the moderator API shows them, to anyone: whether the scorer has a secret, never
 * the secret (it signs the scorer's requests; whoever read it could forge them).
 */
export function shownSettings(settings: ModerationSettings): ModerationSettingsShown {
  const { secret, ...scorer } = settings.externalScorer;
  return { ...settings, externalScorer: { ...scorer, secretSet: secret !== '' } };
}

/** Settings a moderator sent, with the secret the site has where they left it out (null removes it). */
export function withKeptSecret(sent: ModerationSettingsSave, stored: ModerationSettings): ModerationSettings {
  const { secret, ...scorer } = sent.externalScorer;
  return { ...sent, externalScorer: { ...scorer, secret: secret === undefined ? stored.externalScorer.secret : (secret ?? '') } };
}

function valueAt(settings: ModerationSettings, path: string): unknown {
  if (path === SECRET) return settings.externalScorer.secret ? '(set)' : '(none)';
  return path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], settings);
}

/** The scorer URL must be one this runtime will call: refused when saved, not only when used. */
function assertScorerReachable(deps: ServiceDeps, scorer: ModerationSettings['externalScorer']): void {
  if (scorer.allowPrivateNetwork && !deps.privateNetworkAllowed) {
    throw new AppError('invalid_input', 'Private addresses are not available on this runtime', { 'settings.externalScorer.allowPrivateNetwork': 'is not available here' });
  }
  if (!scorer.url) return;
  const verdict = vetOutboundUrl(scorer.url, outboundPolicy(deps, scorer));
  if (!verdict.ok) throw new AppError('invalid_input', `The scorer URL ${verdict.why}`, { 'settings.externalScorer.url': verdict.why });
}

export async function saveModerationSettings(deps: ServiceDeps, site: SiteRecord, moderator: Moderator, sent: ModerationSettingsSave): Promise<ModerationSettingsShown> {
  const settings = withKeptSecret(sent, site.settings.moderation);
  assertScorerReachable(deps, settings.externalScorer);
  const before = site.settings.moderation;
  const paths = changedPaths(before as unknown as Json, settings as unknown as Json);
  // The diff only: the scorer's secret is recorded as changed, never as its value.
  const pick = (s: ModerationSettings) => Object.fromEntries(paths.map((p) => [p, valueAt(s, p)]));
  const summary = paths.length ? `Changed the rules: ${paths.join(', ')}` : 'Saved the rules unchanged';
  const record = actionRecord(deps, site, moderator, { action: 'settings', targetType: 'settings', targetId: site.id, before: pick(before), after: pick(settings), summary });
  await deps.store.applyAction(record, { kind: 'settings', moderation: settings });
  return shownSettings(settings);
}
