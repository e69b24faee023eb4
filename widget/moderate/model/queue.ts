// The review queue's state and the pure reducer that changes it; each mounted dashboard owns one.
// An action settles its items at once: those it takes out of the queue stay in place as slim rows
// naming what was done, with an Undo, until the list reloads; a refusal or an undo puts them back.
import type { ActionSummary, QueueCounts, QueueItemView, QueueName, QueueResponse, QueueSort } from '../../../shared/schemas/moderation-api';
import type { ApiError } from '../../api/result';
import { placeInOrder } from './queue-order';

/** Which comments the list holds; also exactly what "Select all N matching" acts on (the order is not part of it). */
export interface QueueFilter {
  threadId?: string;
  rule?: string;
  /** Words to find in bodies and authors' names; never empty. */
  q?: string;
  /** Only comments posted by new members. */
  members?: 'new';
}

export interface QueueState {
  queue: QueueName;
  filter: QueueFilter;
  sort: QueueSort;
  phase: 'loading' | 'ready' | 'failed';
  error: ApiError | null;
  items: QueueItemView[];
  nextCursor: string | null;
  counts: QueueCounts | null;
  selectedId: string | null;
  /** Ids ticked for a bulk action, in the order they were ticked. */
  checked: string[];
  /** How many comments the queue holds under its filters, loaded or not (the server's count). */
  matching: number | null;
  /** "Select all N matching": the next bulk action is for the whole filtered queue, on the server. */
  allMatching: boolean;
  /** Threads seen in any queue, for the filter bar (id → title). */
  threads: Record<string, string>;
  /** Items acted on since the list loaded, by id. */
  settled: Record<string, Settled>;
  /** The server's time when the list's first page was read: the banner counts what came after. */
  asOf: number | null;
  /** Comments that came in under the filters since then, not shown until the moderator asks. */
  newer: number;
}

/** An item a moderator acted on: what it was, whether it left the queue, and the server's record. */
export interface Settled {
  /** The item as it was before the action: what an undo brings back. */
  before: QueueItemView;
  /** Taken out of this queue: shown as a slim row, skipped by j, k and select all. */
  left: boolean;
  /** The actions the server recorded for it; null while the request is in flight. */
  actions: ActionSummary[] | null;
}

export type QueueAction =
  | { type: 'open'; queue: QueueName; filter: QueueFilter; sort?: QueueSort }
  | { type: 'loaded'; response: QueueResponse; append: boolean }
  | { type: 'failed'; error: ApiError }
  | { type: 'counts'; counts: QueueCounts }
  /** The banner's poll answered for the list as it is now. */
  | { type: 'newer'; newer: number; counts: QueueCounts }
  | { type: 'select'; id: string | null }
  | { type: 'move'; by: 1 | -1 }
  | { type: 'check'; id: string; on?: boolean }
  | { type: 'checkAll'; on: boolean }
  /** Selects every comment the queue holds under its filters, beyond those loaded. */
  | { type: 'checkMatching'; on: boolean }
  /** An action was sent for these items; `leaves` when it takes them out of this queue. */
  | { type: 'acting'; ids: string[]; leaves: boolean }
  /** The server refused it: the items are back as they were. */
  | { type: 'refused'; ids: string[] }
  | { type: 'acted'; items: QueueItemView[]; actions: ActionSummary[] }
  /** Those actions were undone: the items are back as they were before them. */
  | { type: 'undone'; ids: string[] }
  /** Undone comments the list no longer held (it was read again since), as the server has them now. */
  | { type: 'restored'; items: QueueItemView[] };

export const initialQueueState = (queue: QueueName = 'pending', filter: QueueFilter = {}, sort: QueueSort = 'newest'): QueueState => ({
  queue,
  filter,
  sort,
  phase: 'loading',
  error: null,
  items: [],
  nextCursor: null,
  counts: null,
  selectedId: null,
  checked: [],
  matching: null,
  allMatching: false,
  threads: {},
  settled: {},
  asOf: null,
  newer: 0,
});

/** The items still under review in this queue: the list minus the slim rows of those that left. */
export function liveItems(state: QueueState): QueueItemView[] {
  return state.items.filter((i) => !state.settled[i.id]?.left);
}

/** The selection after these ids leave: the live item that followed, or else the last one before. */
function selectionAfterLeaving(state: QueueState, gone: Set<string>): string | null {
  const { selectedId } = state;
  if (!selectedId || !gone.has(selectedId)) return selectedId;
  const live = (i: QueueItemView) => !gone.has(i.id) && !state.settled[i.id]?.left;
  const at = state.items.findIndex((i) => i.id === selectedId);
  const after = state.items.slice(at + 1).find(live);
  return (after ?? state.items.slice(0, at).reverse().find(live))?.id ?? null;
}

/** Puts settled items back as they were before the action, counting back those that had left the queue. */
function unsettle(state: QueueState, ids: string[]): QueueState {
  const settled = { ...state.settled };
  const back = new Map<string, QueueItemView>();
  let returned: string | null = null;
  for (const id of ids) {
    const s = settled[id];
    if (!s) continue;
    delete settled[id];
    back.set(id, s.before);
    if (s.left) returned ??= id;
  }
  const count = [...back.keys()].filter((id) => state.settled[id].left).length;
  return {
    ...state,
    settled,
    items: state.items.map((i) => back.get(i.id) ?? i),
    counts: withCount(state.counts, state.queue, count),
    matching: state.matching === null ? null : state.matching + count,
    selectedId: returned ?? state.selectedId,
  };
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
      return { ...initialQueueState(action.queue, action.filter, action.sort ?? state.sort), counts: state.counts, threads: state.threads };
    case 'loaded': {
      const { items, nextCursor, counts, matching } = action.response;
      const known = new Set(action.append ? state.items.map((i) => i.id) : []);
      const list = action.append ? [...state.items, ...items.filter((i) => !known.has(i.id))] : items;
      const selectedId = list.some((i) => i.id === state.selectedId) ? state.selectedId : (list[0]?.id ?? null);
      const settled = action.append ? state.settled : {};
      const checked = state.checked.filter((id) => list.some((i) => i.id === id && !settled[id]?.left));
      // A thread filter narrows the page's counts; the navigation keeps showing the whole site's.
      const siteCounts = state.filter.threadId && state.counts ? state.counts : counts;
      const fresh = {
        matching,
        allMatching: action.append && state.allMatching,
        // A further page keeps the time the list started from, so the banner still counts from there.
        ...(action.append ? {} : { asOf: action.response.asOf, newer: 0 }),
      };
      return { ...state, ...fresh, phase: 'ready', error: null, items: list, nextCursor, counts: siteCounts, selectedId, checked, settled, threads: rememberThreads(state.threads, items) };
    }
    case 'failed':
      return { ...state, phase: state.phase === 'loading' ? 'failed' : state.phase, error: action.error };
    case 'counts':
      return { ...state, counts: action.counts };
    case 'newer':
      return { ...state, newer: action.newer, counts: state.filter.threadId && state.counts ? state.counts : action.counts };
    case 'select':
      return { ...state, selectedId: action.id };
    case 'move': {
      const live = liveItems(state);
      if (live.length === 0) return state;
      const at = live.findIndex((i) => i.id === state.selectedId);
      const next = at < 0 ? 0 : Math.min(live.length - 1, Math.max(0, at + action.by));
      return { ...state, selectedId: live[next].id };
    }
    case 'check': {
      const on = action.on ?? !state.checked.includes(action.id);
      const rest = state.checked.filter((id) => id !== action.id);
      return { ...state, checked: on ? [...rest, action.id] : rest, allMatching: false };
    }
    case 'checkAll':
      return { ...state, checked: action.on ? liveItems(state).map((i) => i.id) : [], allMatching: false };
    case 'checkMatching':
      return { ...state, checked: action.on ? liveItems(state).map((i) => i.id) : [], allMatching: action.on && !!state.matching };
    case 'acting': {
      const wanted = new Set(action.ids);
      const targets = liveItems(state).filter((i) => wanted.has(i.id));
      if (targets.length === 0) return state;
      const settled = { ...state.settled };
      for (const item of targets) settled[item.id] = { before: item, left: action.leaves, actions: null };
      if (!action.leaves) return { ...state, settled };
      const gone = new Set(targets.map((i) => i.id));
      return {
        ...state,
        settled,
        selectedId: selectionAfterLeaving(state, gone),
        checked: state.checked.filter((id) => !gone.has(id)),
        allMatching: false,
        counts: withCount(state.counts, state.queue, -gone.size),
        matching: state.matching === null ? null : Math.max(0, state.matching - gone.size),
      };
    }
    case 'refused':
      return unsettle(state, action.ids.filter((id) => state.settled[id]?.actions === null));
    case 'acted': {
      const fresh = new Map(action.items.map((i) => [i.id, i]));
      const settled = { ...state.settled };
      for (const a of action.actions) {
        const s = settled[a.targetId];
        if (a.targetType === 'comment' && s) settled[a.targetId] = { ...s, actions: [...(s.actions ?? []), a] };
      }
      // An action's answer carries the comment, not its context: the item keeps the context it had.
      const updated = (i: QueueItemView) => {
        const f = fresh.get(i.id);
        return f ? { ...f, context: f.context ?? i.context } : i;
      };
      return { ...state, settled, items: state.items.map(updated) };
    }
    case 'undone':
      return unsettle(state, action.ids);
    case 'restored': {
      const { items, placed } = placeInOrder(state.items, action.items, state.sort, state.nextCursor === null);
      // Those the list did not hold are back in the queue, placed or on a page still to load.
      const back = action.items.filter((i) => !state.items.some((x) => x.id === i.id)).length;
      return {
        ...state,
        items,
        matching: state.matching === null ? null : state.matching + back,
        selectedId: placed[0] ?? state.selectedId,
        threads: rememberThreads(state.threads, action.items),
      };
    }
  }
}
