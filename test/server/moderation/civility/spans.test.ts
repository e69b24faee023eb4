import { describe, expect, it } from 'vitest';
import { type CivilitySpan, classifyCivility } from '../../../../server/moderation/civility/index.ts';

function spanTexts(text: string, label: CivilitySpan['label']): string[] {
  return classifyCivility(text)
    .spans.filter((s) => s.label === label)
    .map((s) => text.slice(s.start, s.end));
}

describe('explanation spans', () => {
  it('cover the insult together with its target, in original offsets', () => {
    const text = 'Well, honestly, you are an idiot.';
    expect(spanTexts(text, 'attack')).toContain('you are an idiot');
  });

  it('point into the original text, not the normalised one', () => {
    expect(spanTexts('Listen y0u 4re an id1ot!!', 'attack')).toContain('y0u 4re an id1ot');
    expect(spanTexts('ok so you are an i d i o t', 'attack')).toContain('you are an i d i o t');
  });

  it('count UTF-16 units, so emoji before a span do not shift it', () => {
    const text = '🙄🙄 wow. You are a moron 🤡';
    expect(spanTexts(text, 'attack')).toContain('You are a moron');
  });

  it('name the phrase that made a comment fearful', () => {
    const text = 'Mark this: they are coming for your children.';
    expect(spanTexts(text, 'fearAnger')).toContain('coming for your children');
    expect(spanTexts('These people are vermin.', 'fearAnger')).toContain('vermin');
  });

  it('have a label, a positive weight and a non-empty range inside the text', () => {
    const text = 'Shut up, you pathetic loser. THEY ARE DESTROYING OUR COUNTRY!!!';
    const { spans } = classifyCivility(text);
    expect(spans.length).toBeGreaterThan(0);
    for (const s of spans) {
      expect(['attack', 'fearAnger']).toContain(s.label);
      expect(s.weight).toBeGreaterThan(0);
      expect(s.start).toBeGreaterThanOrEqual(0);
      expect(s.end).toBeGreaterThan(s.start);
      expect(s.end).toBeLessThanOrEqual(text.length);
    }
    expect(spans.some((s) => s.label === 'attack')).toBe(true);
    expect(spans.some((s) => s.label === 'fearAnger')).toBe(true);
  });

  it('are empty for a civil comment', () => {
    expect(classifyCivility('Thanks, that explanation of the budget was helpful.').spans).toEqual([]);
  });
});
