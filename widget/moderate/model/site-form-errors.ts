// What is wrong with the Site form, by the field that shows it: the shared site checks (the ones
// the site command and the server run) on what Save would send, what the server said about the last
// save, and the rows' own names (a tier named twice would quietly become one).
import { EditableSite } from '../../../shared/schemas/site';
import { siteProblems } from '../../../shared/site-problems';
import { toBody, type SiteForm } from './site-form';

export interface SiteFormErrors {
  /** Whether Save may send the form. */
  valid: boolean;
  /** One sentence per field of the form, by its key ("origins.2", "tiers.0.sections", "sso.jwksUrl"). */
  byField: Record<string, string>;
  /** Problems the form has no field for, as "path: sentence". */
  other: string[];
}

type Named = { rows: { name: string }[]; list: string };

/** The form's rows by what names each, for checks and to find the row a path names. */
function namedRows(form: SiteForm): Named[] {
  return [
    { list: 'tiers', rows: form.tiers.map((r) => ({ name: r.tier.trim() })) },
    { list: 'upgradeByTier', rows: form.upgradeByTier.map((r) => ({ name: r.tier.trim() })) },
    { list: 'strings', rows: form.strings.map((r) => ({ name: r.key.trim() })) },
    { list: 'autoClose', rows: form.autoClose.bySection.map((r) => ({ name: r.section.trim() })) },
  ];
}

const NAME_FIELD: Record<string, string> = { tiers: 'tier', upgradeByTier: 'tier', strings: 'key', autoClose: 'section' };

/** The row whose name starts `rest` (a name may itself hold dots), and what follows it. */
function rowAt(rows: { name: string }[], rest: string): { index: number; after: string } | null {
  const index = rows.findIndex((r) => r.name !== '' && (rest === r.name || rest.startsWith(`${r.name}.`)));
  return index < 0 ? null : { index, after: rest.slice(rows[index].name.length + 1) };
}

/** The form field a problem's path names, or null when the form has none for it. */
export function fieldOf(form: SiteForm, path: string): string | null {
  const [tiers, invitations, strings, closes] = namedRows(form);
  let m: RegExpExecArray | null;
  if ((m = /^allowedOrigins\.(\d+)$/.exec(path))) return `origins.${m[1]}`;
  if ((m = /^policy\.sectionRules\.(\d+)\.(section|pathPrefix)$/.exec(path))) return `sectionRules.${m[1]}.${m[2]}`;
  if ((m = /^settings\.mail\.moderatorEmails\.(\d+)$/.exec(path))) return `mail.moderatorEmails.${m[1]}`;
  if ((m = /^settings\.strings\[(".*")\]$/.exec(path))) {
    const at = strings.rows.findIndex((r) => r.name === JSON.parse(m![1]));
    return at < 0 ? null : `strings.${at}.${NAME_FIELD.strings}`;
  }
  if (path.startsWith('policy.tiers.')) {
    const row = rowAt(tiers.rows, path.slice('policy.tiers.'.length));
    return row ? `tiers.${row.index}.sections` : null;
  }
  if (path.startsWith('callsToAction.upgradeByTier.')) {
    const row = rowAt(invitations.rows, path.slice('callsToAction.upgradeByTier.'.length));
    return row ? `upgradeByTier.${row.index}.${row.after ? `cta.${row.after}` : 'tier'}` : null;
  }
  if (path.startsWith('settings.autoClose.bySection.')) {
    const row = rowAt(closes.rows, path.slice('settings.autoClose.bySection.'.length));
    return row ? `autoClose.${row.index}.${row.after ? 'afterDays' : 'section'}` : null;
  }
  return FIXED_FIELDS.has(path) || /^callsToAction\.(guest|upgrade)\./.test(path) ? path : null;
}

/** Fields that are one input each, named by their path in the site document. */
const FIXED_FIELDS = new Set([
  'name', 'guidelines', 'policy.defaultSection',
  'sso.hs256Secret', 'sso.publicKeyPem', 'sso.jwksUrl', 'sso.issuer', 'sso.maxTokenLifetimeSeconds',
  'settings.signInUrl', 'settings.guidelinesDisplay', 'settings.theme', 'settings.autoClose.afterDays', 'settings.autoClose.from',
  'settings.mail.enabled', 'settings.mail.from', 'settings.mail.replyNoticeMinutes', 'settings.mail.moderatorEmails',
  'settings.mail.queueAlert.pending', 'settings.mail.queueAlert.oldestMinutes', 'settings.mail.digestHourUtc', 'settings.mail.dashboardUrl',
]);

/** A row without a name, or with another row's name. */
function rowProblems(form: SiteForm): Record<string, string> {
  const found: Record<string, string> = {};
  for (const { list, rows } of namedRows(form)) {
    const seen = new Set<string>();
    rows.forEach(({ name }, i) => {
      const key = `${list}.${i}.${NAME_FIELD[list]}`;
      if (name === '') found[key] = 'is required';
      else if (seen.has(name)) found[key] = `${name} is listed twice`;
      seen.add(name);
    });
  }
  form.sectionRules.forEach((r, i) => {
    if (r.section.trim() === '') found[`sectionRules.${i}.section`] = 'is required';
  });
  return found;
}

/** `server`: the fields of the last save's refusal, by their path in the site document. */
export function siteFormErrors(form: SiteForm, server?: Record<string, string>): SiteFormErrors {
  const problems = siteProblems(toBody(form), EditableSite).map(({ path, message }) => [path, message] as const);
  const byField = rowProblems(form);
  const own = Object.keys(byField).length === 0 && problems.length === 0;
  const other: string[] = [];
  // Key problems of a string override belong to its key, the rest to its text.
  for (const [path, message] of [...problems, ...Object.entries(server ?? {})]) {
    let field = fieldOf(form, path);
    if (field?.startsWith('strings.') && !message.startsWith('is not a string')) field = field.replace(/\.key$/, '.value');
    if (field === null) {
      if (!other.some((o) => o.startsWith(`${path}:`))) other.push(`${path || '(the site)'}: ${message}`);
    } else byField[field] ??= message;
  }
  return { valid: own, byField, other };
}
