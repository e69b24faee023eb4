import { describe, expect, it } from 'vitest';
import { readerMessage } from '../../shared/errors';
import { isStringKey } from '../../shared/string-keys';
import { LIVE_STRINGS } from '../../shared/live-strings';
import { MEMBER_STRINGS } from '../../shared/member-strings';
import { STRINGS, translator } from '../../shared/strings';

describe('the string catalogue', () => {
  it('fills values in and takes a site’s wording over its own', () => {
    const t = translator({ 'count.other': '{n} reactions' });
    expect(t('count.other', { n: 3 })).toBe('3 reactions');
    expect(t('compose.as', { name: 'Frank' })).toBe('Comment as Frank');
    expect(translator()('count.other', { n: 2 })).toBe('2 comments');
  });

  it('lets a site word an error code its own way, and ignores names that are not its own entries', () => {
    expect(readerMessage('thread_closed', { 'error.thread_closed': 'Closed for comments.' })).toBe('Closed for comments.');
    expect(readerMessage('thread_closed', {})).toBe('This conversation is closed.');
    expect(translator(Object.create({ 'count.one': 'inherited' }))('count.one')).toBe('1 comment');
  });

  it('accepts as override keys the catalogue’s keys and error.CODE for known codes only', () => {
    for (const key of [...Object.keys(STRINGS), ...Object.keys(MEMBER_STRINGS), ...Object.keys(LIVE_STRINGS)]) expect(isStringKey(key), key).toBe(true);
    expect(isStringKey('error.token_expired')).toBe(true);
    expect(isStringKey('error.no_such_code')).toBe(false);
    expect(isStringKey('error.')).toBe(false);
    expect(isStringKey('count')).toBe(false);
    expect(isStringKey('constructor')).toBe(false);
    expect(isStringKey('error.constructor')).toBe(false);
  });
});
