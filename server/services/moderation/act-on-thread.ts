// Close, reopen or pre-moderate a thread.
import type { SiteRecord, ThreadRecord } from '../../store/port';
import type { ServiceDeps } from '../deps';
import type { Moderator } from './moderator';
import { AppError } from '../errors';
import type { ModerationActionRecord } from '../../store/moderation-port';
import { actionRecord, threadSummary } from './action-record';

type ThreadState = { closed: boolean; premoderate: boolean };
export type ThreadAction = 'close' | 'reopen' | 'premoderate' | 'unpremoderate';

const NEXT: Record<ThreadAction, (s: ThreadState) => ThreadState> = {
  close: (s) => ({ ...s, closed: true }),
  reopen: (s) => ({ ...s, closed: false }),
  premoderate: (s) => ({ ...s, premoderate: true }),
  unpremoderate: (s) => ({ ...s, premoderate: false }),
};

/** The part of a thread its actions change, as stored in their before and after. */
export const threadState = (thread: ThreadRecord): ThreadState => ({ closed: thread.closed, premoderate: thread.premoderate });

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
  const after = NEXT[action](before);
  const record = actionRecord(deps, site, moderator, { action, targetType: 'thread', targetId: thread.id, before, after, summary: threadSummary(action, thread.title) });
  await deps.store.applyAction(record, { kind: 'thread', threadId: thread.id, set: after });
  return { thread: { ...thread, ...after }, action: record };
}
