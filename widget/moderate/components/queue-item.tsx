import type { QueueItemView } from '../../../shared/schemas/moderation-api';
import type { Settled } from '../model/queue';
import { safeUrl } from '../../render/sanitize-html';
import { absoluteTime, relativeTime } from '../../model/time';
import { HighlightedText } from './highlighted-text';
import { ReasonList, ReportList } from './reason-list';
import { StatusBadge } from './status-badge';

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
}

export function QueueItem({ item, selected, checked, now, onSelect, onCheck, onApprove, onReject, onFeature, settled, onUndo }: QueueItemProps) {
  // Once it has left the queue, a slim row keeps its place and its Undo, as in Coral's queues.
  if (settled?.left) {
    return (
      <li class="item done" id={`item-${item.id}`} data-id={item.id}>
        <ActionNote settled={settled} onUndo={() => onUndo(item.id)} />
      </li>
    );
  }
  const url = safeUrl(item.thread.url);
  const title = item.thread.title || item.thread.url || 'Untitled thread';
  return (
    <li
      class={`item${selected ? ' selected' : ''}`}
      id={`item-${item.id}`}
      aria-current={selected ? 'true' : undefined}
      data-id={item.id}
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
          <a class="thread" href={`${url}#comment-${encodeURIComponent(item.id)}`} target="_blank" rel="noopener">
            {title}
          </a>
        ) : (
          <span class="thread">{title}</span>
        )}
        <span class="author">{item.author.name}</span>
        <time dateTime={new Date(item.createdAt).toISOString()} title={absoluteTime(item.createdAt)}>
          {relativeTime(item.createdAt, now)}
        </time>
        <StatusBadge item={item} />
      </div>
      {settled && <ActionNote settled={settled} onUndo={() => onUndo(item.id)} />}
      <HighlightedText body={item.body} reasons={item.reasons} />
      <ReasonList reasons={item.reasons} />
      <ReportList reports={item.reports} />
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
