// How moderation outcomes reach the author.
import type { Reason } from '../../../shared/schemas/moderation-settings';
import type { Refusal } from '../../moderation/types';
import { AppError } from '../errors';

export function refusalError(refusal: Refusal): AppError {
  const headers = refusal.retryAfterSeconds ? { 'Retry-After': String(Math.max(1, Math.ceil(refusal.retryAfterSeconds))) } : undefined;
  return new AppError(refusal.code, refusal.message, refusal.fields, headers);
}

/** One sentence for the author, from the first finding; the reasons carry the details. */
export function nudgeMessage(reasons: Reason[]): string {
  const first = reasons[0];
  if (!first) return 'This comment may not meet the community guidelines.';
  // The civility rule's message already quotes the words, in the guidelines' terms.
  return `${first.message}. You can edit it, or post it anyway for a moderator to review.`;
}
