import { describe, expect, it } from 'vitest';
import { findListedWords } from '../../../../server/moderation/rules/word-matcher';

const LIST = ['moron', 'ass', 'shit'];

/** The text of each place a listed word was found. */
const found = (text: string, words: readonly string[] = LIST) => findListedWords(text, words).map((m) => text.slice(m.start, m.end));

describe('the listed-words matcher', () => {
  it.each([
    ['spaces', 'what a m o r o n', 'm o r o n'],
    ['dots', 'what a m.o.r.o.n.', 'm.o.r.o.n'],
    ['dots and spaces', 'M. O. R. O. N.', 'M. O. R. O. N'],
    ['hyphens', 'm-o-r-o-n', 'm-o-r-o-n'],
    ['underscores', 'm_o_r_o_n', 'm_o_r_o_n'],
    ['wide gaps', 'm   o   r   o   n', 'm   o   r   o   n'],
    ['a plural', 'all m o r o n s', 'm o r o n s'],
    ['stretched spaced letters', 'm o o o o r o n', 'm o o o o r o n'],
    ['leetspeak among them', 's h ! t', 's h ! t'],
  ])('finds a word spelled out with %s', (_how, text, match) => {
    expect(found(text)).toEqual([match]);
  });

  it.each([
    ['one letter', 'mooooron'],
    ['several letters', 'moooorrrooon'],
    ['capitals', 'MOOOORON'],
  ])('finds a word with repeated letters: %s', (_how, text) => {
    expect(found(text)).toEqual([text]);
  });

  it('finds a spelled-out word run together with the one-letter word before or after it', () => {
    // "a m o r o n" reads as one run of single letters; "a" and "I" are words of their own.
    expect(found('you are a m o r o n')).toEqual(['m o r o n']);
    expect(found('I m o r o n')).toEqual(['m o r o n']);
    expect(found('m o r o n I said')).toEqual(['m o r o n']);
    expect(found('a s s')).toEqual(['a s s']);
  });

  it.each([
    ['words whose letters spell it across real word breaks', 'I am on it, more on that later'],
    ['words that would join into it', 'This is hit or miss'],
    ['a word split once', 'mo ron'],
    ['a spelled-out word that contains it', 'the c l a s s went well'],
    ['a spelled-out longer word', 'a s s e s s the damage'],
    ['plain words that contain it', 'The class assignment passed'],
    ['initials', 'U.S.A. and J. R. R. Tolkien'],
  ])('does not flag %s', (_what, text) => {
    expect(found(text)).toEqual([]);
  });

  it('gives offsets into the original text for a spelled-out word', () => {
    const text = 'so, a m.o.r.o.n!';
    const [m] = findListedWords(text, LIST);
    expect(m).toEqual({ word: 'moron', start: 6, end: 15 });
  });
});
