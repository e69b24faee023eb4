// The rules form as data: which rule has which fields, with the schema's limits, so the form is
// one loop and adding a setting is one line here.
import type { ModerationSettings, RuleSettings } from '../../../shared/schemas/moderation-settings';

export type FieldKind = 'int' | 'share' | 'choice' | 'lines';

export interface FieldDef {
  name: string;
  label: string;
  kind: FieldKind;
  min?: number;
  max?: number;
  options?: readonly string[];
  hint?: string;
}

export interface SectionDef {
  /** Path into the settings: ['rules', 'links'] or ['reports']. */
  path: string[];
  title: string;
  description: string;
  /** Whether the section has an `enabled` switch. */
  toggle: boolean;
  fields: FieldDef[];
}

const HOLD_OR_REJECT = ['hold', 'reject'] as const;
const rule = (key: keyof RuleSettings, title: string, description: string, fields: FieldDef[]): SectionDef => ({
  path: ['rules', key],
  title,
  description,
  toggle: true,
  fields,
});

export const RULE_SECTIONS: SectionDef[] = [
  rule('bodyLength', 'Length', 'Refuses comments shorter or longer than these limits.', [
    { name: 'min', label: 'Shortest (characters)', kind: 'int', min: 1, max: 5000 },
    { name: 'max', label: 'Longest (characters)', kind: 'int', min: 10, max: 5000 },
  ]),
  rule('bannedWords', 'Banned words', 'A comment with any of these words is rejected.', [
    { name: 'words', label: 'Words, one per line', kind: 'lines' },
  ]),
  rule('suspectWords', 'Suspect words', 'A comment with any of these words is held for review.', [
    { name: 'words', label: 'Words, one per line', kind: 'lines' },
  ]),
  rule('links', 'Links', 'Too many links, or links to denied domains.', [
    { name: 'maxLinks', label: 'Most links allowed', kind: 'int', min: 0, max: 50 },
    { name: 'action', label: 'Then', kind: 'choice', options: HOLD_OR_REJECT },
    { name: 'allowDomains', label: 'Always allowed domains, one per line', kind: 'lines' },
    { name: 'denyDomains', label: 'Denied domains, one per line', kind: 'lines' },
  ]),
  rule('shouting', 'Shouting', 'Mostly capital letters.', [
    { name: 'threshold', label: 'Share of capitals', kind: 'share' },
    { name: 'minLetters', label: 'Only with at least this many letters', kind: 'int', min: 1, max: 1000 },
    { name: 'action', label: 'Then', kind: 'choice', options: HOLD_OR_REJECT },
  ]),
  rule('repeatPost', 'Repeat posts', 'The same text posted again by the same person.', [
    { name: 'windowSeconds', label: 'Within (seconds)', kind: 'int', min: 1, max: 30 * 86400 },
    { name: 'action', label: 'Then', kind: 'choice', options: HOLD_OR_REJECT },
  ]),
  rule('flooding', 'Flooding', 'Too many comments in a short time.', [
    { name: 'perUser', label: 'Per person', kind: 'int', min: 1, max: 1000 },
    { name: 'perIp', label: 'Per network address', kind: 'int', min: 1, max: 10000 },
    { name: 'windowSeconds', label: 'Within (seconds)', kind: 'int', min: 1, max: 3600 },
  ]),
  rule('newMember', 'New members', 'Hold comments from members until enough of theirs were approved.', [
    { name: 'approvedNeeded', label: 'Approved comments needed', kind: 'int', min: 1, max: 100 },
  ]),
  rule('civility', 'Civility', 'The built-in classifier for personal attacks on members and fear or anger.', [
    { name: 'attackThreshold', label: 'Attack on a member at or above', kind: 'share' },
    { name: 'fearAngerThreshold', label: 'Fear/anger score at or above', kind: 'share' },
    { name: 'action', label: 'Then', kind: 'choice', options: ['nudge', 'hold', 'reject'] },
  ]),
  {
    path: ['rules', 'civility', 'attackOther'],
    title: 'Civility: attacks on others',
    description: 'Also act on attacks aimed at the author, the publication or public figures rather than at members.',
    toggle: true,
    fields: [{ name: 'threshold', label: 'Attack on others at or above', kind: 'share' }],
  },
  {
    path: ['reports'],
    title: 'Reader reports',
    description: 'How many reports move a published comment to review, or hide it.',
    toggle: false,
    fields: [
      { name: 'toQueue', label: 'Reports to queue', kind: 'int', min: 1, max: 100 },
      { name: 'toHide', label: 'Reports to hide (0 never hides)', kind: 'int', min: 0, max: 100 },
    ],
  },
];

export function getIn(settings: ModerationSettings, path: string[]): any {
  return path.reduce<any>((o, k) => o?.[k], settings);
}

/** A copy of the settings with one value changed; untouched branches are shared. */
export function setIn(settings: ModerationSettings, path: string[], value: unknown): ModerationSettings {
  const write = (o: any, i: number): any => (i === path.length ? value : { ...o, [path[i]]: write(o?.[path[i]], i + 1) });
  return write(settings, 0);
}
