// Close, reopen or pre-moderate a thread.
import type { SiteRecord, ThreadRecord } from '../../store/port';
import type { ServiceDeps } from '../deps';
import type { Moderator } from './moderator';
import { AppError } from '../errors';
import { actionRecord } from './action-record';

type ThreadState = { closed: boolean; premoderate: boolean };
export type ThreadAction = 'close' | 'reopen' | 'premoderate' | 'unpremoderate';

const NEXT: Record<ThreadAction, (s: ThreadState) => ThreadState> = {
  close: (s) => ({ ...s, closed: true }),
  reopen: (s) => ({ ...s, closed: false }),
  premoderate: (s) => ({ ...s, premoderate: true }),
  unpremoderate: (s) => ({ ...s, premoderate: false }),
};

export async function actOnThread(deps: ServiceDeps, site: SiteRecord, moderator: Moderator, threadId: string, action: ThreadAction): Promise<ThreadRecord> {
  const thread = await deps.store.getThread(site.id, threadId);
  if (!thread) throw new AppError('thread_not_found', 'No such thread on this site');
  const before: ThreadState = { closed: thread.closed, premoderate: thread.premoderate };
  const after = NEXT[action](before);
  await deps.store.applyAction(
    actionRecord(deps, site, moderator, { action, targetType: 'thread', targetId: thread.id, before, after }),
    { kind: 'thread', threadId: thread.id, set: after },
  );
  return { ...thread, ...after };
}
