// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { CommentView } from '../../../shared/schemas/comment';
import { withArrived } from '../../../widget/model/live-updates';
import { withConversation } from '../../../widget/model/permalink';
import { initialState, threadReducer, type ThreadState } from '../../../widget/model/state';
import { withReplaced } from '../../../widget/model/written';

const c = (id: string, parentId: string | null = null, html = ''): CommentView => ({
  id,
  threadId: 't',
  parentId,
  author: null,
  html,
  status: 'published',
  createdAt: 1,
  editedAt: null,
  deleted: false,
  featured: false,
  likes: 0,
  likedByMe: false,
  mine: false,
  editableUntil: null,
});

describe('threadReducer', () => {
  it('puts a new top-level comment first and a new reply last', () => {
    let s = { ...initialState(), comments: [c('a'), c('b')] };
    s = threadReducer(s, { type: 'added', comment: c('new') });
    s = threadReducer(s, { type: 'added', comment: c('reply', 'a') });
    expect(s.comments.map((x) => x.id)).toEqual(['new', 'a', 'b', 'reply']);
  });

  it('merges a conversation without duplicating comments already shown', () => {
    const s = threadReducer({ ...initialState(), comments: [c('a'), c('b')] }, { type: 'update', update: (st) => withConversation(st, [c('b', null, 'fresh'), c('x', 'b')], 'b') });
    expect(s.comments.map((x) => `${x.id}${x.html}`)).toEqual(['a', 'bfresh', 'x']);
    expect(s.linked).toBeNull();
  });

  it('keeps the thread on screen when a later action fails', () => {
    const ready = { ...initialState(), phase: 'ready' as const, view: {} as never };
    const s = threadReducer(ready, { type: 'failed', error: { code: 'unavailable', message: '' } });
    expect(s.phase).toBe('ready');
    expect(s.error?.code).toBe('unavailable');
    expect(threadReducer(initialState(), { type: 'failed', error: { code: 'x', message: '' } }).phase).toBe('failed');
  });
});

describe('a permalinked conversation', () => {
  // Newest first: a, b, c loaded (created at 30, 20, 10), more pages after c.
  const at = (id: string, createdAt: number, parentId: string | null = null) => ({ ...c(id, parentId), createdAt });
  const loaded = { ...initialState('newest'), comments: [at('a', 30), at('b', 20), at('c', 10)], nextCursor: 'after-c' };
  const ids = (s: ReturnType<typeof threadReducer>) => s.comments.map((x) => x.id);

  it('takes its place among the loaded comments when its top-level comment sorts within them', () => {
    const s = threadReducer(loaded, { type: 'update', update: (st) => withConversation(st, [at('m', 25), at('m1', 26, 'm')], 'm') });
    expect(ids(s)).toEqual(['a', 'm', 'b', 'c', 'm1']);
    expect(s.linked).toBeNull();
  });

  it('is kept apart when it belongs to a page not loaded yet, and moves into its place when that page arrives', () => {
    let s = threadReducer(loaded, { type: 'update', update: (st) => withConversation(st, [at('old', 5), at('old1', 6, 'old')], 'old') });
    expect(s.linked).toBe('old');
    const page = { comments: [at('d', 8), at('old', 5), at('old1', 6, 'old')], nextCursor: null };
    s = threadReducer(s, { type: 'page', page, sort: 'newest', append: true });
    expect(s.linked).toBeNull();
    expect(ids(s).filter((id) => !id.endsWith('1'))).toEqual(['a', 'b', 'c', 'd', 'old']);
  });

  it('goes in its place once every page is loaded', () => {
    const s = threadReducer({ ...loaded, nextCursor: null }, { type: 'update', update: (st) => withConversation(st, [at('old', 5)], 'old') });
    expect(ids(s)).toEqual(['a', 'b', 'c', 'old']);
    expect(s.linked).toBeNull();
  });
});

describe('the comment count', () => {
  const view = (commentCount: number) => ({ thread: { commentCount } }) as ThreadState['view'];
  const count = (s: ReturnType<typeof threadReducer>) => s.view?.thread.commentCount;

  it('counts a published post, not one held for review or rejected', () => {
    let s: ThreadState = { ...initialState(), view: view(2) };
    s = threadReducer(s, { type: 'added', comment: c('p') });
    s = threadReducer(s, { type: 'added', comment: { ...c('held'), status: 'pending' } });
    s = threadReducer(s, { type: 'added', comment: { ...c('no'), status: 'rejected' } });
    expect(count(s)).toBe(3);
  });

  it('drops a deleted comment, once, and not a held one', () => {
    let s: ThreadState = { ...initialState(), view: view(1), comments: [c('p'), { ...c('held'), status: 'pending' }] };
    s = withReplaced(s, { ...c('p'), deleted: true });
    s = withReplaced(s, { ...c('p'), deleted: true });
    s = withReplaced(s, { ...c('held'), status: 'pending', deleted: true });
    expect(count(s)).toBe(0);
  });
});

describe('comments live updates brought in', () => {
  it('go in as the reader’s own would, newest top-level first and replies under their parents, counted, with replies to the reader marked', () => {
    let s: ThreadState = { ...initialState(), view: { thread: { commentCount: 2 } } as ThreadState['view'], comments: [c('a'), c('b')] };
    s = withArrived(s, [c('older'), c('reply', 'b'), c('newer')], ['reply']);
    expect(s.comments.map((x) => x.id)).toEqual(['newer', 'older', 'a', 'b', 'reply']);
    expect(s.view?.thread.commentCount).toBe(5);
    expect(s.fresh).toEqual(['reply']);
  });
});
