// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { Reason } from '../../../../shared/schemas/moderation-settings';
import { defaultRejectReason } from '../../../../widget/moderate/model/reject-reason';

const civility = (label: string): Reason => ({ ruleId: 'civility', message: 'civility', spans: [{ start: 0, end: 3, label }], score: 0.9 });

describe('defaultRejectReason', () => {
  it('suggests personal attack when the civility rule found an attack', () => {
    expect(defaultRejectReason({ reasons: [civility('fearAnger'), civility('attack')], reports: [] })).toBe('personal_attack');
  });

  it('suggests fear and anger when that is what the classifier found', () => {
    expect(defaultRejectReason({ reasons: [civility('fearAnger')], reports: [] })).toBe('fear_anger');
  });

  it('follows the most frequent report reason for reported comments', () => {
    const reports = [
      { reason: 'off_topic', note: '', count: 1, reporters: [] },
      { reason: 'spam', note: '', count: 3, reporters: [] },
    ];
    expect(defaultRejectReason({ reasons: [], reports })).toBe('spam');
  });

  it('guesses from content rules, and falls back to personal attack', () => {
    expect(defaultRejectReason({ reasons: [{ ruleId: 'links', message: 'Too many links', spans: [] }], reports: [] })).toBe('spam');
    expect(defaultRejectReason({ reasons: [], reports: [] })).toBe('personal_attack');
  });
});
