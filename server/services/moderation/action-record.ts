// The audit row every moderation action writes, stamped with who, when and a fresh id, and the
// one line that names it for the dashboard ("Rejected ‘You are all…’").
import type { ActionSummary } from '../../../shared/schemas/moderation-api';
import type { SiteRecord } from '../../store/port';
import type { ModerationActionRecord } from '../../store/moderation-port';
import type { ServiceDeps } from '../deps';
import type { Moderator } from './moderator';

export type ActionFields = Pick<ModerationActionRecord, 'action' | 'targetType' | 'targetId' | 'before' | 'after' | 'summary'> & { detail?: string };

export function actionRecord(deps: ServiceDeps, site: SiteRecord, moderator: Moderator, fields: ActionFields, now = deps.now()): ModerationActionRecord {
  return {
    id: deps.newId(),
    siteId: site.id,
    actor: moderator.actor,
    actorName: moderator.name,
    createdAt: now,
    undoneBy: null,
    ...fields,
    detail: fields.detail ?? '',
  };
}

export function toActionSummary(a: ModerationActionRecord): ActionSummary {
  return { id: a.id, action: a.action, targetType: a.targetType, targetId: a.targetId, summary: a.summary, actorName: a.actorName, createdAt: a.createdAt };
}

/** The first words of a text on one line, cut at a word within `max` characters, with an ellipsis when cut. */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const atWord = cut.lastIndexOf(' ');
  return `${(atWord > max / 2 ? cut.slice(0, atWord) : cut).trimEnd()}…`;
}

/** The first words of a comment, so a summary names which one without quoting it whole. */
export function excerpt(text: string, max = 40): string {
  return `‘${shorten(text, max)}’`;
}

const COMMENT_VERBS: Record<string, string> = {
  approve: 'Approved',
  reject: 'Rejected',
  feature: 'Featured',
  unfeature: 'Unfeatured',
  delete: 'Deleted',
};

export function commentSummary(action: string, body: string): string {
  return `${COMMENT_VERBS[action] ?? action} ${body ? excerpt(body) : 'a deleted comment'}`;
}

const QUEUE_TITLES: Record<string, string> = { pending: 'Pending', reported: 'Reported', rejected: 'Rejected', recent: 'Recent' };

/** "Approved 264 comments in Pending on “City budget” (rule links)": what a bulk operation by filter did. */
export function bulkSummary(
  action: string,
  count: number,
  filter: { queue: string; rule?: string; q?: string; members?: string },
  threadTitle: string | null,
  authorName?: string,
): string {
  const where = ` in ${QUEUE_TITLES[filter.queue] ?? filter.queue}${threadTitle === null ? '' : ` on “${threadTitle || 'Untitled'}”`}`;
  const by = authorName ? ` by ${authorName}` : filter.members === 'new' ? ' by new members' : '';
  const found = filter.q?.trim() ? ` matching “${filter.q.trim()}”` : '';
  return `${COMMENT_VERBS[action] ?? action} ${count} comment${count === 1 ? '' : 's'}${by}${where}${found}${filter.rule ? ` (rule ${filter.rule})` : ''}`;
}

const utc = (ms: number) => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

export function userSummary(action: string, name: string, until?: number): string {
  switch (action) {
    case 'ban':
      return `Banned ${name}`;
    case 'unban':
      return `Unbanned ${name}`;
    case 'suspend':
      return until ? `Suspended ${name} until ${utc(until)}` : `Suspended ${name}`;
    case 'unsuspend':
      return `Lifted the suspension of ${name}`;
    case 'premoderate':
      return `Pre-moderating ${name}`;
    case 'unpremoderate':
      return `Stopped pre-moderating ${name}`;
    case 'note':
      return `Noted about ${name}`;
    default:
      return `${action} ${name}`;
  }
}

const THREAD_VERBS: Record<string, string> = {
  close: 'Closed',
  reopen: 'Reopened',
  premoderate: 'Pre-moderating',
  unpremoderate: 'Stopped pre-moderating',
};

export function threadSummary(action: string, title: string): string {
  return `${THREAD_VERBS[action] ?? action} “${title || 'Untitled'}”`;
}
