// The reader widget's words, in one catalogue: English here, and a site's own wording over it
// (`settings.strings` in the site config, sent to the widget as `site.strings`). A key names
// where a string shows; `{name}` marks a value filled in at render. Sentences for error codes
// stay in errors.ts and action-messages.ts, keyed by code, and are overridden as `error.CODE`.
import { own } from './own';

export const STRINGS = {
  // The section's frame: heading, sort, paging, empty and loading states.
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
