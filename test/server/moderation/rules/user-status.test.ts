import { describe, expect, it } from 'vitest';
import { userStatus } from '../../../../server/moderation/rules/user-status';
import { NOW, draft, moderationContext } from '../../../support/moderation-context';

describe('user-status', () => {
  it('refuses a banned member', () => {
    const result = userStatus.check(draft('Hello'), moderationContext({ author: { banned: true } }));
    expect(result?.refusal?.code).toBe('banned');
  });

  it('refuses a suspended member and says until when, and how long to wait', () => {
    const until = NOW + 90 * 60 * 1000;
    const result = userStatus.check(draft('Hello'), moderationContext({ author: { suspendedUntil: until } }));
    expect(result?.refusal?.code).toBe('suspended');
    expect(result?.refusal?.message).toBe('This account is suspended until 2025-03-14 13:30 UTC');
    expect(result?.refusal?.retryAfterSeconds).toBe(90 * 60);
  });

  it('lets a member whose suspension has ended comment', () => {
    expect(userStatus.check(draft('Back'), moderationContext({ author: { suspendedUntil: NOW } }))).toBeUndefined();
    expect(userStatus.check(draft('Back'), moderationContext({ author: { suspendedUntil: NOW - 1 } }))).toBeUndefined();
  });

  it('lets a member in good standing comment', () => {
    expect(userStatus.check(draft('Hello'), moderationContext())).toBeUndefined();
  });
});
