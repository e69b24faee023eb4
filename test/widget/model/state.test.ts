// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { CommentView } from '../../../shared/schemas/comment';
import { initialState, threadReducer } from '../../../widget/model/state';

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
    const s = threadReducer({ ...initialState(), comments: [c('a'), c('b')] }, { type: 'merged', comments: [c('b', null, 'fresh'), c('x')] });
    expect(s.comments.map((x) => `${x.id}${x.html}`)).toEqual(['a', 'bfresh', 'x']);
  });

  it('keeps the thread on screen when a later action fails', () => {
    const ready = { ...initialState(), phase: 'ready' as const, view: {} as never };
    const s = threadReducer(ready, { type: 'failed', error: { code: 'unavailable', message: '' } });
    expect(s.phase).toBe('ready');
    expect(s.error?.code).toBe('unavailable');
    expect(threadReducer(initialState(), { type: 'failed', error: { code: 'x', message: '' } }).phase).toBe('failed');
  });
});
