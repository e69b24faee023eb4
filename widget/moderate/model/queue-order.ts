// The queue's orders as the server sorts them (server/store/libsql/queue.ts SORTS), so an undone
// comment can go back into its own place in the list without reading the list again.
import type { QueueItemView, QueueSort } from '../../../shared/schemas/moderation-api';

/** Open reports: the server counts each open report once, as the report groups do. */
const openReports = (i: QueueItemView) => i.reports.reduce((n, r) => n + r.count, 0);

/** The highest score the rules held it with, in thousandths, as the server keeps it (held_score). */
const heldScore = (i: QueueItemView) => Math.round(Math.max(0, ...i.reasons.map((r) => r.score ?? 0)) * 1000);

const KEYS: Record<QueueSort, ((i: QueueItemView) => number) | null> = { newest: null, oldest: null, reports: openReports, score: heldScore };

/** Negative when `a` comes before `b` in this order: the sort's own key first, then time and id. */
export function compareIn(sort: QueueSort): (a: QueueItemView, b: QueueItemView) => number {
  const key = KEYS[sort];
  const dir = sort === 'oldest' ? 1 : -1;
  return (a, b) => {
    const byKey = key ? dir * (key(a) - key(b)) : 0;
    if (byKey) return byKey;
    if (a.createdAt !== b.createdAt) return dir * (a.createdAt - b.createdAt);
    return a.id === b.id ? 0 : dir * (a.id < b.id ? -1 : 1);
  };
}

/**
 * The list with these comments in their places: an item already listed is replaced where it is,
 * another goes before the first item it sorts ahead of. One that sorts after every loaded item
 * goes last only when the list is complete; otherwise its place is on a page not loaded yet, and
 * Load more brings it. Returns the list and the ids it put in.
 */
export function placeInOrder(items: QueueItemView[], back: QueueItemView[], sort: QueueSort, complete: boolean): { items: QueueItemView[]; placed: string[] } {
  const list = [...items];
  const placed: string[] = [];
  const compare = compareIn(sort);
  for (const item of back) {
    const at = list.findIndex((i) => i.id === item.id);
    if (at >= 0) {
      list[at] = { ...item, context: item.context ?? list[at].context };
      continue;
    }
    const before = list.findIndex((i) => compare(item, i) < 0);
    if (before >= 0) list.splice(before, 0, item);
    else if (complete) list.push(item);
    else continue;
    placed.push(item.id);
  }
  return { items: list, placed };
}
