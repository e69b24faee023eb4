import { describe, expect, it } from 'vitest';
import { newMember } from '../../../../server/moderation/rules/new-member';
import { draft, moderationContext } from '../../../support/moderation-context';

const newcomer = (approvedCount: number) =>
  moderationContext({ settings: { rules: { newMember: { enabled: true, approvedNeeded: 3 } } }, author: { approvedCount } });

describe('new-member', () => {
  it('holds a new member’s comment and says how far along they are', () => {
    const result = newMember.check(draft('My first comment'), newcomer(1));
    expect(result?.status).toBe('pending');
    expect(result?.reasons?.[0].message).toBe('Held: new member, 1 of 3 approved comments');
  });

  it('stops holding once enough comments were approved', () => {
    expect(newMember.check(draft('Hello again'), newcomer(3))).toBeUndefined();
  });

  it('does not hold edits', () => {
    expect(newMember.check(draft('Fixed', { kind: 'edit' }), newcomer(0))).toBeUndefined();
  });

  it('is off by default', () => {
    expect(newMember.check(draft('Hello'), moderationContext({ author: { approvedCount: 0 } }))).toBeUndefined();
  });
});
