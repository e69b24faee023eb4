// Undo: restores what the moderator's last action changed, as a new audited action, and marks
// the original undone in the same write.
import type { AuditEntry } from '../../../shared/schemas/moderation-api';
import type { SiteRecord } from '../../store/port';
import type { ModerationActionRecord, StateChange } from '../../store/moderation-port';
import type { ServiceDeps } from '../deps';
import type { Moderator } from './moderator';
import { commentChange, commentState } from './act-on-comment';
import { userState } from './act-on-user';
import { toAuditEntry } from './audit-view';
import { actionRecord } from './action-record';

async function restore(deps: ServiceDeps, site: SiteRecord, last: ModerationActionRecord): Promise<{ change: StateChange; current: Record<string, unknown> } | null> {
  const before = last.before;
  switch (last.targetType) {
    case 'comment': {
      const comment = await deps.store.getComment(site.id, last.targetId);
      if (!comment) return null;
      const current = commentState(comment);
      return { change: commentChange(comment, current, { ...current, ...before } as typeof current, false), current };
    }
    case 'user': {
      const user = await deps.store.getUser(site.id, last.targetId);
      if (!user) return null;
      return { change: { kind: 'user', userId: user.id, set: before }, current: userState(user) };
    }
    case 'thread': {
      const thread = await deps.store.getThread(site.id, last.targetId);
      if (!thread) return null;
      return { change: { kind: 'thread', threadId: thread.id, set: before }, current: { closed: thread.closed, premoderate: thread.premoderate } };
    }
  }
}

export async function undoLast(deps: ServiceDeps, site: SiteRecord, moderator: Moderator): Promise<AuditEntry | null> {
  const last = await deps.store.lastUndoableAction(site.id, moderator.actor);
  if (!last) return null;
  const restored = await restore(deps, site, last);
  if (!restored) return null;
  const undo = actionRecord(deps, site, moderator, {
    action: 'undo',
    targetType: last.targetType,
    targetId: last.targetId,
    before: restored.current,
    after: last.before,
    detail: `undo ${last.action} (${last.id})`,
  });
  await deps.store.applyAction(undo, restored.change, last.id);
  return toAuditEntry({ ...last, undoneBy: undo.id });
}
