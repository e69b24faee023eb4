import { describe, expect, it } from 'vitest';
import { bodyLength } from '../../../../server/moderation/rules/body-length';
import { draft, moderationContext, spanTexts } from '../../../support/moderation-context';

const ctx = moderationContext({ settings: { rules: { bodyLength: { min: 5, max: 20 } } } });

describe('body-length', () => {
  it('refuses a comment shorter than the minimum, storing nothing, and says both numbers', () => {
    const result = bodyLength.check(draft('Hi!'), ctx);
    expect(result?.refusal).toMatchObject({ code: 'invalid_input', fields: { body: 'must be at least 5 characters' } });
    expect(result?.status).toBeUndefined();
    expect(result?.reasons?.[0].message).toBe('Too short: 3 characters, at least 5 needed');
  });

  it('does not count surrounding whitespace towards the minimum', () => {
    expect(bodyLength.check(draft('   Hi!   '), ctx)?.refusal?.code).toBe('invalid_input');
  });

  it('refuses a comment longer than the maximum and marks the part past the limit', () => {
    const body = 'This comment is far too long.';
    const result = bodyLength.check(draft(body), ctx);
    expect(result?.refusal).toMatchObject({ code: 'invalid_input', fields: { body: 'must be at most 20 characters' } });
    expect(result?.reasons?.[0].message).toBe('Too long: 29 characters, at most 20 allowed');
    expect(spanTexts(body, result?.reasons)).toEqual(['too long.']);
  });

  it('counts an emoji as one character, and its span offsets stay in UTF-16', () => {
    const body = `${'😀'.repeat(20)}!`;
    const result = bodyLength.check(draft(body), ctx);
    expect(result?.reasons?.[0].message).toContain('21 characters');
    expect(spanTexts(body, result?.reasons)).toEqual(['!']);
    expect(bodyLength.check(draft('😀'.repeat(20)), ctx)).toBeUndefined();
  });

  it('lets a comment within the limits through', () => {
    expect(bodyLength.check(draft('Five!'), ctx)).toBeUndefined();
  });

  it('does nothing when switched off', () => {
    const off = moderationContext({ settings: { rules: { bodyLength: { enabled: false, min: 5 } } } });
    expect(bodyLength.check(draft('Hi'), off)).toBeUndefined();
  });
});
