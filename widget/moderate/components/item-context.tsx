// What surrounds a queue item: the comment it answers, who decided it and why, and badges about
// it and its author, each in words (colour only repeats what the text says).
import { Fragment } from 'preact';
import type { QueueItemContext, QueueItemView } from '../../../shared/schemas/moderation-api';
import { absoluteTime, relativeTime } from '../../model/time';
import { REJECT_LABELS } from '../model/reject-reason';
import { StateBadge } from './status-badge';
import { own } from '../../../shared/own';

export interface ParentExcerptProps {
  parent: NonNullable<QueueItemContext['parent']>;
}

export function ParentExcerpt({ parent }: ParentExcerptProps) {
  if (parent.state === 'deleted') return <p class="parent muted">In reply to a deleted comment</p>;
  return (
    <p class="parent">
      In reply to <span class="author">{parent.authorName}</span>
      {parent.state !== 'published' && (
        <>
          {' '}
          <StateBadge state={parent.state} />
        </>
      )}
      : <q>{parent.excerpt}</q>
    </p>
  );
}

export interface DecisionNoteProps {
  decision: NonNullable<QueueItemContext['decision']>;
  status: QueueItemView['status'];
  now: number;
}

/** "Rejected by Dana · Off topic · 2 h ago", or what the rules decided when no moderator has. */
export function DecisionNote({ decision, status, now }: DecisionNoteProps) {
  const verb = status === 'rejected' ? 'Rejected' : 'Approved';
  const when = (
    <time dateTime={new Date(decision.at).toISOString()} title={absoluteTime(decision.at)}>
      {relativeTime(decision.at, now)}
    </time>
  );
  if (decision.by === 'moderator') {
    const reason = decision.reason && (own(REJECT_LABELS, decision.reason) ?? decision.reason);
    return (
      <p class="decision">
        {verb} by <strong>{decision.name}</strong>
        {reason && <> · {reason}</>} · {when}
      </p>
    );
  }
  return (
    <p class="decision">
      {status === 'rejected' ? 'Rejected automatically' : 'Published automatically'}
      {decision.rules.length > 0 ? (
        <>
          {' by '}
          {decision.rules.map((r, i) => (
            <Fragment key={r}>
              {i > 0 && ', '}
              <code class="rule-id">{r}</code>
            </Fragment>
          ))}
        </>
      ) : (
        status === 'published' && ': no rule held it'
      )}{' '}
      · {when}
    </p>
  );
}

export interface ContextBadgesProps {
  context: QueueItemContext;
}

export function ContextBadges({ context }: ContextBadgesProps) {
  const { afterNudge, newMember, author } = context;
  const badges: { key: string; text: string; title: string; tone?: string }[] = [];
  if (afterNudge === 'posted_anyway') badges.push({ key: 'nudge', text: 'Posted after a nudge', title: 'The author was shown the civility nudge and posted it unchanged', tone: 'warn' });
  if (afterNudge === 'revised') badges.push({ key: 'nudge', text: 'Revised after a nudge', title: 'The author was shown the civility nudge and revised it before posting' });
  if (newMember) badges.push({ key: 'new', text: 'New member', title: 'Posted before its author had as many published comments as the new-member rule asks for' });
  if (author.banned) badges.push({ key: 'banned', text: 'Author banned', title: 'The author is banned from commenting on this site', tone: 'bad' });
  if (author.suspendedUntil !== null) {
    const until = absoluteTime(author.suspendedUntil);
    badges.push({ key: 'suspended', text: `Author suspended until ${until}`, title: 'The author may not comment until then', tone: 'warn' });
  }
  if (author.premoderated) badges.push({ key: 'premoderated', text: 'Author pre-moderated', title: 'Every comment of this author waits for review' });
  if (badges.length === 0) return null;
  return (
    <ul class="badges context-badges" aria-label="About this comment and its author">
      {badges.map((b) => (
        <li key={b.key} class={`badge${b.tone ? ` tone-${b.tone}` : ''}`} title={b.title}>
          {b.text}
        </li>
      ))}
    </ul>
  );
}
