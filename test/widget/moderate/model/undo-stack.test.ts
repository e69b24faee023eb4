import { describe, expect, it } from 'vitest';
import type { ActionSummary } from '../../../../shared/schemas/moderation-api';
import { fail, ok } from '../../../../widget/api/result';
import { createUndoStack, type UndoCall } from '../../../../widget/moderate/model/undo-stack';

const act = (id: string, summary = `Rejected ‘${id}…’`): ActionSummary => ({ id, action: 'reject', targetType: 'comment', targetId: `c-${id}`, summary, actorName: 'Dana', createdAt: 0 });

function server(refuse: Record<string, string> = {}) {
  const calls: string[] = [];
  const undo: UndoCall = async (id) => {
    calls.push(id);
    return refuse[id] ? fail(refuse[id], 'refused') : ok({ undone: {} as never, action: act(`u-${id}`) });
  };
  return { calls, undo };
}

describe('the undo stack', () => {
  it('says there is nothing to undo before anything was done', async () => {
    const s = server();
    expect(await createUndoStack(s.undo).undoLast()).toMatchObject({ undone: [], message: 'Nothing to undo in this session.' });
    expect(s.calls).toEqual([]);
  });

  it('undoes only the newest entry, by its action id, naming it; then the one before', async () => {
    const s = server();
    const stack = createUndoStack(s.undo);
    stack.record([act('a')]);
    stack.record([act('b')]);
    expect((await stack.undoLast()).message).toBe('Undid: Rejected ‘b…’');
    expect(s.calls).toEqual(['b']);
    await stack.undoLast();
    expect(s.calls).toEqual(['b', 'a']);
    expect((await stack.undoLast()).message).toBe('Nothing to undo in this session.');
  });

  it('undoes every action of a bulk entry with one press', async () => {
    const s = server();
    const stack = createUndoStack(s.undo);
    stack.record([act('a'), act('b')], 'Approved 2 comments');
    expect((await stack.undoLast()).message).toBe('Undid: Approved 2 comments');
    expect(s.calls).toEqual(['a', 'b']);
    expect(stack.size()).toBe(0);
  });

  it('an item’s own Undo takes its action off the stack, so u does not try it again', async () => {
    const s = server();
    const stack = createUndoStack(s.undo);
    const b = act('b');
    stack.record([act('a')]);
    stack.record([b]);
    await stack.undoActions([b]);
    await stack.undoLast();
    expect(s.calls).toEqual(['b', 'a']);
  });

  it('shows the server’s refusal and forgets a superseded action, but keeps one that failed to reach it', async () => {
    const s = server({ a: 'undo_superseded', b: 'unavailable' });
    const stack = createUndoStack(s.undo);
    stack.record([act('a')]);
    stack.record([act('b')]);
    expect(await stack.undoLast()).toMatchObject({ tone: 'error', message: 'The server could not be reached. Try again in a moment.' });
    expect(stack.size()).toBe(2);
    const stack2 = createUndoStack(s.undo);
    stack2.record([act('a')]);
    expect((await stack2.undoLast()).message).toMatch(/later action/);
    expect(stack2.size()).toBe(0);
  });

  it('two stacks never share entries', async () => {
    const s = server();
    const one = createUndoStack(s.undo);
    one.record([act('a')]);
    expect((await createUndoStack(s.undo).undoLast()).message).toBe('Nothing to undo in this session.');
  });
});
