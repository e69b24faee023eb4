import { describe, expect, it } from 'vitest';
import { premoderation } from '../../../../server/moderation/rules/premoderation';
import { draft, moderationContext } from '../../../support/moderation-context';

describe('premoderation', () => {
  it('holds every comment when the site pre-moderates, without a nudge', () => {
    const result = premoderation.check(draft('Hello'), moderationContext({ settings: { premoderation: 'all' } }));
    expect(result).toEqual({
      status: 'pending',
      reasons: [{ ruleId: 'premoderation', message: 'Held: pre-moderation is on for this site', spans: [] }],
    });
  });

  it('holds comments on a thread that pre-moderates', () => {
    const result = premoderation.check(draft('Hello'), moderationContext({ thread: { premoderate: true } }));
    expect(result?.status).toBe('pending');
    expect(result?.reasons?.[0].message).toBe('Held: pre-moderation is on for this thread');
  });

  it('leaves comments alone when neither pre-moderates', () => {
    expect(premoderation.check(draft('Hello'), moderationContext())).toBeUndefined();
  });
});
