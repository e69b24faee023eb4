// Content: posting the same text again (ignoring case, spacing and punctuation), on any thread,
// within the window is the usual shape of spam and of accidental double posts.
import type { Rule } from '../types';

export const repeatPost: Rule = {
  id: 'repeat-post',
  check(draft, ctx) {
    const { enabled, windowSeconds, action } = ctx.settings.rules.repeatPost;
    if (!enabled || draft.kind !== 'create') return undefined;
    const body = normaliseForRepeat(draft.body);
    const since = ctx.now - windowSeconds * 1000;
    const earlier = ctx.author.recent.find((c) => c.createdAt > since && normaliseForRepeat(c.body) === body);
    if (!earlier) return undefined;
    return {
      status: action === 'reject' ? 'rejected' : 'pending',
      reasons: [{ ruleId: 'repeat-post', message: `Repeats a comment the author posted ${ago(ctx.now - earlier.createdAt)}`, spans: [] }],
    };
  },
};

/** Letters and digits only, lower-cased; a body with none (emoji only) keeps its symbols. */
export function normaliseForRepeat(body: string): string {
  const text = body.normalize('NFKC').toLowerCase();
  const words = text.replace(/[^\p{L}\p{N}]+/gu, '');
  return words !== '' ? words : text.replace(/\s+/gu, '');
}

function ago(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'less than a minute ago';
  if (minutes < 60) return minutes === 1 ? '1 minute ago' : `${minutes} minutes ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return hours === 1 ? '1 hour ago' : `${hours} hours ago`;
  return `${Math.floor(hours / 24)} days ago`;
}
