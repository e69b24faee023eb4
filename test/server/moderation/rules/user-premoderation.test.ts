import { describe, expect, it } from 'vitest';
import { userPremoderation } from '../../../../server/moderation/rules/user-premoderation';
import { draft, moderationContext } from '../../../support/moderation-context';

describe('user-premoderation', () => {
  it('holds every comment from a member a moderator put on review, without a nudge', () => {
    const result = userPremoderation.check(draft('Hello'), moderationContext({ author: { alwaysPremoderate: true } }));
    expect(result?.status).toBe('pending');
    expect(result?.nudge).toBeUndefined();
    expect(result?.reasons?.[0].message).toBe('Held: a moderator reviews every comment from this member');
  });

  it('leaves other members alone', () => {
    expect(userPremoderation.check(draft('Hello'), moderationContext())).toBeUndefined();
  });
});
