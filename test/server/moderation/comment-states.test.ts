// Property tests over random sequences of member, reader and moderator moves on one comment: the
// state machine's invariants hold after every step.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { afterAuthorEdit, afterModerator, afterReports, type CommentState } from '../../../server/moderation/comment-states';
import type { Verdict } from '../../../server/moderation/types';

type Step =
  | { by: 'author'; move: 'edit'; verdict: Verdict }
  | { by: 'author'; move: 'delete' }
  | { by: 'readers'; reports: number; hideAt: number }
  | { by: 'moderator'; move: 'approve' | 'reject' | 'feature' | 'unfeature' | 'delete' };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ by: fc.constant('author' as const), move: fc.constant('edit' as const), verdict: fc.constantFrom<Verdict>('published', 'pending', 'rejected') }),
  fc.record({ by: fc.constant('author' as const), move: fc.constant('delete' as const) }),
  fc.record({ by: fc.constant('readers' as const), reports: fc.integer({ min: 0, max: 5 }), hideAt: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ by: fc.constant('moderator' as const), move: fc.constantFrom('approve', 'reject', 'feature', 'unfeature', 'delete' as const) }),
);

function apply(state: CommentState, s: Step): CommentState {
  switch (s.by) {
    case 'author': {
      if (s.move === 'delete') return 'deleted';
      const move = afterAuthorEdit(state, s.verdict);
      return 'to' in move ? move.to : state;
    }
    case 'readers':
      return afterReports(state, s.reports, s.hideAt);
    case 'moderator': {
      const move = afterModerator(state, s.move);
      return 'to' in move ? move.to : state;
    }
  }
}

const start = fc.constantFrom<CommentState>('published', 'pending', 'rejected');

describe('a comment’s state machine', () => {
  it('never lets anyone but a moderator publish a comment that was not published', () => {
    fc.assert(
      fc.property(start, fc.array(step, { maxLength: 30 }), (initial, steps) => {
        let state = initial;
        for (const s of steps) {
          const next = apply(state, s);
          if (next === 'published' && state !== 'published') expect(s.by).toBe('moderator');
          state = next;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps a rejected comment rejected until a moderator moves it (or its author deletes it)', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        let state: CommentState = 'rejected';
        for (const s of steps) {
          const next = apply(state, s);
          if (state === 'rejected' && next !== 'rejected') expect(s.by === 'moderator' || (s.by === 'author' && s.move === 'delete')).toBe(true);
          state = next;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('never brings a deleted comment back by any move: only undoing the delete restores it', () => {
    fc.assert(
      fc.property(start, fc.array(step, { maxLength: 30 }), (initial, steps) => {
        let state = initial;
        for (const s of steps) {
          const next = apply(state, s);
          if (state === 'deleted') expect(next).toBe('deleted');
          state = next;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses an edit of a rejected comment with its own code, and of a deleted one as not found', () => {
    expect(afterAuthorEdit('rejected', 'published')).toMatchObject({ refused: 'rejected_not_editable' });
    expect(afterAuthorEdit('deleted', 'published')).toMatchObject({ refused: 'comment_not_found' });
    expect(afterAuthorEdit('published', 'pending')).toEqual({ to: 'pending' });
    expect(afterAuthorEdit('hidden', 'published')).toEqual({ to: 'hidden' });
  });
});
