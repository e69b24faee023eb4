// The reader widget's words, in one catalogue: English here, and a site's own wording over it
// (`settings.strings` in the site config, sent to the widget as `site.strings`). A key names
// where a string shows; `{name}` marks a value filled in at render. Sentences for error codes
// stay in errors.ts and action-messages.ts, keyed by code, and are overridden as `error.CODE`.
import { ERROR_STATUS } from './errors';
import { own } from './own';

export const STRINGS = {
  // The section's frame: its name, heading, sort, paging, empty and loading states.
  'comments': 'Comments',
  'count.one': '1 comment',
  'count.other': '{n} comments',
  'sort.label': 'Sort by',
  'sort.newest': 'Newest',
  'sort.oldest': 'Oldest',
  'sort.top': 'Most liked',
  'more.load': 'Load more comments',
  'more.loading': 'Loading…',
  'loading': 'Loading comments…',
  'retry': 'Retry',
  'empty': 'No comments yet.',
  'empty.invite': 'No comments yet. Start the conversation.',
  // Why the thread did not load when the API gave no sentence of its own (see errors.ts for those).
  'load.unreachable': 'Comments could not be loaded: the comment service is unreachable.',
  'load.unavailable': 'Comments could not be loaded: the comment service is unavailable right now.',
  // Above the thread: the rules, the composer, and the way back in for a member whose sign-in lapsed.
  'guidelines': 'Community guidelines',
  'compose': 'Add a comment',
  'compose.as': 'Comment as {name}',
  'post': 'Post',
  'signIn': 'Sign in',
  // A permalinked comment pages away from the ones loaded, shown above them.
  'linked': 'Linked comment',
} satisfies Record<string, string>;

export type StringKey = keyof typeof STRINGS;
export type Vars = Record<string, string | number>;
/** A string by key, in the site's wording when it gave one, with `{name}` filled in. */
export type Translate = (key: StringKey, vars?: Vars) => string;

export function translator(overrides: Readonly<Record<string, string>> = {}): Translate {
  return (key, vars) => {
    const template = own(overrides, key) ?? STRINGS[key];
    return vars ? template.replace(/\{(\w+)\}/g, (m, name: string) => String(own(vars, name) ?? m)) : template;
  };
}

/** Whether a site may override this key: a catalogue key, or `error.CODE` for an error code. */
export function isStringKey(key: string): boolean {
  return own(STRINGS, key) !== undefined || (key.startsWith('error.') && own(ERROR_STATUS, key.slice(6)) !== undefined);
}
