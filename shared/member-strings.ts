// The catalogue's second part: what only signed-in readers see (the comment box, the actions on a
// comment, the report form). The widget ships it in the members' chunk, so a guest's first load
// carries none of it; a site overrides these keys in `settings.strings` like any other.
export const MEMBER_STRINGS = {
  // The comment box.
  'compose.hint': '**bold** _italic_ > quote [link](https://…)',
  'compose.posting': 'Posting…',
  'compose.posted': 'Your comment was posted.',
  'compose.held': 'Your comment is awaiting review.',
  'compose.anyway': 'Post anyway',
  'compose.cancel': 'Cancel',
  'compose.preview': 'Preview',
  'compose.edit': 'Edit',
  'compose.count': '{n} / {max}',
  // The actions on a comment; {whose} is "your comment" or "Alice's comment".
  'whose.yours': 'your comment',
  'whose.theirs': "{name}'s comment",
  'action.like': '{likes}: like {whose}',
  'action.reply': 'Reply',
  'action.replyTo': 'Reply to {whose}',
  'action.edit': 'Edit',
  'action.editOf': 'Edit {whose}',
  'action.delete': 'Delete',
  'action.deleteOf': 'Delete {whose}',
  'action.report': 'Report',
  'action.reportOf': 'Report {whose}',
  'reply.label': 'Reply to {name}',
  'reply.submit': 'Reply',
  'edit.label': 'Edit your comment',
  'edit.submit': 'Save',
  'delete.confirm': 'Delete this comment?',
  'delete.confirmName': 'Confirm deletion',
  'delete.keep': 'Keep it',
  // The report form.
  'report.title': 'Report this comment',
  'report.personal_attack': 'Personal attack',
  'report.fear_anger': 'Stoking fear or anger',
  'report.spam': 'Spam',
  'report.off_topic': 'Off-topic',
  'report.other': 'Something else',
  'report.note': 'Note for the moderators (optional)',
  'report.submit': 'Submit',
  'report.thanks': 'Thanks — a moderator will take a look.',
  'report.already': 'You have already reported this comment.',
} satisfies Record<string, string>;

export type MemberStringKey = keyof typeof MEMBER_STRINGS;
