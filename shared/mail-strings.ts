// The words of Parley's e-mail, in English; a site words any of them its own way in
// `settings.strings` under the same key. `{name}` marks a value filled in when the message is made.
// Only the server reads these: the widget never carries them.
import { own } from './own';

export const MAIL_STRINGS = {
  'mail.reply.subject.one': '{author} replied to you on “{title}”',
  'mail.reply.subject.other': '{n} new replies to you on “{title}”',
  'mail.follow.subject.one': 'New comment on “{title}”',
  'mail.follow.subject.other': '{n} new comments on “{title}”',
  'mail.reply.intro': '{author} replied to your comment:',
  'mail.follow.intro': '{author} commented:',
  'mail.open': 'Read the conversation',
  'mail.approved.subject': 'Your comment on “{title}” is published',
  'mail.approved.intro': 'A moderator approved your comment, and it is now published.',
  'mail.rejected.subject': 'Your comment on “{title}” was not published',
  'mail.rejected.intro': 'A moderator decided not to publish your comment.',
  'mail.rejected.reason': 'Reason: {reason}',
  // A rejection's reason, as the member reads it.
  'mail.reason.personal_attack': 'it attacks a person rather than their ideas',
  'mail.reason.fear_anger': 'it seems meant to stoke fear or anger',
  'mail.reason.spam': 'it looks like spam',
  'mail.reason.off_topic': 'it is off topic',
  'mail.reason.abusive': 'abusive language',
  'mail.reason.other': 'it does not meet the community guidelines',
  'mail.alert.subject': '{site}: {pending} comments are waiting for review',
  'mail.alert.intro': '{pending} comments are waiting for review; the oldest has waited {age}.',
  'mail.digest.subject': '{site}: the moderation queue today',
  'mail.digest.intro': 'In the last 24 hours: {published} comments published, {rejected} rejected, {reported} reported. {pending} are waiting for review.',
  'mail.dashboard': 'Open the moderation dashboard',
  'mail.why.replies': 'You receive this because you asked to be told of replies to your comments on {site}.',
  'mail.why.follow': 'You receive this because you follow this conversation on {site}.',
  'mail.why.decisions': 'You receive this because you asked to be told when moderators decide on your comments on {site}.',
  'mail.why.moderators': 'You receive this as a moderator of {site}.',
  'mail.unsubscribe': 'Unsubscribe',
} as const;

export type MailStringKey = keyof typeof MAIL_STRINGS;

/** A rejection reason's words for the member, or the reason as given when it has none. */
export function reasonWords(strings: Readonly<Record<string, string>>, reason: string): string {
  const key = `mail.reason.${reason}`;
  return own(strings, key) ?? own(MAIL_STRINGS as Record<string, string>, key) ?? reason;
}

/** A mail string in the site's wording when it has one, with `{name}` values filled in. */
export function mailString(strings: Readonly<Record<string, string>>, key: MailStringKey, values: Record<string, string | number> = {}): string {
  const template = own(strings, key) ?? MAIL_STRINGS[key];
  return template.replace(/\{(\w+)\}/g, (all, name: string) => (own(values, name) === undefined ? all : String(values[name])));
}
