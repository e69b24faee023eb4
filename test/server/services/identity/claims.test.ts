import { describe, expect, it } from 'vitest';
import { avatarUrl } from '../../../../server/services/identity/claims';

describe('the avatar claim', () => {
  it('keeps an https URL', () => {
    expect(avatarUrl('https://cdn.news.example/people/alice.jpg?s=64')).toBe('https://cdn.news.example/people/alice.jpg?s=64');
  });

  it('takes plain http only from this machine, for a local demo', () => {
    expect(avatarUrl('http://localhost:3000/avatars/alice.svg')).toBe('http://localhost:3000/avatars/alice.svg');
    expect(avatarUrl('http://127.0.0.1:3000/a.svg')).toBe('http://127.0.0.1:3000/a.svg');
    expect(avatarUrl('http://cdn.news.example/alice.jpg')).toBeNull();
    expect(avatarUrl('http://localhost.evil.example/alice.jpg')).toBeNull();
  });

  it('ignores every other scheme, relative URLs, credentials, non-strings and anything over 2048 characters', () => {
    const long = `https://cdn.news.example/${'a'.repeat(2049 - 'https://cdn.news.example/'.length)}`;
    expect(long).toHaveLength(2049);
    for (const bad of [
      'javascript:alert(1)',
      'data:image/svg+xml,<svg onload=alert(1)>',
      'ftp://cdn.news.example/a.jpg',
      '/avatars/alice.svg',
      'alice.jpg',
      '',
      'https://user:pass@cdn.news.example/a.jpg',
      long,
      42,
      null,
      undefined,
      { href: 'https://cdn.news.example/a.jpg' },
    ]) {
      expect(avatarUrl(bad), String(bad)).toBeNull();
    }
    expect(avatarUrl(long.slice(0, 2048))).toBe(long.slice(0, 2048));
  });
});
