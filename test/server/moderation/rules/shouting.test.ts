import { describe, expect, it } from 'vitest';
import { shouting } from '../../../../server/moderation/rules/shouting';
import { draft, moderationContext, spanTexts } from '../../../support/moderation-context';

const ctx = moderationContext({ settings: { rules: { shouting: { threshold: 0.7, minLetters: 10 } } } });

describe('shouting', () => {
  it('holds a comment written mostly in capitals, nudging when the site allows, and marks the capitals', () => {
    const body = 'THIS IS AN OUTRAGE, people!';
    const result = shouting.check(draft(body), ctx);
    expect(result?.status).toBe('pending');
    expect(result?.nudge).toBe('site');
    expect(result?.reasons?.[0].message).toBe('Written mostly in capitals (71% of 21 letters)');
    expect(result?.reasons?.[0].score).toBeCloseTo(15 / 21);
    expect(spanTexts(body, result?.reasons)).toEqual(['THIS IS AN OUTRAGE']);
  });

  it('rejects, without a nudge, when the site chose reject', () => {
    const strict = moderationContext({ settings: { rules: { shouting: { minLetters: 10, action: 'reject' } } } });
    const result = shouting.check(draft('STOP THE PRESSES NOW'), strict);
    expect(result?.status).toBe('rejected');
    expect(result?.nudge).toBeUndefined();
  });

  it('leaves short comments alone', () => {
    expect(shouting.check(draft('NO WAY!'), ctx)).toBeUndefined();
  });

  it('leaves comments below the threshold alone', () => {
    expect(shouting.check(draft('The NHS and NASA both said so today.'), ctx)).toBeUndefined();
  });

  it('counts letters of any script that has case, and ignores digits and symbols', () => {
    expect(shouting.check(draft('ÇA SUFFIT, ÉCOUTEZ-MOI 123 !!!'), ctx)?.status).toBe('pending');
    expect(shouting.check(draft('1234567890 !!! ### ok'), ctx)).toBeUndefined();
  });

  it('does nothing when switched off', () => {
    const off = moderationContext({ settings: { rules: { shouting: { enabled: false } } } });
    expect(shouting.check(draft('THIS IS AN OUTRAGE AND I WILL NOT STAND FOR IT'), off)).toBeUndefined();
  });
});
