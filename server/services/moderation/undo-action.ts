// Undo is about one thing: the action named by its id is reversed, as a new audited action that
// marks the original undone in the same write. Refused when the item has moved on since (a later
// action on it, or any change that left it other than that action left it), so undo never
// reaches across to another item or over someone else's decision.
import type { ActionSummary, AuditEntry } from '../../../shared/schemas/moderation-api';
import type { SiteRecord } from '../../store/port';
import type { ModerationActionRecord, StateChange } from '../../store/moderation-port';
import type { ServiceDeps } from '../deps';
import type { Moderator } from './moderator';
import { AppError } from '../errors';
import { commentChange, commentState, type CommentState } from './act-on-comment';
import { ACTIVATE_MODEL } from './activate-civility-model';
import { SITE_SETTINGS } from '../site/site-config';
import { ROTATE_API_KEY } from '../site/api-key';
import { threadState } from './act-on-thread';
import { userState } from './act-on-user';
import { toAuditEntry } from './audit-view';
import { actionRecord, toActionSummary } from './action-record';
import { assertMayActOn } from './moderator';

type Restore = { change: StateChange; current: Record<string, unknown> };

/** Whether `a` holds every value `b` names (missing and null alike). */
export const same = (a: Record<string, unknown>, b: Record<string, unknown>) => Object.keys(b).every((k) => (a[k] ?? null) === (b[k] ?? null));

function superseded(): never {
  throw new AppError('undo_superseded', 'This item has changed since that action; it can no longer be undone');
}

async function restore(deps: ServiceDeps, site: SiteRecord, moderator: Moderator, last: ModerationActionRecord): Promise<Restore> {
  switch (last.targetType) {
    case 'comment': {
      const comment = await deps.store.getComment(site.id, last.targetId);
      if (!comment) throw new AppError('comment_not_found', 'No such comment on this site');
      if (last.action !== 'feature' && last.action !== 'unfeature') assertMayActOn(moderator, { userId: comment.authorId, role: comment.author.role });
      const current = commentState(comment);
      if (!same(current, { hiddenByReports: false, ...last.after })) superseded();
      const before = { ...current, hiddenByReports: false, ...last.before } as CommentState;
      return { change: commentChange(comment, current, before, false), current };
    }
    case 'user': {
      const user = await deps.store.getUser(site.id, last.targetId);
      if (!user) throw new AppError('not_found', 'No such member on this site');
      assertMayActOn(moderator, { userId: user.id, role: user.role });
      const current = userState(user);
      if (!same(current, last.after)) superseded();
      return { change: { kind: 'user', userId: user.id, set: last.before }, current };
    }
    case 'thread': {
      const thread = await deps.store.getThread(site.id, last.targetId);
      if (!thread) throw new AppError('thread_not_found', 'No such thread on this site');
      const current = threadState(thread);
      if (!same(current, last.after)) superseded();
      return { change: { kind: 'thread', threadId: thread.id, set: last.before }, current };
    }
    case 'bulk':
      // Thousands of comments are not restored in one request: the operation's own undo does it in batches.
      throw new AppError('not_undoable', `Undo a bulk operation with POST …/moderation/bulk/${last.targetId}/undo`);
    case 'settings': {
      if (last.action === SITE_SETTINGS) throw new AppError('not_undoable', 'Site settings are changed back by saving them again');
      if (last.action === ROTATE_API_KEY) throw new AppError('not_undoable', 'A replaced API key never works again; rotate it once more instead');
      if (last.action !== ACTIVATE_MODEL) throw new AppError('not_undoable', 'Rule changes are undone by saving the rules again');
      const current = { civilityModelId: site.civilityModelId ?? null };
      if (!same(current, last.after)) superseded();
      return { change: { kind: 'civility-model', modelId: (last.before.civilityModelId as string | null) ?? null }, current };
    }
  }
}

export async function undoAction(
  deps: ServiceDeps,
  site: SiteRecord,
  moderator: Moderator,
  actionId: string,
): Promise<{ undone: AuditEntry; action: ActionSummary }> {
  const last = await deps.store.getAction(site.id, actionId);
  if (!last) throw new AppError('not_found', 'No such action on this site');
  if (last.action === 'undo') throw new AppError('not_undoable', 'An undo cannot itself be undone; take the action again');
  // A note changed nothing: there is nothing to put back, and it stays in the member's history.
  if (last.action === 'note') throw new AppError('not_undoable', 'A note changes nothing to undo; add another to correct it');
  if (last.undoneBy) throw new AppError('already_undone', 'This action was already undone');
  // A moderator undoes their own actions; admins and the site owner anyone's.
  if (moderator.rank === 'moderator' && last.actor !== moderator.actor) throw new AppError('forbidden', 'Moderators may undo only their own actions');
  if (await deps.store.hasLaterAction(last)) superseded();
  const restored = await restore(deps, site, moderator, last);
  const undo = actionRecord(deps, site, moderator, {
    action: 'undo',
    targetType: last.targetType,
    targetId: last.targetId,
    before: restored.current,
    after: last.before,
    detail: `undo ${last.action} (${last.id})`,
    summary: `Undid: ${last.summary || last.action}`,
  });
  if (!(await deps.store.applyAction(undo, restored.change, last.id))) superseded();
  return { undone: toAuditEntry({ ...last, undoneBy: undo.id }), action: toActionSummary(undo) };
}
