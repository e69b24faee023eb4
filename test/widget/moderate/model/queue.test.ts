// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { QueueItemView, QueueResponse } from '../../../../shared/schemas/moderation-api';
import { initialQueueState, itemsToRemove, queueReducer, type QueueState } from '../../../../widget/moderate/model/queue';

const item = (id: string): QueueItemView => ({
  id,
  body: `Comment ${id}`,
  html: `<p>Comment ${id}</p>`,
  status: 'pending',
  featured: false,
  deleted: false,
  createdAt: 0,
  editedAt: null,
  parentId: null,
  reasons: [],
  reports: [],
  author: { id: 'u1', name: 'Alice', role: 'member' },
  thread: { id: 't1', title: 'City budget', url: 'https://news.example/a', section: 'news' },
});

function loaded(ids: string[], pending = ids.length): QueueState {
  const response: QueueResponse = { items: ids.map(item), nextCursor: null, counts: { pending, reported: 0, rejected: 0, recent: 0 } };
  return queueReducer(initialQueueState(), { type: 'loaded', response, append: false });
}

describe('queueReducer', () => {
  it('selects the first item when a queue loads', () => {
    expect(loaded(['a', 'b']).selectedId).toBe('a');
  });

  it('moves the selection within the list and stops at either end', () => {
    let s = loaded(['a', 'b', 'c']);
    s = queueReducer(s, { type: 'move', by: 1 });
    s = queueReducer(s, { type: 'move', by: 1 });
    s = queueReducer(s, { type: 'move', by: 1 });
    expect(s.selectedId).toBe('c');
    s = queueReducer(s, { type: 'move', by: -1 });
    expect(s.selectedId).toBe('b');
  });

  it('removing the selected item selects the one after it and lowers the queue count', () => {
    let s = queueReducer(loaded(['a', 'b', 'c'], 10), { type: 'select', id: 'b' });
    s = queueReducer(s, { type: 'remove', ids: ['b'] });
    expect(s.items.map((i) => i.id)).toEqual(['a', 'c']);
    expect(s.selectedId).toBe('c');
    expect(s.counts?.pending).toBe(9);
  });

  it('removing the last item selects the one before it', () => {
    let s = queueReducer(loaded(['a', 'b']), { type: 'select', id: 'b' });
    s = queueReducer(s, { type: 'remove', ids: ['b'] });
    expect(s.selectedId).toBe('a');
  });

  it('puts removed items back where they were when an action fails', () => {
    const before = loaded(['a', 'b', 'c', 'd']);
    const removed = itemsToRemove(before, ['b', 'd']);
    let s = queueReducer(before, { type: 'remove', ids: ['b', 'd'] });
    s = queueReducer(s, { type: 'restore', removed });
    expect(s.items.map((i) => i.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(s.counts?.pending).toBe(4);
  });

  it('toggles bulk selection and forgets ticked items once they leave the list', () => {
    let s = loaded(['a', 'b', 'c']);
    s = queueReducer(s, { type: 'check', id: 'a' });
    s = queueReducer(s, { type: 'check', id: 'c' });
    s = queueReducer(s, { type: 'check', id: 'a' });
    expect(s.checked).toEqual(['c']);
    s = queueReducer(s, { type: 'checkAll', on: true });
    expect(s.checked).toEqual(['a', 'b', 'c']);
    s = queueReducer(s, { type: 'remove', ids: ['b'] });
    expect(s.checked).toEqual(['a', 'c']);
  });

  it('appends a further page without duplicating items it already has', () => {
    const s = queueReducer(loaded(['a', 'b']), {
      type: 'loaded',
      append: true,
      response: { items: [item('b'), item('c')], nextCursor: null, counts: { pending: 3, reported: 0, rejected: 0, recent: 0 } },
    });
    expect(s.items.map((i) => i.id)).toEqual(['a', 'b', 'c']);
    expect(s.threads).toEqual({ t1: 'City budget' });
  });

  it('keeps the whole site’s counts when a thread filter narrows the page', () => {
    let s = queueReducer(loaded(['a'], 7), { type: 'open', queue: 'pending', filter: { threadId: 't1' } });
    s = queueReducer(s, {
      type: 'loaded',
      append: false,
      response: { items: [item('a')], nextCursor: null, counts: { pending: 1, reported: 0, rejected: 0, recent: 0 } },
    });
    expect(s.counts?.pending).toBe(7);
  });

  it('opening another queue keeps the counts and known threads but drops the list', () => {
    const s = queueReducer(loaded(['a']), { type: 'open', queue: 'reported', filter: { rule: 'links' } });
    expect(s).toMatchObject({ queue: 'reported', filter: { rule: 'links' }, items: [], phase: 'loading', threads: { t1: 'City budget' } });
    expect(s.counts?.pending).toBe(1);
  });
});
