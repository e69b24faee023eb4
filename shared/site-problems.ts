// What is wrong with a site's configuration, one sentence per field, worded the same for the site
// command (`npm run site -- put`) and the dashboard's Site page (`PUT /moderation/site`).
import type * as z from 'zod/mini';
import { SiteConfig } from './schemas/site';
import { isStringKey } from './string-keys';
import { describeIssue } from './validation';

export interface SiteProblem {
  /** Where: a dotted path ("allowedOrigins.1"), a `strings` key quoted; "" for the whole document. */
  path: string;
  message: string;
}

const STRING_KEYS = 'a key of the widget\'s catalogue (see STRINGS in shared/strings.ts, such as "comments" or "sort.newest"), or error.CODE for an error code (such as "error.token_expired")';

/** Where in the document, with a `strings` key quoted since it may hold anything. */
export function where(path: readonly PropertyKey[]): string {
  if (path[0] === 'settings' && path[1] === 'strings' && path.length > 2) return `settings.strings[${JSON.stringify(String(path[2]))}]`;
  return path.map(String).join('.');
}

export function describe(issue: z.core.$ZodIssue): string {
  const inStrings = issue.path[0] === 'settings' && issue.path[1] === 'strings';
  if (issue.code === 'invalid_key' && inStrings) return `is not a string key: use ${STRING_KEYS}`;
  if (issue.code === 'invalid_key') return issue.issues.map(describeIssue).join('; ');
  return describeIssue(issue);
}

/**
 * The problems with a site document, none when it may be saved: the schema's (the site file's by
 * default; the Site page's sends EditableSite), then string keys of the right shape that the widget
 * has no string for, which would silently change nothing.
 */
export function siteProblems(json: unknown, schema: z.ZodMiniType = SiteConfig): SiteProblem[] {
  // With the input in each issue, a value left empty reads "is required" rather than its expected type.
  const parsed = schema.safeParse(json, { reportInput: true });
  const problems: SiteProblem[] = parsed.success ? [] : parsed.error.issues.map((issue) => ({ path: where(issue.path), message: describe(issue) }));
  const strings = (json as { settings?: { strings?: unknown } } | null)?.settings?.strings;
  const keys = strings && typeof strings === 'object' ? Object.keys(strings) : [];
  for (const key of keys) {
    const at = where(['settings', 'strings', key]);
    if (!isStringKey(key) && !problems.some((p) => p.path === at)) problems.push({ path: at, message: `is not a string the widget shows: use ${STRING_KEYS}` });
  }
  return problems;
}

/** The problems as an error's `fields`: the first sentence for each path ("_" for the whole document). */
export function problemFields(problems: readonly SiteProblem[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const { path, message } of problems) {
    const key = path || '_';
    // Keys come from the request ("settings.strings[…]"): defined as own data, never through a setter.
    if (!Object.prototype.hasOwnProperty.call(fields, key)) Object.defineProperty(fields, key, { value: message, enumerable: true, writable: true, configurable: true });
  }
  return fields;
}
