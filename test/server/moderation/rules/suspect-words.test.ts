import { describe, expect, it } from 'vitest';
import { suspectWords } from '../../../../server/moderation/rules/suspect-words';
import { draft, moderationContext, spanTexts } from '../../../support/moderation-context';

const ctx = moderationContext({ settings: { rules: { suspectWords: { words: ['idiot'] } } } });

describe('suspect-words', () => {
  it('holds a comment with a suspect word, nudging the author first when the site allows', () => {
    const body = 'You are an IDIOT';
    const result = suspectWords.check(draft(body), ctx);
    expect(result?.status).toBe('pending');
    expect(result?.nudge).toBe('site');
    expect(result?.reasons?.[0].message).toBe('Contains the word “idiot”, which this site reviews');
    expect(spanTexts(body, result?.reasons)).toEqual(['IDIOT']);
  });

  it.each(['1d10t', 'i d i o t', 'idiooooot', 'IDIOT'])('sees through the disguise in “%s”', (body) => {
    expect(suspectWords.check(draft(body), ctx)?.status).toBe('pending');
  });

  it('does not flag a longer word that contains a suspect word', () => {
    expect(suspectWords.check(draft('An idiotic idea'), ctx)).toBeUndefined();
  });

  it('does nothing when switched off', () => {
    const off = moderationContext({ settings: { rules: { suspectWords: { enabled: false, words: ['idiot'] } } } });
    expect(suspectWords.check(draft('idiot'), off)).toBeUndefined();
  });
});
