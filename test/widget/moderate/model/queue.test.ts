// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { ActionSummary, QueueItemView, QueueResponse } from '../../../../shared/schemas/moderation-api';
import { initialQueueState, liveItems, queueReducer, type QueueState } from '../../../../widget/moderate/model/queue';

const item = (id: string): QueueItemView => ({
  id,
  body: `Comment ${id}`,
  html: `<p>Comment ${id}</p>`,
  status: 'pending',
  state: 'pending',
  featured: false,
  deleted: false,
  createdAt: 0,
  editedAt: null,
  parentId: null,
  reasons: [],
  reports: [],
  author: { id: 'u1', name: 'Alice', role: 'member', avatarUrl: null },
  thread: { id: 't1', title: 'City budget', url: 'https://news.example/a', section: 'news' },
});

const summary = (targetId: string, action = 'approve'): ActionSummary => ({
  id: `act-${targetId}`,
  action,
  targetType: 'comment',
  targetId,
  summary: `Approved ‘Comment ${targetId}’`,
  actorName: 'Dana',
  createdAt: 0,
});

const live = (s: QueueState) => liveItems(s).map((i) => i.id);

function loaded(ids: string[], pending = ids.length): QueueState {
  const response: QueueResponse = { items: ids.map(item), nextCursor: null, counts: { pending, reported: 0, rejected: 0, recent: 0 }, matching: pending, asOf: 0 };
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

  it('an action that takes the selected item out of the queue leaves a slim row, selects the one after it and lowers the count', () => {
    let s = queueReducer(loaded(['a', 'b', 'c'], 10), { type: 'select', id: 'b' });
    s = queueReducer(s, { type: 'acting', ids: ['b'], leaves: true });
    expect(s.items.map((i) => i.id)).toEqual(['a', 'b', 'c']);
    expect(live(s)).toEqual(['a', 'c']);
    expect(s.settled.b).toMatchObject({ left: true, actions: null });
    expect(s.selectedId).toBe('c');
    expect(s.counts?.pending).toBe(9);
  });

  it('when the last live item leaves, selects the live one before it, skipping rows already settled', () => {
    let s = queueReducer(loaded(['a', 'b', 'c']), { type: 'acting', ids: ['b'], leaves: true });
    s = queueReducer(s, { type: 'select', id: 'c' });
    s = queueReducer(s, { type: 'acting', ids: ['c'], leaves: true });
    expect(s.selectedId).toBe('a');
  });

  it('j and k skip the slim rows of items that left', () => {
    let s = queueReducer(loaded(['a', 'b', 'c']), { type: 'acting', ids: ['b'], leaves: true });
    s = queueReducer(s, { type: 'select', id: 'a' });
    s = queueReducer(s, { type: 'move', by: 1 });
    expect(s.selectedId).toBe('c');
    s = queueReducer(s, { type: 'move', by: -1 });
    expect(s.selectedId).toBe('a');
  });

  it('puts items back as they were when the server refuses the action', () => {
    let s = queueReducer(loaded(['a', 'b', 'c', 'd']), { type: 'acting', ids: ['b', 'd'], leaves: true });
    s = queueReducer(s, { type: 'refused', ids: ['b', 'd'] });
    expect(live(s)).toEqual(['a', 'b', 'c', 'd']);
    expect(s.settled).toEqual({});
    expect(s.counts?.pending).toBe(4);
  });

  it('records the server’s action on each item it answered for, and replaces items that stay', () => {
    let s = queueReducer(loaded(['a', 'b']), { type: 'acting', ids: ['a'], leaves: false });
    s = queueReducer(s, { type: 'acted', items: [{ ...item('a'), featured: true }], actions: [summary('a', 'feature')] });
    expect(s.items[0].featured).toBe(true);
    expect(s.settled.a).toMatchObject({ left: false, before: { featured: false }, actions: [{ id: 'act-a' }] });
    expect(live(s)).toEqual(['a', 'b']);
  });

  it('an undo brings the item back as it was before the action, selected, and counts it again', () => {
    let s = queueReducer(loaded(['a', 'b'], 2), { type: 'acting', ids: ['a'], leaves: true });
    s = queueReducer(s, { type: 'acted', items: [{ ...item('a'), status: 'published' }], actions: [summary('a')] });
    expect(s.counts?.pending).toBe(1);
    s = queueReducer(s, { type: 'undone', ids: ['a'] });
    expect(live(s)).toEqual(['a', 'b']);
    expect(s.items[0].status).toBe('pending');
    expect(s.selectedId).toBe('a');
    expect(s.counts?.pending).toBe(2);
    expect(s.settled).toEqual({});
  });

  it('a refusal arriving after the server answered does not undo the recorded action', () => {
    let s = queueReducer(loaded(['a']), { type: 'acting', ids: ['a'], leaves: true });
    s = queueReducer(s, { type: 'acted', items: [item('a')], actions: [summary('a')] });
    s = queueReducer(s, { type: 'refused', ids: ['a'] });
    expect(s.settled.a.actions).toHaveLength(1);
    expect(live(s)).toEqual([]);
  });

  it('reloading the list forgets settled rows; a further page keeps them', () => {
    let s = queueReducer(loaded(['a', 'b']), { type: 'acting', ids: ['a'], leaves: true });
    const response: QueueResponse = { items: [item('c')], nextCursor: null, counts: { pending: 2, reported: 0, rejected: 0, recent: 0 }, matching: 2, asOf: 0 };
    expect(queueReducer(s, { type: 'loaded', response, append: true }).settled.a).toBeDefined();
    s = queueReducer(s, { type: 'loaded', response, append: false });
    expect(s.settled).toEqual({});
  });

  it('toggles bulk selection, ticks only live items with select all, and forgets ticked items once they leave', () => {
    let s = loaded(['a', 'b', 'c']);
    s = queueReducer(s, { type: 'check', id: 'a' });
    s = queueReducer(s, { type: 'check', id: 'c' });
    s = queueReducer(s, { type: 'check', id: 'a' });
    expect(s.checked).toEqual(['c']);
    s = queueReducer(s, { type: 'checkAll', on: true });
    expect(s.checked).toEqual(['a', 'b', 'c']);
    s = queueReducer(s, { type: 'acting', ids: ['b'], leaves: true });
    expect(s.checked).toEqual(['a', 'c']);
    s = queueReducer(s, { type: 'checkAll', on: false });
    s = queueReducer(s, { type: 'checkAll', on: true });
    expect(s.checked).toEqual(['a', 'c']);
  });

  it('selects all matching beyond the loaded page until any other choice, and counts what leaves', () => {
    let s = loaded(['a', 'b', 'c'], 264);
    expect(s.matching).toBe(264);
    s = queueReducer(s, { type: 'checkMatching', on: true });
    expect([s.allMatching, s.checked]).toEqual([true, ['a', 'b', 'c']]);
    s = queueReducer(s, { type: 'check', id: 'b' });
    expect([s.allMatching, s.checked]).toEqual([false, ['a', 'c']]);
    s = queueReducer(s, { type: 'checkMatching', on: true });
    s = queueReducer(s, { type: 'acting', ids: ['a'], leaves: true });
    expect([s.allMatching, s.matching]).toEqual([false, 263]);
    s = queueReducer(s, { type: 'refused', ids: ['a'] });
    expect(s.matching).toBe(264);
    s = queueReducer(s, { type: 'checkMatching', on: true });
    s = queueReducer(s, { type: 'loaded', response: { items: [item('a')], nextCursor: null, counts: s.counts!, matching: 1, asOf: 0 }, append: false });
    expect([s.allMatching, s.matching]).toEqual([false, 1]);
  });

  it('appends a further page without duplicating items it already has', () => {
    const s = queueReducer(loaded(['a', 'b']), {
      type: 'loaded',
      append: true,
      response: { items: [item('b'), item('c')], nextCursor: null, counts: { pending: 3, reported: 0, rejected: 0, recent: 0 }, matching: 3, asOf: 0 },
    });
    expect(s.items.map((i) => i.id)).toEqual(['a', 'b', 'c']);
    expect(s.threads).toEqual({ t1: 'City budget' });
  });

  it('keeps the whole site’s counts when a thread filter narrows the page', () => {
    let s = queueReducer(loaded(['a'], 7), { type: 'open', queue: 'pending', filter: { threadId: 't1' } });
    s = queueReducer(s, {
      type: 'loaded',
      append: false,
      response: { items: [item('a')], nextCursor: null, counts: { pending: 1, reported: 0, rejected: 0, recent: 0 }, matching: 1, asOf: 0 },
    });
    expect(s.counts?.pending).toBe(7);
  });

  it('opening another queue keeps the counts and known threads but drops the list', () => {
    const s = queueReducer(loaded(['a']), { type: 'open', queue: 'reported', filter: { rule: 'links' } });
    expect(s).toMatchObject({ queue: 'reported', filter: { rule: 'links' }, items: [], phase: 'loading', threads: { t1: 'City budget' } });
    expect(s.counts?.pending).toBe(1);
  });
});
