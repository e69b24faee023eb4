// Sentences for the errors a reader meets only after writing, liking, deleting or reporting. Apart
// from READER_MESSAGES so the reader widget fetches them only once an action fails.
import type { ErrorCode } from './errors';

export const ACTION_MESSAGES: Partial<Record<ErrorCode, string>> = {
  not_author: 'You can only change your own comments.',
  edit_window_passed: 'The time to edit this comment has passed.',
  rejected_not_editable: 'This comment was not published, so it can no longer be edited. You can delete it.',
  invalid_input: 'Please check your comment and try again.',
  payload_too_large: 'That comment is too long.',
  rate_limited: 'You are posting too fast. Please wait a moment.',
  forbidden: "You can't do that here.",
};
