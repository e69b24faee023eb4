import { describe, expect, it } from 'vitest';
import { threadClosed } from '../../../../server/moderation/rules/thread-closed';
import { draft, moderationContext } from '../../../support/moderation-context';

describe('thread-closed', () => {
  it('refuses a member’s comment on a closed thread', () => {
    const result = threadClosed.check(draft('Late to the party'), moderationContext({ thread: { closed: true } }));
    expect(result?.refusal?.code).toBe('thread_closed');
    expect(result?.status).toBeUndefined();
  });

  it('refuses a member’s edit on a closed thread too', () => {
    const result = threadClosed.check(draft('Fixed a typo', { kind: 'edit' }), moderationContext({ thread: { closed: true } }));
    expect(result?.refusal?.code).toBe('thread_closed');
  });

  it('lets moderators and admins comment on a closed thread', () => {
    for (const role of ['moderator', 'admin'] as const) {
      expect(threadClosed.check(draft('Closing note'), moderationContext({ thread: { closed: true }, author: { role } }))).toBeUndefined();
    }
  });

  it('lets anyone comment on an open thread', () => {
    expect(threadClosed.check(draft('Hello'), moderationContext())).toBeUndefined();
  });
});
