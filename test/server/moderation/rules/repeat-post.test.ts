import { describe, expect, it } from 'vitest';
import { repeatPost } from '../../../../server/moderation/rules/repeat-post';
import { draft, moderationContext, recentComment } from '../../../support/moderation-context';

const earlier = (secondsAgo: number, body: string) => moderationContext({ author: { recent: [recentComment(secondsAgo, body, 'thread-9')] } });

describe('repeat-post', () => {
  it('rejects the same comment posted again, on any thread, by default', () => {
    const result = repeatPost.check(draft('Read the full report here.'), earlier(300, 'Read the full report here.'));
    expect(result?.status).toBe('rejected');
    expect(result?.reasons?.[0].message).toBe('Repeats a comment the author posted 5 minutes ago');
  });

  it('treats differences of case, spacing and punctuation as the same comment', () => {
    const result = repeatPost.check(draft('read   the FULL report here!!'), earlier(60, 'Read the full report, here.'));
    expect(result?.status).toBe('rejected');
  });

  it('holds instead when the site chose hold', () => {
    const ctx = moderationContext({
      settings: { rules: { repeatPost: { action: 'hold' } } },
      author: { recent: [recentComment(60, 'Same again')] },
    });
    expect(repeatPost.check(draft('Same again'), ctx)?.status).toBe('pending');
  });

  it('compares emoji-only comments by their emoji', () => {
    expect(repeatPost.check(draft('👍👍'), earlier(60, '👍 👍'))?.status).toBe('rejected');
    expect(repeatPost.check(draft('👍'), earlier(60, '👎'))).toBeUndefined();
  });

  it('ignores comments older than the window', () => {
    const ctx = moderationContext({
      settings: { rules: { repeatPost: { windowSeconds: 600 } } },
      author: { recent: [recentComment(600, 'Same again')] },
    });
    expect(repeatPost.check(draft('Same again'), ctx)).toBeUndefined();
  });

  it('lets a different comment through', () => {
    expect(repeatPost.check(draft('Something new'), earlier(60, 'Something old'))).toBeUndefined();
  });

  it('does not treat an edit as a repeat of the comment being edited', () => {
    expect(repeatPost.check(draft('Same words', { kind: 'edit' }), earlier(60, 'Same words'))).toBeUndefined();
  });

  it('does nothing when switched off', () => {
    const ctx = moderationContext({ settings: { rules: { repeatPost: { enabled: false } } }, author: { recent: [recentComment(1, 'Again')] } });
    expect(repeatPost.check(draft('Again'), ctx)).toBeUndefined();
  });
});
