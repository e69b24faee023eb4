import type { RefObject } from 'preact';
import type { ModeratorConversation, QueueItemContext, QueueItemView } from '../../../shared/schemas/moderation-api';
import type { Result } from '../../api/result';
import type { Settled } from '../model/queue';
import { useRowWindow } from '../model/use-row-window';
import { QueueItem } from './queue-item';

/** What a row does when clicked: the same functions on every render, so rows not changed are not drawn again. */
export interface RowHandlers {
  onSelect(id: string): void;
  onCheck(id: string, on: boolean): void;
  onApprove(id: string): void;
  onReject(id: string): void;
  onFeature(id: string): void;
  onUndo(id: string): void;
}

export interface QueueListProps {
  listRef: RefObject<HTMLOListElement | null>;
  items: QueueItemView[];
  settled: Record<string, Settled>;
  selectedId: string | null;
  checked: string[];
  now: number;
  handlers: RowHandlers;
  loadThread(id: string): Promise<Result<ModeratorConversation>>;
  /** The author's standing as the author panel last read it, for that author's rows. */
  standing?: QueueItemContext['author'] & { userId: string };
  search: string[];
  /** What the list is called, with its selected place ("Comments, 3 of 120 selected"). */
  label: string;
  win: Window | null;
}

/** The queue's rows, only those near the screen drawn once the list is long (see use-row-window.ts). */
export function QueueList({ listRef, items, settled, selectedId, checked, now, handlers, loadThread, standing, search, label, win }: QueueListProps) {
  const ids = items.map((i) => i.id);
  const shown = useRowWindow(listRef, ids, selectedId, win);
  const ticked = new Set(checked);
  return (
    <ol class="items" ref={listRef} tabIndex={-1} aria-label={label} style={{ paddingTop: `${shown.before}px`, paddingBottom: `${shown.after}px` }}>
      {items.slice(shown.start, shown.end).map((item, n) => (
        <QueueItem
          key={item.id}
          item={item}
          now={now}
          selected={item.id === selectedId}
          checked={ticked.has(item.id)}
          settled={settled[item.id]}
          loadThread={loadThread}
          authorStanding={standing?.userId === item.author.id ? standing : undefined}
          search={search}
          position={shown.start + n + 1}
          setSize={items.length}
          {...handlers}
        />
      ))}
    </ol>
  );
}
