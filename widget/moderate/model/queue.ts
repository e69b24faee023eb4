// The review queue's state and the pure reducer that changes it; each mounted dashboard owns one.
// Actions remove items optimistically, so the reducer can put them back where they were.
import type { QueueCounts, QueueItemView, QueueName, QueueResponse } from '../../../shared/schemas/moderation-api';
import type { ApiError } from '../../api/result';

export interface QueueFilter {
  threadId?: string;
  rule?: string;
}

export interface QueueState {
  queue: QueueName;
  filter: QueueFilter;
  phase: 'loading' | 'ready' | 'failed';
  error: ApiError | null;
  items: QueueItemView[];
  nextCursor: string | null;
  counts: QueueCounts | null;
  selectedId: string | null;
  /** Ids ticked for a bulk action, in the order they were ticked. */
  checked: string[];
  /** Threads seen in any queue, for the filter bar (id → title). */
  threads: Record<string, string>;
}

/** An item taken out of the list, with where it was, so a failed action can restore it. */
export interface Removed {
  item: QueueItemView;
  index: number;
}

export type QueueAction =
  | { type: 'open'; queue: QueueName; filter: QueueFilter }
  | { type: 'loaded'; response: QueueResponse; append: boolean }
  | { type: 'failed'; error: ApiError }
  | { type: 'counts'; counts: QueueCounts }
  | { type: 'select'; id: string | null }
  | { type: 'move'; by: 1 | -1 }
  | { type: 'check'; id: string; on?: boolean }
  | { type: 'checkAll'; on: boolean }
  | { type: 'remove'; ids: string[] }
  | { type: 'restore'; removed: Removed[] }
  | { type: 'replace'; items: QueueItemView[] };

export const initialQueueState = (queue: QueueName = 'pending', filter: QueueFilter = {}): QueueState => ({
  queue,
  filter,
  phase: 'loading',
  error: null,
  items: [],
  nextCursor: null,
  counts: null,
  selectedId: null,
  checked: [],
  threads: {},
});

/** Which of the items would leave the list, and at which indexes. */
export function itemsToRemove(state: QueueState, ids: string[]): Removed[] {
  const wanted = new Set(ids);
  return state.items.flatMap((item, index) => (wanted.has(item.id) ? [{ item, index }] : []));
}

function withCount(counts: QueueCounts | null, queue: QueueName, delta: number): QueueCounts | null {
  return counts && { ...counts, [queue]: Math.max(0, counts[queue] + delta) };
}

function rememberThreads(threads: Record<string, string>, items: QueueItemView[]): Record<string, string> {
  const out = { ...threads };
  for (const i of items) out[i.thread.id] = i.thread.title || i.thread.url;
  return out;
}

export function queueReducer(state: QueueState, action: QueueAction): QueueState {
  switch (action.type) {
    case 'open':
      return { ...initialQueueState(action.queue, action.filter), counts: state.counts, threads: state.threads };
    case 'loaded': {
      const { items, nextCursor, counts } = action.response;
      const known = new Set(action.append ? state.items.map((i) => i.id) : []);
      const list = action.append ? [...state.items, ...items.filter((i) => !known.has(i.id))] : items;
      const selectedId = list.some((i) => i.id === state.selectedId) ? state.selectedId : (list[0]?.id ?? null);
      const checked = state.checked.filter((id) => list.some((i) => i.id === id));
      // A thread filter narrows the page's counts; the navigation keeps showing the whole site's.
      const siteCounts = state.filter.threadId && state.counts ? state.counts : counts;
      return { ...state, phase: 'ready', error: null, items: list, nextCursor, counts: siteCounts, selectedId, checked, threads: rememberThreads(state.threads, items) };
    }
    case 'failed':
      return { ...state, phase: state.phase === 'loading' ? 'failed' : state.phase, error: action.error };
    case 'counts':
      return { ...state, counts: action.counts };
    case 'select':
      return { ...state, selectedId: action.id };
    case 'move': {
      if (state.items.length === 0) return state;
      const at = state.items.findIndex((i) => i.id === state.selectedId);
      const next = at < 0 ? 0 : Math.min(state.items.length - 1, Math.max(0, at + action.by));
      return { ...state, selectedId: state.items[next].id };
    }
    case 'check': {
      const on = action.on ?? !state.checked.includes(action.id);
      const rest = state.checked.filter((id) => id !== action.id);
      return { ...state, checked: on ? [...rest, action.id] : rest };
    }
    case 'checkAll':
      return { ...state, checked: action.on ? state.items.map((i) => i.id) : [] };
    case 'remove': {
      const gone = new Set(action.ids);
      const items = state.items.filter((i) => !gone.has(i.id));
      const removedCount = state.items.length - items.length;
      let selectedId = state.selectedId;
      if (selectedId && gone.has(selectedId)) {
        // Selection moves on to the item that followed, or back to the last one left.
        const at = state.items.findIndex((i) => i.id === selectedId);
        const after = state.items.slice(at + 1).find((i) => !gone.has(i.id));
        selectedId = (after ?? items[items.length - 1])?.id ?? null;
      }
      return {
        ...state,
        items,
        selectedId,
        checked: state.checked.filter((id) => !gone.has(id)),
        counts: withCount(state.counts, state.queue, -removedCount),
      };
    }
    case 'restore': {
      const items = [...state.items];
      const present = new Set(items.map((i) => i.id));
      const back = action.removed.filter((r) => !present.has(r.item.id)).sort((a, b) => a.index - b.index);
      for (const r of back) items.splice(Math.min(r.index, items.length), 0, r.item);
      return { ...state, items, counts: withCount(state.counts, state.queue, back.length), selectedId: back[0]?.item.id ?? state.selectedId };
    }
    case 'replace': {
      const fresh = new Map(action.items.map((i) => [i.id, i]));
      return { ...state, items: state.items.map((i) => fresh.get(i.id) ?? i) };
    }
  }
}
