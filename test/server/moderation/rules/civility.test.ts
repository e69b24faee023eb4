import { describe, expect, it } from 'vitest';
import { civility } from '../../../../server/moderation/rules/civility';
import { draft, moderationContext } from '../../../support/moderation-context';

// Clear-cut examples, so the tests are about the rule and not the classifier's edge cases.
const ATTACK = 'You are a pathetic idiot and everyone knows it.';
const FEAR = 'They are coming for your children and nobody will stop them. Be afraid, be furious.';
const CALM = 'I disagree with the council; the budget numbers do not add up.';

const withAction = (action: 'nudge' | 'hold' | 'reject') => moderationContext({ settings: { rules: { civility: { action } } } });

describe('civility', () => {
  it('holds an attack on a person by default, nudging when the site allows, with its score and spans', () => {
    const result = civility.check(draft(ATTACK), moderationContext());
    expect(result?.status).toBe('pending');
    expect(result?.nudge).toBe('site');
    expect(result?.reasons).toHaveLength(1);
    const [reason] = result?.reasons ?? [];
    expect(reason.ruleId).toBe('civility');
    expect(reason.message).toBe('Reads as aimed at a person rather than their argument');
    expect(reason.score).toBeGreaterThanOrEqual(0.5);
    expect(reason.spans.length).toBeGreaterThan(0);
    for (const span of reason.spans) {
      expect(span.label).toBe('attack');
      expect(span.start).toBeGreaterThanOrEqual(0);
      expect(span.end).toBeLessThanOrEqual(ATTACK.length);
    }
  });

  it('flags fear-mongering with its own message and only its own spans', () => {
    const [reason] = civility.check(draft(FEAR), moderationContext())?.reasons ?? [];
    expect(reason.message).toBe('Reads as meant to stoke fear or anger');
    expect(reason.spans.length).toBeGreaterThan(0);
    expect(reason.spans.every((s) => s.label === 'fearAnger')).toBe(true);
  });

  it('gives one reason per score that crossed its threshold', () => {
    const lenient = moderationContext({ settings: { rules: { civility: { attackThreshold: 0, fearAngerThreshold: 0 } } } });
    const reasons = civility.check(draft(FEAR), lenient)?.reasons ?? [];
    expect(reasons.map((r) => r.message)).toEqual(['Reads as aimed at a person rather than their argument', 'Reads as meant to stoke fear or anger']);
    expect(reasons.every((r) => typeof r.score === 'number')).toBe(true);
  });

  it('nudges the author whatever the site’s nudge setting when the action is nudge', () => {
    expect(civility.check(draft(ATTACK), withAction('nudge'))).toMatchObject({ status: 'pending', nudge: 'always' });
  });

  it('rejects without a nudge when the action is reject', () => {
    const result = civility.check(draft(ATTACK), withAction('reject'));
    expect(result?.status).toBe('rejected');
    expect(result?.nudge).toBeUndefined();
  });

  it('respects the site’s thresholds', () => {
    const strict = moderationContext({ settings: { rules: { civility: { attackThreshold: 1, fearAngerThreshold: 1 } } } });
    expect(civility.check(draft(ATTACK), strict)).toBeUndefined();
  });

  it('lets a civil disagreement through', () => {
    expect(civility.check(draft(CALM), moderationContext())).toBeUndefined();
  });

  it('does nothing when switched off', () => {
    const off = moderationContext({ settings: { rules: { civility: { enabled: false } } } });
    expect(civility.check(draft(ATTACK), off)).toBeUndefined();
  });
});
