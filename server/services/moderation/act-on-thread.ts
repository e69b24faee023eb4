// Close, reopen or pre-moderate a thread. Reopening a thread its age had closed also keeps it open
// from then on: a moderator's decision is never undone by the clock.
import type { SiteRecord, ThreadRecord } from '../../store/port';
import type { ServiceDeps } from '../deps';
import type { Moderator } from './moderator';
import { AppError } from '../errors';
import type { ModerationActionRecord } from '../../store/moderation-port';
import { actionRecord, threadSummary } from './action-record';
import { isAutoClosed } from '../threads/closed-state';

type ThreadState = { closed: boolean; premoderate: boolean; keptOpen: boolean };
export type ThreadAction = 'close' | 'reopen' | 'premoderate' | 'unpremoderate';

/** `aged`: the thread's age closes it now, so a reopen must keep it open against that. */
const NEXT: Record<ThreadAction, (s: ThreadState, aged: boolean) => ThreadState> = {
  // A close is a decision of its own: should it be reopened later, age is weighed again then.
  close: (s) => ({ ...s, closed: true, keptOpen: false }),
  reopen: (s, aged) => ({ ...s, closed: false, keptOpen: s.keptOpen || aged }),
  premoderate: (s) => ({ ...s, premoderate: true }),
  unpremoderate: (s) => ({ ...s, premoderate: false }),
};

/** The part of a thread its actions change, as stored in their before and after. */
export const threadState = (thread: ThreadRecord): ThreadState => ({ closed: thread.closed, premoderate: thread.premoderate, keptOpen: thread.keptOpen });

export async function actOnThread(
  deps: ServiceDeps,
  site: SiteRecord,
  moderator: Moderator,
  threadId: string,
  action: ThreadAction,
): Promise<{ thread: ThreadRecord; action: ModerationActionRecord }> {
  const thread = await deps.store.getThread(site.id, threadId);
  if (!thread) throw new AppError('thread_not_found', 'No such thread on this site');
  const before = threadState(thread);
  const after = NEXT[action](before, isAutoClosed(site, { ...thread, keptOpen: false }, deps.now()));
  const record = actionRecord(deps, site, moderator, { action, targetType: 'thread', targetId: thread.id, before, after, summary: threadSummary(action, thread.title) });
  await deps.store.applyAction(record, { kind: 'thread', threadId: thread.id, set: after });
  return { thread: { ...thread, ...after }, action: record };
}
