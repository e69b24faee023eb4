// Sentences a moderator sees for each error code; the server's message is for developers.
import { own } from '../../../shared/own';
const MESSAGES: Record<string, string> = {
  not_signed_in: 'Sign in as a moderator to continue.',
  token_invalid: 'That sign-in token was not accepted. Paste a fresh one.',
  token_expired: 'Your sign-in has expired. Please sign in again.',
  token_wrong_audience: 'That token was issued for another site.',
  forbidden: 'These credentials may not moderate this site.',
  site_not_found: 'There is no site with that id.',
  comment_not_found: 'That comment no longer exists.',
  not_found: 'That is no longer there.',
  conflict: 'That cannot be done to the comment in its current state.',
  undo_superseded: 'A later action on this item replaced that one, so it can no longer be undone.',
  already_undone: 'That was already undone.',
  not_undoable: 'That action cannot be undone.',
  role_not_allowed: 'Your role may not act on this account.',
  cannot_act_on_self: 'You cannot moderate your own account.',
  admin_required: 'Only admins and the site owner may change this.',
  invalid_input: 'Some values are not valid; check the highlighted fields.',
  nothing_matches: 'No comment in this queue matches these filters any more.',
  too_many_matching: 'Too many comments match for one operation. Narrow the filters and try again.',
  operation_running: 'That operation has not finished yet; let it finish, then undo it.',
  rate_limited: 'Too many requests. Wait a moment and try again.',
  unavailable: 'The server could not be reached. Try again in a moment.',
  bad_response: 'The server answered in an unexpected way. Reload the page.',
};

export function moderatorMessage(code: string | undefined): string {
  return (code && own(MESSAGES, code)) || 'Something went wrong. Try again.';
}
