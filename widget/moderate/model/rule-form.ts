// The rules form as data: which rule has which fields, with the schema's limits, so the form is
// one loop and adding a setting is one line here. The limits themselves live in the shared schema.
import {
  MODERATION_LIMITS,
  ModerationSettingsSave,
  SHARE_LIMITS,
  type IntLimit,
  type ModerationSettingsShown,
  type RuleSettings,
} from '../../../shared/schemas/moderation-settings';
import { vetOutboundUrl } from '../../../shared/outbound-url';
import { describeIssue } from '../../../shared/validation';

export type FieldKind = 'int' | 'share' | 'choice' | 'lines' | 'url' | 'secret' | 'check';

/**
 * The form's values: the settings as the server shows them, and the scorer's secret to send.
 * The secret is write-only, so the draft holds only a change to it: left out (undefined), the
 * site's stays; null removes it; a string replaces it.
 */
export type RulesDraft = Omit<ModerationSettingsShown, 'externalScorer'> & {
  externalScorer: ModerationSettingsShown['externalScorer'] & { secret?: string | null };
};

export interface FieldDef {
  name: string;
  label: string;
  kind: FieldKind;
  options?: readonly string[];
}

/** A number field's bounds: the schema's, read from its path. */
export interface Bounds {
  min: number;
  max: number;
  step: number;
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
    { name: 'min', label: 'Shortest (characters)', kind: 'int' },
    { name: 'max', label: 'Longest (characters)', kind: 'int' },
  ]),
  rule('bannedWords', 'Banned words', 'A comment with any of these words is rejected.', [
    { name: 'words', label: 'Words, one per line', kind: 'lines' },
  ]),
  rule('suspectWords', 'Suspect words', 'A comment with any of these words is held for review.', [
    { name: 'words', label: 'Words, one per line', kind: 'lines' },
  ]),
  rule('links', 'Links', 'Too many links, or links to denied domains.', [
    { name: 'maxLinks', label: 'Most links allowed', kind: 'int' },
    { name: 'action', label: 'Then', kind: 'choice', options: HOLD_OR_REJECT },
    { name: 'allowDomains', label: 'Always allowed domains, one per line', kind: 'lines' },
    { name: 'denyDomains', label: 'Denied domains, one per line', kind: 'lines' },
  ]),
  rule('shouting', 'Shouting', 'Mostly capital letters.', [
    { name: 'threshold', label: 'Share of capitals', kind: 'share' },
    { name: 'minLetters', label: 'Only with at least this many letters', kind: 'int' },
    { name: 'action', label: 'Then', kind: 'choice', options: HOLD_OR_REJECT },
  ]),
  rule('repeatPost', 'Repeat posts', 'The same text posted again by the same person.', [
    { name: 'windowSeconds', label: 'Within (seconds)', kind: 'int' },
    { name: 'action', label: 'Then', kind: 'choice', options: HOLD_OR_REJECT },
  ]),
  rule('flooding', 'Flooding', 'Too many comments in a short time.', [
    { name: 'perUser', label: 'Per person', kind: 'int' },
    { name: 'perIp', label: 'Per network address', kind: 'int' },
    { name: 'windowSeconds', label: 'Within (seconds)', kind: 'int' },
  ]),
  rule('newMember', 'New members', 'Hold comments from members until enough of theirs were approved.', [
    { name: 'approvedNeeded', label: 'Approved comments needed', kind: 'int' },
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
    path: ['externalScorer'],
    title: 'External scorer',
    description: 'Your own scoring service, sent each new comment signed with the secret; a score at or above the threshold holds the comment.',
    toggle: true,
    fields: [
      { name: 'url', label: 'Scorer URL', kind: 'url' },
      { name: 'secret', label: 'Signing secret', kind: 'secret' },
      { name: 'threshold', label: 'Hold at a score at or above', kind: 'share' },
      { name: 'timeoutMs', label: 'Wait at most (milliseconds)', kind: 'int' },
      { name: 'onFailure', label: 'When it gives no answer in time', kind: 'choice', options: ['fallback', 'hold'] },
      { name: 'allowPrivateNetwork', label: 'Allow http and private addresses (your own network; not on Workers)', kind: 'check' },
    ],
  },
  {
    path: ['reports'],
    title: 'Reader reports',
    description: 'How many reports move a published comment to review, or hide it.',
    toggle: false,
    fields: [
      { name: 'toQueue', label: 'Reports to queue', kind: 'int' },
      { name: 'toHide', label: 'Reports to hide (0 never hides)', kind: 'int' },
    ],
  },
];

export function getIn(settings: object, path: string[]): any {
  return path.reduce<any>((o, k) => o?.[k], settings);
}

/** A copy of the settings with one value changed; untouched branches are shared. */
export function setIn<T extends object>(settings: T, path: string[], value: unknown): T {
  const write = (o: any, i: number): any => (i === path.length ? value : { ...o, [path[i]]: write(o?.[path[i]], i + 1) });
  return write(settings, 0);
}

/** The field's dotted path in the settings, as errors name it: "rules.bodyLength.min". */
export const fieldPath = (section: SectionDef, field: FieldDef) => [...section.path, field.name].join('.');

/** A number field's bounds, from the shared schema's limits. */
export function boundsOf(section: SectionDef, field: FieldDef): Bounds {
  if (field.kind === 'share') return { ...SHARE_LIMITS, step: 0.05 };
  const limit = getIn(MODERATION_LIMITS, [...section.path, field.name]) as IntLimit | undefined;
  if (!limit) throw new Error(`No limits in the schema for ${fieldPath(section, field)}`);
  return { min: limit.min, max: limit.max, step: 1 };
}

/** Every field's path on the form, top to bottom. */
export const FORM_FIELDS: string[] = RULE_SECTIONS.flatMap((s) => s.fields.map((f) => fieldPath(s, f)));

export interface FieldErrors {
  /** Whether the shared schema accepts the draft (the server's last word aside). */
  valid: boolean;
  /** One sentence per field on the form, by its path. */
  byField: Record<string, string>;
  /** Problems with settings the form does not show, as "path: sentence". */
  other: string[];
}

/**
 * What is wrong with the draft, by field: the shared schema's own checks, plus what the server
 * said about the last save (its paths start with "settings."). An entry of a list is reported
 * on the list, quoting the entry.
 */
export function fieldErrors(draft: RulesDraft, server?: Record<string, string>): FieldErrors {
  const found: Record<string, string> = {};
  const checked = ModerationSettingsSave.safeParse(draft, { reportInput: true });
  for (const issue of checked.success ? [] : checked.error.issues) {
    const key = issue.path.map(String).join('.');
    if (!(key in found)) found[key] = describeIssue(issue);
  }
  const scorerUrl = scorerUrlProblem(draft.externalScorer);
  if (scorerUrl) found['externalScorer.url'] ??= scorerUrl;
  for (const [key, message] of Object.entries(server ?? {})) {
    const path = key.replace(/^settings\./, '');
    if (!(path in found)) found[path] = message;
  }
  const errors: FieldErrors = { valid: checked.success, byField: {}, other: [] };
  for (const [path, message] of Object.entries(found)) {
    const entry = /^(.*)\.(\d+)$/.exec(path);
    const list = entry && FORM_FIELDS.includes(entry[1]) ? entry[1] : undefined;
    if (list) {
      const value = getIn(draft, path.split('.'));
      errors.byField[list] ??= `“${String(value)}”: ${message}`;
    } else if (FORM_FIELDS.includes(path)) errors.byField[path] = message;
    else errors.other.push(`${path}: ${message}`);
  }
  return errors;
}

/**
 * What the server will say of the scorer's URL when saved, in its words (shared/outbound-url.ts).
 * Whether this runtime allows private addresses at all only the server knows: it refuses that
 * switch on its own field.
 */
function scorerUrlProblem(scorer: RulesDraft['externalScorer'] | undefined): string | undefined {
  if (!scorer?.url || typeof scorer.url !== 'string') return undefined;
  const verdict = vetOutboundUrl(scorer.url, { allowPrivateNetwork: scorer.allowPrivateNetwork === true });
  return verdict.ok ? undefined : verdict.why;
}
