import { describe, expect, it } from 'vitest';
import { type CivilitySpan, classifyCivility } from '../../../../server/moderation/civility/index.ts';

function spanTexts(text: string, label: CivilitySpan['label']): string[] {
  return classifyCivility(text)
    .spans.filter((s) => s.label === label)
    .map((s) => text.slice(s.start, s.end));
}

describe('explanation spans', () => {
  it('cover the insulting words, in original offsets', () => {
    expect(spanTexts('Well, honestly, you are an idiot.', 'attack')).toContain('idiot');
    expect(spanTexts('Shut up, you pathetic loser.', 'attack').join(' ')).toMatch(/loser/);
  });

  it('point into the original text, not the normalised one', () => {
    expect(spanTexts('Listen y0u 4re an id1ot!!', 'attack')).toContain('id1ot');
    expect(spanTexts('ok so you are an i d i o t', 'attack')).toContain('i d i o t');
  });

  it('count UTF-16 units, so emoji before a span do not shift it', () => {
    expect(spanTexts('🙄🙄 wow. You are a moron 🤡', 'attack')).toContain('moron');
  });

  it('carry the label of the likelier target', () => {
    expect(spanTexts('The mayor is a corrupt idiot.', 'attackOther').join(' ')).toMatch(/idiot/);
  });

  it('name the words that made a comment fearful', () => {
    const text = 'They are watching you and they will come for you next. Wake up!';
    expect(spanTexts(text, 'fearAnger').length).toBeGreaterThan(0);
  });

  it('have a label, a positive weight and a non-empty range inside the text', () => {
    const text = 'Shut up, you pathetic loser. They are coming for your children and nobody will stop them.';
    const { spans } = classifyCivility(text);
    expect(spans.some((s) => s.label === 'attack')).toBe(true);
    expect(spans.some((s) => s.label === 'fearAnger')).toBe(true);
    for (const s of spans) {
      expect(['attack', 'attackOther', 'fearAnger']).toContain(s.label);
      expect(s.weight).toBeGreaterThan(0);
      expect(s.start).toBeGreaterThanOrEqual(0);
      expect(s.end).toBeGreaterThan(s.start);
      expect(s.end).toBeLessThanOrEqual(text.length);
    }
  });

  it('are empty for a civil comment', () => {
    expect(classifyCivility('Thanks, that explanation of the budget was helpful.').spans).toEqual([]);
  });
});
