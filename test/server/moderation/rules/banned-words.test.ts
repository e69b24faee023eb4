import { describe, expect, it } from 'vitest';
import { bannedWords } from '../../../../server/moderation/rules/banned-words';
import { draft, moderationContext, spanTexts } from '../../../support/moderation-context';

const ctx = moderationContext({ settings: { rules: { bannedWords: { words: ['idiot', 'cunt', 'ass'] } } } });

function matched(body: string): string[] {
  return spanTexts(body, bannedWords.check(draft(body), ctx)?.reasons);
}

describe('banned-words', () => {
  it('rejects a comment with a banned word and names the word', () => {
    const result = bannedWords.check(draft('You idiot, read the article.'), ctx);
    expect(result?.status).toBe('rejected');
    expect(result?.reasons).toEqual([
      { ruleId: 'banned-words', message: 'Contains the banned word “idiot”', spans: [{ start: 4, end: 9, label: 'idiot' }] },
    ]);
  });

  it.each([
    ['leetspeak', 'what a 1d10t', '1d10t'],
    ['spaced-out letters', 'what an i d i o t', 'i d i o t'],
    ['spaced-out letters after a one-letter word', 'you are a i d i o t', 'i d i o t'],
    ['dotted letters', 'what an i.d.i.o.t.', 'i.d.i.o.t'],
    ['stretched letters', 'what an idiooooot', 'idiooooot'],
    ['capitals', 'WHAT AN IDIOT', 'IDIOT'],
    ['trailing punctuation', 'you idiot!', 'idiot'],
    ['brackets', '(idiot)', 'idiot'],
    ['a plural', 'all idiots here', 'idiots'],
  ])('finds a banned word disguised with %s', (_how, body, found) => {
    expect(matched(body)).toEqual([found]);
  });

  it.each([
    ['a place name containing a short banned word', 'I grew up near Scunthorpe.'],
    ['longer words starting with it', 'That was an idiotic policy.'],
    ['words that contain it', 'The class assignment passed as usual.'],
  ])('does not flag %s', (_what, body) => {
    expect(bannedWords.check(draft(body), ctx)).toBeUndefined();
  });

  it('marks every occurrence, with UTF-16 offsets past emoji', () => {
    const body = '😀 idiot, idiot 😀 IDIOT';
    const result = bannedWords.check(draft(body), ctx);
    expect(result?.reasons).toHaveLength(1);
    expect(result?.reasons?.[0].spans.map((s) => [s.start, s.end])).toEqual([
      [3, 8],
      [10, 15],
      [19, 24],
    ]);
  });

  it('gives one reason per banned word found', () => {
    const result = bannedWords.check(draft('idiot and ass'), ctx);
    expect(result?.reasons?.map((r) => r.message)).toEqual(['Contains the banned word “idiot”', 'Contains the banned word “ass”']);
  });

  it('lets a trailing asterisk in the list match longer words', () => {
    const wide = moderationContext({ settings: { rules: { bannedWords: { words: ['idiot*'] } } } });
    expect(spanTexts('so idiotic', bannedWords.check(draft('so idiotic'), wide)?.reasons)).toEqual(['idiot']);
  });

  it('skips list entries it cannot use instead of failing', () => {
    const odd = moderationContext({ settings: { rules: { bannedWords: { words: ['[', '???', '|x|', 'idiot'] } } } });
    expect(bannedWords.check(draft('an idiot'), odd)?.status).toBe('rejected');
    expect(bannedWords.check(draft('a [ ??? |x| b'), odd)?.reasons?.map((r) => r.message)).toEqual(['Contains the banned word “|x|”']);
  });

  it('uses each site’s own list', () => {
    const other = moderationContext({ settings: { rules: { bannedWords: { words: ['muppet'] } } } });
    expect(bannedWords.check(draft('you muppet'), other)?.status).toBe('rejected');
    expect(bannedWords.check(draft('you muppet'), ctx)).toBeUndefined();
  });

  it('does nothing when switched off or the list is empty', () => {
    const off = moderationContext({ settings: { rules: { bannedWords: { enabled: false, words: ['idiot'] } } } });
    expect(bannedWords.check(draft('idiot'), off)).toBeUndefined();
    expect(bannedWords.check(draft('idiot'), moderationContext())).toBeUndefined();
  });
});
