// `npm run site -- put FILE.json [--new-api-key]`: creates or updates a site from a JSON file
// (validated against the site schema) and, when asked, issues a fresh site API key, printed once.
// A file that is not valid is refused with one line per problem, saying what to change.
import { readFileSync } from 'node:fs';
import type * as z from 'zod/mini';
import { SiteConfig } from '../shared/schemas/site';
import { isStringKey } from '../shared/string-keys';
import { describeIssue } from '../shared/validation';
import { applyMigrations, createLibsqlStore } from '../server/store/libsql';
import { loadMigrations } from '../server/runtime/load-migrations';
import { DatabaseEnv, openLibsql } from '../server/runtime/libsql-client';
import { sha256Hex } from '../server/services/sha256';

const STRING_KEYS = 'a key of the widget\'s catalogue (see STRINGS in shared/strings.ts, such as "comments" or "sort.newest"), or error.CODE for an error code (such as "error.token_expired")';

/** Where in the file, with a `strings` key quoted since it may hold anything. */
function where(path: readonly PropertyKey[]): string {
  if (path[0] === 'settings' && path[1] === 'strings' && path.length > 2) return `settings.strings[${JSON.stringify(String(path[2]))}]`;
  return path.map(String).join('.') || '(the file)';
}

function describe(issue: z.core.$ZodIssue): string {
  const inStrings = issue.path[0] === 'settings' && issue.path[1] === 'strings';
  if (issue.code === 'invalid_key' && inStrings) return `is not a string key: use ${STRING_KEYS}`;
  if (issue.code === 'invalid_key') return issue.issues.map(describeIssue).join('; ');
  return describeIssue(issue);
}

/** The problems with a site file's contents, one sentence each; none when it may be saved. */
function siteFileProblems(json: unknown): string[] {
  const parsed = SiteConfig.safeParse(json);
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => `${where(issue.path)}: ${describe(issue)}`);
  // Keys of the right shape that the widget has no string for would silently change nothing.
  const strings = (json as { settings?: { strings?: unknown } } | null)?.settings?.strings;
  const keys = strings && typeof strings === 'object' ? Object.keys(strings) : [];
  for (const key of keys) {
    const at = where(['settings', 'strings', key]);
    if (!isStringKey(key) && !problems.some((p) => p.startsWith(`${at}:`))) problems.push(`${at}: is not a string the widget shows: use ${STRING_KEYS}`);
  }
  return problems;
}

const [command, file, ...flags] = process.argv.slice(2);
if (command !== 'put' || !file) {
  console.error('usage: npm run site -- put SITE.json [--new-api-key]');
  process.exit(2);
}
let json: unknown;
try {
  json = JSON.parse(readFileSync(file, 'utf8'));
} catch (error) {
  console.error(`The site file ${file} could not be read as JSON: ${(error as Error).message}`);
  process.exit(1);
}
const problems = siteFileProblems(json);
if (problems.length) {
  console.error(`The site file ${file} is not valid:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  process.exit(1);
}
const site = SiteConfig.parse(json);
const client = await openLibsql(DatabaseEnv.parse(process.env));
try {
  await applyMigrations(client, loadMigrations());
  const store = createLibsqlStore(client);
  const existing = await store.getSite(site.id);
  let apiKeyHash = existing?.apiKeyHash ?? null;
  if (flags.includes('--new-api-key') || !apiKeyHash) {
    const key = 'pk_' + [...crypto.getRandomValues(new Uint8Array(24))].map((b) => b.toString(16).padStart(2, '0')).join('');
    apiKeyHash = await sha256Hex(key);
    console.log(`Site API key for ${site.id} (shown once; keep it secret): ${key}`);
  }
  await store.saveSite({ ...site, apiKeyHash }, Date.now());
  console.log(`Saved site ${site.id}.`);
} finally {
  client.close();
}
