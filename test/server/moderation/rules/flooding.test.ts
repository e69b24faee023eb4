import { describe, expect, it } from 'vitest';
import { flooding } from '../../../../server/moderation/rules/flooding';
import { draft, moderationContext, recentComment } from '../../../support/moderation-context';

const settings = { rules: { flooding: { perUser: 3, perIp: 10, windowSeconds: 60 } } };

describe('flooding', () => {
  it('refuses the comment that would exceed the per-member limit in the window', () => {
    const ctx = moderationContext({ settings, author: { recent: [recentComment(5), recentComment(20), recentComment(45)] } });
    const result = flooding.check(draft('One more'), ctx);
    expect(result?.refusal?.code).toBe('rate_limited');
    // The comment of 45 s ago leaves the 60 s window in 15 s.
    expect(result?.refusal?.retryAfterSeconds).toBe(15);
  });

  it('waits for enough comments to leave when the member is already over the limit', () => {
    const recent = [recentComment(1), recentComment(2), recentComment(10), recentComment(50)];
    const result = flooding.check(draft('Again'), moderationContext({ settings, author: { recent } }));
    // Four in the window, three allowed: two must leave, the second of them (10 s ago) in 50 s.
    expect(result?.refusal?.retryAfterSeconds).toBe(50);
  });

  it('waits at least one second', () => {
    const recent = [recentComment(5), recentComment(20), recentComment(59.9)];
    expect(flooding.check(draft('Hm'), moderationContext({ settings, author: { recent } }))?.refusal?.retryAfterSeconds).toBe(1);
  });

  it('does not count comments that have left the window', () => {
    const recent = [recentComment(5), recentComment(20), recentComment(60), recentComment(600)];
    expect(flooding.check(draft('Fine'), moderationContext({ settings, author: { recent } }))).toBeUndefined();
  });

  it('refuses when the same address has reached its limit', () => {
    const result = flooding.check(draft('From the office'), moderationContext({ settings, sameIpRecentCount: 10 }));
    expect(result?.refusal?.code).toBe('rate_limited');
    expect(result?.refusal?.retryAfterSeconds).toBe(60);
    expect(flooding.check(draft('From the office'), moderationContext({ settings, sameIpRecentCount: 9 }))).toBeUndefined();
  });

  it('does not limit edits', () => {
    const ctx = moderationContext({ settings, sameIpRecentCount: 50, author: { recent: [recentComment(1), recentComment(2), recentComment(3)] } });
    expect(flooding.check(draft('Typo fixed', { kind: 'edit' }), ctx)).toBeUndefined();
  });

  it('does nothing when switched off', () => {
    const ctx = moderationContext({ settings: { rules: { flooding: { enabled: false, perUser: 1 } } }, author: { recent: [recentComment(1)] } });
    expect(flooding.check(draft('Hi'), ctx)).toBeUndefined();
  });
});
