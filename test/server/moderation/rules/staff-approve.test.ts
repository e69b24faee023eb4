import { describe, expect, it } from 'vitest';
import { staffApprove } from '../../../../server/moderation/rules/staff-approve';
import { draft, moderationContext } from '../../../support/moderation-context';

describe('staff-approve', () => {
  it('publishes moderators’ and admins’ comments straight away', () => {
    for (const role of ['moderator', 'admin'] as const) {
      expect(staffApprove.check(draft('Please keep it civil.'), moderationContext({ author: { role } }))).toEqual({ status: 'published' });
    }
  });

  it('leaves members’ comments to the following rules', () => {
    expect(staffApprove.check(draft('Hello'), moderationContext())).toBeUndefined();
  });
});
