// Error codes are the contract between server and widget: the server answers
// `{ error: { code, message, fields? } }`, the widget shows a sentence per code.
import { own } from './own';

export const ERROR_STATUS = {
  bad_request: 400,
  invalid_input: 400,
  malformed_json: 400,
  not_signed_in: 401,
  token_invalid: 401,
  token_expired: 401,
  token_wrong_audience: 401,
  token_algorithm_not_allowed: 401,
  forbidden: 403,
  origin_not_allowed: 403,
  tier_not_allowed_here: 403,
  thread_closed: 403,
  banned: 403,
  suspended: 403,
  not_author: 403,
  edit_window_passed: 403,
  rejected_not_editable: 403,
  role_not_allowed: 403,
  cannot_act_on_self: 403,
  /** Changing the site's own configuration, or its API key: admins and the key's holder only. */
  admin_required: 403,
  not_found: 404,
  site_not_found: 404,
  thread_not_found: 404,
  comment_not_found: 404,
  member_not_found: 404,
  conflict: 409,
  /** E-mail asked for where none can be sent: the server sends no mail, the site turned it off, or the token carries no address. */
  mail_unavailable: 409,
  undo_superseded: 409,
  already_undone: 409,
  not_undoable: 409,
  /** A bulk operation by filter found no comment to act on. */
  nothing_matches: 409,
  /** Undo of a bulk operation that has not finished yet. */
  operation_running: 409,
  /** A request with the same Idempotency-Key is still being applied (or its answer was lost). */
  idempotency_in_progress: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rejected: 422,
  /** A bulk operation by filter would cover more comments than one operation may (BULK_FILTER_MAX). */
  too_many_matching: 422,
  /** The Idempotency-Key was already used for a different request. */
  idempotency_key_reused: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ApiErrorBody {
  error: { code: ErrorCode; message: string; fields?: Record<string, string> };
}

/**
 * The codes a refused token answers with, by what the thread view calls that reader's session
 * (`viewer.session`): a member to ask to sign in again, never a guest to invite.
 */
export const TOKEN_REFUSALS: Partial<Record<ErrorCode, 'expired' | 'invalid' | 'wrong_site'>> = {
  token_expired: 'expired',
  token_invalid: 'invalid',
  token_algorithm_not_allowed: 'invalid',
  token_wrong_audience: 'wrong_site',
};

/** Whether a thread view's `viewer.session` is a member's lapsed sign-in: expired, unverifiable, or for another site. */
export const lapsed = (session: string | undefined): boolean => !!session && session != 'none' && session != 'valid';

/**
 * Sentences a reader sees; the server's `message` is for developers and logs. Those only a write,
 * a like or a report can meet are in action-messages.ts, and those only a failed load meets in
 * load-messages.ts, which the widget loads on first need.
 * A site may word any of them its own way, as `error.CODE` in its strings (see strings.ts).
 */
export const READER_MESSAGES: Partial<Record<ErrorCode, string>> = {
  not_signed_in: 'Sign in to join the conversation.',
  token_expired: 'Your session has expired — sign in again.',
  token_invalid: "We couldn't confirm your sign-in — sign in again.",
  tier_not_allowed_here: 'Your membership does not include commenting here.',
  thread_closed: 'This conversation is closed.',
  banned: 'Your account can no longer comment on this site.',
  suspended: 'Your account is suspended from commenting for now.',
  rejected: "Not published: this comment doesn't meet the community guidelines.",
  unavailable: 'Comments are temporarily unavailable. Your draft is kept; please retry.',
  comment_not_found: 'That comment is no longer available.',
};

/**
 * The sentence for a code, in the site's wording when it gave one. `unreachable` is the widget's
 * own code for a request that got no answer at all (offline, blocked); to a reader, that is unavailable.
 */
export function readerMessage(code: string | undefined, strings?: Readonly<Record<string, string>>): string {
  // Codes come from our own API's answers, never from readers' text: a plain lookup is safe here.
  return (
    (strings && own(strings, `error.${code}`)) ??
    READER_MESSAGES[(code == 'unreachable' ? 'unavailable' : code) as ErrorCode] ??
    'Something went wrong. Your draft is kept; please retry.'
  );
}
