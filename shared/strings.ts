// The reader widget's words, in one catalogue: English here, and a site's own wording over it
// (`settings.strings` in the site config, sent to the widget as `site.strings`). A key names
// where a string shows; `{name}` marks a value filled in at render. Sentences for error codes
// stay in errors.ts and action-messages.ts, keyed by code, and are overridden as `error.CODE`.
// What only members see is the catalogue's second part, member-strings.ts, shipped with their chunk;
// the live banner's words are its third, live-strings.ts.
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
  // After "Your account is suspended…" or "…can no longer comment…": when it ends, and the moderators' note.
  'standing.until': 'Until {date}.',
  'standing.note': 'From the moderators: “{note}”',
  // A permalinked comment pages away from the ones loaded, shown above them.
  'linked': 'Linked comment',
  // On a comment, for every reader.
  'comment.deleted': 'This comment was deleted.',
  'comment.deletedName': 'Deleted comment',
  'comment.edited': 'edited',
  'comment.pending': 'Awaiting review',
  'comment.replyingTo': 'replying to {name}',
  'comment.new': 'New',
  'likes.one': '{n} like',
  'likes.other': '{n} likes',
  'role.moderator': 'Moderator',
  'role.admin': 'Staff',
  'replies.one': 'Show 1 more reply',
  'replies.other': 'Show {n} more replies',
  'picks': "Editor's picks",
  'pick': "Editor's pick",
  'pick.inThread': 'See the reply in the thread',
} satisfies Record<string, string>;

export type StringKey = keyof typeof STRINGS;
export type Vars = Record<string, string | number>;
/** A string by key, in the site's wording when it gave one, with `{name}` filled in. */
export type Translate = (key: StringKey, vars?: Vars) => string;

/** Strings from `catalogue`, in the site's wording where it gave one (see member-strings.ts for the members' part). */
export function catalogueTranslator<K extends string>(catalogue: Record<K, string>, overrides: Readonly<Record<string, string>> = {}) {
  return (key: K, vars?: Vars): string => {
    const template = own(overrides, key) ?? catalogue[key];
    return vars ? template.replace(/\{(\w+)\}/g, (m, name: string) => String(own(vars, name) ?? m)) : template;
  };
}

export const translator = (overrides?: Readonly<Record<string, string>>): Translate => catalogueTranslator(STRINGS, overrides);
