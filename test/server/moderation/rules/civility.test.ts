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
    expect(reason.message).toMatch(/^This reads as a personal attack on another member: ‘.*idiot.*’$/);
    expect(reason.score).toBeGreaterThanOrEqual(moderationContext().settings.rules.civility.attackThreshold);
    expect(reason.spans.length).toBeGreaterThan(0);
    for (const span of reason.spans) {
      expect(span.label).toBe('attack');
      expect(span.start).toBeGreaterThanOrEqual(0);
      expect(span.end).toBeLessThanOrEqual(ATTACK.length);
    }
  });

  it('flags fear-mongering with its own message and only its own spans', () => {
    const [reason] = civility.check(draft(FEAR), moderationContext())?.reasons ?? [];
    expect(reason.message).toMatch(/^This reads as meant to stoke fear or anger: ‘.+’$/);
    expect(reason.spans.length).toBeGreaterThan(0);
    expect(reason.spans.every((s) => s.label === 'fearAnger')).toBe(true);
  });

  it('gives one reason per score that crossed its threshold', () => {
    const lenient = moderationContext({ settings: { rules: { civility: { attackThreshold: 0, fearAngerThreshold: 0 } } } });
    const reasons = civility.check(draft(FEAR), lenient)?.reasons ?? [];
    expect(reasons.map((r) => r.message.split(':')[0])).toEqual(['This reads as a personal attack on another member', 'This reads as meant to stoke fear or anger']);
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

  it('flags the demo’s attacks on members and its fear appeal', () => {
    const ctx = moderationContext();
    expect(civility.check(draft('Nobody cares what a moron like Ben thinks.', { participants: ['Ben'] }), ctx)?.reasons?.[0].message).toMatch(/another member: ‘moron’/);
    expect(civility.check(draft("You clearly can't read. Stick to crayons."), ctx)?.status).toBe('pending');
    expect(civility.check(draft('They are watching you and they will come for you next. Wake up!'), ctx)?.reasons?.[0].message).toMatch(/fear or anger/);
  });

  it('lets sharp criticism of the publication through', () => {
    expect(civility.check(draft('This article is lazy and the editors should be ashamed of publishing it.'), moderationContext())).toBeUndefined();
  });

  it('acts on attacks on others only when the site switches that on, at its own threshold', () => {
    const text = 'The mayor is a corrupt idiot.';
    expect(civility.check(draft(text), moderationContext())).toBeUndefined();
    const on = moderationContext({ settings: { rules: { civility: { attackOther: { enabled: true, threshold: 0.5 } } } } });
    const [reason] = civility.check(draft(text), on)?.reasons ?? [];
    expect(reason.message).toMatch(/^This reads as a personal attack on someone rather than an argument: ‘.*idiot.*’$/);
    expect(reason.spans.every((s) => s.label === 'attackOther')).toBe(true);
  });

  it('does nothing when switched off', () => {
    const off = moderationContext({ settings: { rules: { civility: { enabled: false } } } });
    expect(civility.check(draft(ATTACK), off)).toBeUndefined();
  });
});
