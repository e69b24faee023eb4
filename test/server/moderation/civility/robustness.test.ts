import { describe, expect, it } from 'vitest';
import { DEFAULT_ATTACK_THRESHOLD, classifyCivility } from '../../../../server/moderation/civility/index.ts';
import { tokenize } from '../../../../server/moderation/civility/tokenize.ts';

describe('classifyCivility robustness', () => {
  it('gives the same output for the same input', () => {
    const text = 'You people are clueless. THEY ARE COMING FOR YOUR JOBS!!!';
    const first = classifyCivility(text);
    classifyCivility('something else entirely, to disturb any caches');
    expect(classifyCivility(text)).toEqual(first);
  });

  it('handles the empty string with low scores and no spans', () => {
    const r = classifyCivility('');
    expect(r.spans).toEqual([]);
    expect(r.attack).toBeGreaterThanOrEqual(0);
    expect(r.attack).toBeLessThan(DEFAULT_ATTACK_THRESHOLD);
    expect(r.fearAnger).toBeLessThan(0.5);
    expect(r.attackOther).toBeLessThan(DEFAULT_ATTACK_THRESHOLD);
  });

  it('keeps scores within 0..1 on very long text', () => {
    const text = 'I think the budget could be better spent on parks. '.repeat(5000) + 'You are an idiot.';
    const r = classifyCivility(text);
    for (const s of [r.attack, r.attackOther, r.fearAnger]) {
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
    }
  });

  it('is not thrown by emoji and other scripts', () => {
    const r = classifyCivility('👍🏽 très bien, 谢谢 — great post 🎉');
    expect(r.attack).toBeLessThan(DEFAULT_ATTACK_THRESHOLD);
    expect(r.spans).toEqual([]);
  });

  it('flags leetspeak, stretched letters, masks and spaced-out letters as it flags the plain insult', () => {
    const plain = classifyCivility('you are an idiot').attack;
    expect(plain).toBeGreaterThanOrEqual(DEFAULT_ATTACK_THRESHOLD);
    for (const variant of ['y0u 4re an id1ot', 'you are an idiooooot', 'you are an i d i o t', 'you are an !d!ot'.replace(/!/g, '1')]) {
      expect(classifyCivility(variant).attack, variant).toBeGreaterThanOrEqual(DEFAULT_ATTACK_THRESHOLD);
    }
    expect(classifyCivility('f*ck you').attack).toBeGreaterThanOrEqual(DEFAULT_ATTACK_THRESHOLD);
  });

  it('does not join ordinary single letters into words', () => {
    const tokens = tokenize('u r a star');
    expect(Array.from({ length: tokens.length }, (_, i) => tokens.norm(i))).toEqual(['you', 'are', 'a', 'star']);
  });
});
