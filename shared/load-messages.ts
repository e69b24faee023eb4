// Sentences for what stops the thread from loading at all: the publisher's setup, said plainly
// (the console says what to fix). Apart from READER_MESSAGES so the reader widget fetches them
// only once a load fails.
import type { ErrorCode } from './errors';

export const LOAD_MESSAGES: Partial<Record<ErrorCode, string>> = {
  site_not_found: 'Comments could not be loaded: this site is not set up on the comment service.',
  origin_not_allowed: "Comments could not be loaded: the comment service is not set up for this website's address.",
};
