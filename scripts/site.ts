// `npm run site -- put FILE.json [--new-api-key]`: creates or updates a site from a JSON file
// (validated against the site schema) and, when asked, issues a fresh site API key, printed once.
// A file that is not valid is refused with one line per problem, saying what to change.
import { readFileSync } from 'node:fs';
import { SiteConfig } from '../shared/schemas/site';
import { siteProblems } from '../shared/site-problems';
import { applyMigrations, createLibsqlStore } from '../server/store/libsql';
import { loadMigrations } from '../server/runtime/load-migrations';
import { DatabaseEnv, openLibsql } from '../server/runtime/libsql-client';
import { newSiteApiKey } from '../server/services/site/api-key';
import { sha256Hex } from '../server/services/sha256';

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
const problems = siteProblems(json).map(({ path, message }) => `${path || '(the file)'}: ${message}`);
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
    const key = newSiteApiKey();
    apiKeyHash = await sha256Hex(key);
    console.log(`Site API key for ${site.id} (shown once; keep it secret): ${key}`);
  }
  await store.saveSite({ ...site, apiKeyHash }, Date.now());
  console.log(`Saved site ${site.id}.`);
} finally {
  client.close();
}
