// The context of a page of queue items: the comments they reply to, their conversations' sizes
// and their reporters' records, each read once for the whole page, and what follows from them.
import type { QueueDecision, QueueItemContext, QueueItemView } from '../../../shared/schemas/moderation-api';
import type { CommentWithAuthor, SiteRecord } from '../../store/port';
import type { QueueItem, QueueItemFacts } from '../../store/moderation-port';
import type { ServiceDeps } from '../deps';
import { isStaff } from '../../../shared/schemas/common';
import { stateOf } from '../../moderation/comment-states';
import { shorten } from './action-record';
import { SITE_OWNER } from './moderator';
import { toQueueItemView } from './queue-view';

const PARENT_EXCERPT = 140;
const unique = <T>(values: T[]) => [...new Set(values)];

export async function queueItemViews(deps: ServiceDeps, site: SiteRecord, items: QueueItem[]): Promise<QueueItemView[]> {
  const parentIds = unique(items.flatMap((i) => (i.comment.parentId ? [i.comment.parentId] : [])));
  const reporterIds = unique(items.flatMap((i) => i.reports.flatMap((r) => r.reporters.map((p) => p.id))));
  const [parents, sizes, records] = await Promise.all([
    deps.store.commentsByIds(site.id, parentIds),
    deps.store.conversationSizes(site.id, unique(items.map((i) => i.comment.rootId))),
    deps.store.reporterRecords(site.id, reporterIds),
  ]);
  const parentById = new Map(parents.map((p) => [p.id, p]));
  const now = deps.now();
  return items.map((item) => {
    const parent = item.comment.parentId ? (parentById.get(item.comment.parentId) ?? null) : null;
    const context = item.facts && contextOf(site, item, item.facts, parent, sizes.get(item.comment.rootId) ?? 1, now);
    return toQueueItemView(item, context, records);
  });
}

function contextOf(site: SiteRecord, item: QueueItem, facts: QueueItemFacts, parent: CommentWithAuthor | null, size: number, now: number): QueueItemContext {
  const c = item.comment;
  const { approvedNeeded } = site.settings.moderation.rules.newMember;
  return {
    parent: parent && {
      id: parent.id,
      authorName: parent.author.displayName,
      excerpt: parent.deletedAt === null ? shorten(parent.bodySrc, PARENT_EXCERPT) : '',
      state: stateOf(parent),
    },
    conversationSize: size,
    link: linkFor(item, parent),
    decision: decisionFor(c, facts),
    afterNudge: facts.afterNudge,
    // As the new-member rule counts (staff are never held as new members).
    newMember: !isStaff(c.author.role) && facts.earlierPublished < approvedNeeded,
    author: {
      banned: facts.author.banned,
      suspendedUntil: facts.author.suspendedUntil !== null && facts.author.suspendedUntil > now ? facts.author.suspendedUntil : null,
      premoderated: facts.author.alwaysPremoderate,
    },
    reportWeight: { open: facts.openReportWeight / 100, hideAt: site.settings.moderation.reports.toHide },
  };
}

/**
 * A link to `#comment-ID` opens that comment in the widget, which fetches its conversation as a
 * reader: for a comment readers cannot see, that finds nothing, so the link goes to the nearest
 * place that readers can see.
 */
function linkFor(item: QueueItem, parent: CommentWithAuthor | null): QueueItemContext['link'] {
  const url = item.thread.url;
  const at = (id: string) => `${url}#comment-${encodeURIComponent(id)}`;
  if (stateOf(item.comment) === 'published') return { href: at(item.comment.id), to: 'comment' };
  if (parent && stateOf(parent) === 'published') return { href: at(parent.id), to: 'parent' };
  return { href: url, to: 'article' };
}

/**
 * Rejected and published comments got there by the rules when posted (or edited), or by the
 * moderator who last reviewed them. An author's edit never rejects, and keeps a comment published
 * only when the rules pass it, so the last review still stands for these two.
 */
function decisionFor(c: CommentWithAuthor, facts: QueueItemFacts): QueueDecision | null {
  if (c.status !== 'rejected' && c.status !== 'published') return null;
  const reviewed = facts.reviewed;
  if (reviewed) {
    const name = reviewed.actor === SITE_OWNER.actor ? SITE_OWNER.name : (reviewed.name ?? 'A moderator');
    return { by: 'moderator', name, at: reviewed.at, reason: c.status === 'rejected' ? c.rejectReason : null, rules: [] };
  }
  return { by: 'rules', name: null, at: c.editedAt ?? c.createdAt, reason: null, rules: unique(c.reasons.map((r) => r.ruleId)) };
}
