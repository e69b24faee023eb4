// The audit row every moderation action writes, stamped with who, when and a fresh id.
import type { SiteRecord } from '../../store/port';
import type { ModerationActionRecord } from '../../store/moderation-port';
import type { ServiceDeps } from '../deps';
import type { Moderator } from './moderator';

export type ActionFields = Pick<ModerationActionRecord, 'action' | 'targetType' | 'targetId' | 'before' | 'after'> & { detail?: string };

export function actionRecord(deps: ServiceDeps, site: SiteRecord, moderator: Moderator, fields: ActionFields): ModerationActionRecord {
  return {
    id: deps.newId(),
    siteId: site.id,
    actor: moderator.actor,
    actorName: moderator.name,
    createdAt: deps.now(),
    undoneBy: null,
    ...fields,
    detail: fields.detail ?? '',
  };
}
