// The words of the members' e-mail notifications panel, the catalogue's fourth part (see
// strings.ts), shipped with the panel's own chunk; a site overrides them by key like the rest.
export const NOTIFY_STRINGS = {
  'notify.title': 'Email notifications',
  'notify.to': 'Sent to {email}.',
  'notify.replies': 'Email me when someone replies to my comments',
  'notify.decisions': 'Email me when a moderator decides on a comment of mine that was held for review',
  'notify.follow': 'Follow this conversation',
  'notify.unfollow': 'Stop following this conversation',
  'notify.following': 'You will get an email when new comments are published here.',
  'notify.failed': 'Your choice could not be saved; please retry.',
} as const;

export type NotifyStringKey = keyof typeof NOTIFY_STRINGS;
