import { Component } from 'preact';
import type { ModeratorConversation, QueueItemContext, QueueItemView } from '../../../shared/schemas/moderation-api';
import type { Result } from '../../api/result';
import type { Settled } from '../model/queue';
import { safeUrl } from '../../render/sanitize-html';
import { absoluteTime, relativeTime } from '../../model/time';
import { HighlightedText, SearchedText } from './highlighted-text';
import { ContextBadges, DecisionNote, ParentExcerpt } from './item-context';
import { ReasonList, ReportList } from './reason-list';
import { StatusBadge } from './status-badge';
import { ThreadView } from './thread-view';

export interface QueueItemProps {
  item: QueueItemView;
  selected: boolean;
  checked: boolean;
  now: number;
  onSelect(id: string): void;
  onCheck(id: string, on: boolean): void;
  onApprove(id: string): void;
  onReject(id: string): void;
  onFeature(id: string): void;
  /** What was just done to it, when anything was. */
  settled?: Settled;
  onUndo(id: string): void;
  /** Reads the item's whole conversation, for "show thread". */
  loadThread(id: string): Promise<Result<ModeratorConversation>>;
  /** The author's standing as the author panel last read it, when it is this item's author. */
  authorStanding?: QueueItemContext['author'];
  /** The queue search's words, marked where they match. */
  search?: string[];
  /** Its place in the whole list (1-based) and the list's length: only some rows are drawn at once. */
  position?: number;
  setSize?: number;
}

/**
 * A row drawn again only when what it shows changed: a key moves the selection between two rows,
 * and a long list's other rows are left as they are. Handlers must be stable (see QueuePage).
 */
export class QueueItem extends Component<QueueItemProps> {
  shouldComponentUpdate(next: QueueItemProps) {
    const now = this.props as unknown as Record<string, unknown>;
    const then = next as unknown as Record<string, unknown>;
    return Object.keys({ ...now, ...then }).some((k) => now[k] !== then[k]);
  }
  render(props: QueueItemProps) {
    return <QueueItemRow {...props} />;
  }
}

/** Where the article link goes, and what a screen reader hears about it. */
const LINK_HINTS = {
  comment: 'opens at this comment',
  parent: 'opens at the comment it replies to; readers cannot see this one',
  article: 'opens the article; readers cannot see this comment',
} as const;

function QueueItemRow(props: QueueItemProps) {
  const { item, selected, checked, now, onSelect, onCheck, onApprove, onReject, onFeature, settled, onUndo, loadThread, authorStanding, search, position, setSize } = props;
  const place = { 'aria-posinset': position, 'aria-setsize': setSize };
  // Once it has left the queue, a slim row keeps its place and its Undo, as in Coral's queues.
  if (settled?.left) {
    return (
      <li class="item done" id={`item-${item.id}`} data-id={item.id} {...place}>
        <ActionNote settled={settled} onUndo={() => onUndo(item.id)} />
      </li>
    );
  }
  const context = item.context && authorStanding ? { ...item.context, author: authorStanding } : item.context;
  // Without its context the item links to the article: a comment readers cannot see is not found there.
  const url = safeUrl(context?.link.href ?? item.thread.url);
  const hint = LINK_HINTS[context?.link.to ?? 'article'];
  const title = item.thread.title || item.thread.url || 'Untitled thread';
  return (
    <li
      class={`item${selected ? ' selected' : ''}`}
      id={`item-${item.id}`}
      aria-current={selected ? 'true' : undefined}
      data-id={item.id}
      {...place}
      onClick={() => onSelect(item.id)}
    >
      <div class="item-head">
        <input
          type="checkbox"
          checked={checked}
          aria-label={`Select comment by ${item.author.name}`}
          onClick={(e) => e.stopPropagation()}
          onChange={(e) => onCheck(item.id, e.currentTarget.checked)}
        />
        {url ? (
          <a class="thread" href={url} target="_blank" rel="noopener" title={hint}>
            {title}
            <span class="visually-hidden">, {hint}</span>
          </a>
        ) : (
          <span class="thread">{title}</span>
        )}
        <span class="author">
          <SearchedText text={item.author.name} search={search} />
        </span>
        <time dateTime={new Date(item.createdAt).toISOString()} title={absoluteTime(item.createdAt)}>
          {relativeTime(item.createdAt, now)}
        </time>
        <StatusBadge item={item} />
      </div>
      {settled && <ActionNote settled={settled} onUndo={() => onUndo(item.id)} />}
      {context && <ContextBadges context={context} />}
      {context?.parent && <ParentExcerpt parent={context.parent} />}
      <HighlightedText body={item.body} reasons={item.reasons} search={search} />
      {context?.decision && <DecisionNote decision={context.decision} status={item.status} now={now} />}
      <ReasonList reasons={item.reasons} />
      <ReportList reports={item.reports} weight={context?.reportWeight} />
      {context && context.conversationSize > 1 && <ThreadView itemId={item.id} size={context.conversationSize} now={now} load={() => loadThread(item.id)} />}
      <div class="item-actions">
        <button type="button" class="btn approve" onClick={() => onApprove(item.id)}>
          Approve <kbd>a</kbd>
        </button>
        <button type="button" class="btn reject" onClick={() => onReject(item.id)} disabled={item.status === 'rejected'}>
          Reject <kbd>r</kbd>
        </button>
        <button type="button" class="btn" onClick={() => onFeature(item.id)} disabled={item.status !== 'published' || item.deleted}>
          {item.featured ? 'Unfeature' : 'Feature'} <kbd>f</kbd>
        </button>
      </div>
    </li>
  );
}

export interface ActionNoteProps {
  settled: Settled;
  onUndo(): void;
}

/** "Rejected ‘You are all…’ by Dana — Undo": the server's own line for what was done, and by whom. */
export function ActionNote({ settled, onUndo }: ActionNoteProps) {
  const { actions } = settled;
  if (!actions) {
    return (
      <p class="done-note muted" aria-busy="true">
        Saving…
      </p>
    );
  }
  return (
    <p class="done-note">
      {actions.map((a) => `${a.summary} by ${a.actorName}`).join('; ')} —{' '}
      <button
        type="button"
        class="link"
        onClick={(e) => {
          e.stopPropagation();
          onUndo();
        }}
      >
        Undo
      </button>
    </p>
  );
}
