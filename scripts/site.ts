// `npm run site -- put FILE.json [--new-api-key]`: creates or updates a site from a JSON file
// (validated against the site schema) and, when asked, issues a fresh site API key, printed once.
import { readFileSync } from 'node:fs';
import { SiteConfig } from '../shared/schemas/site';
import { issuesToFields } from '../shared/validation';
import { applyMigrations, createLibsqlStore } from '../server/store/libsql';
import { loadMigrations } from '../server/runtime/load-migrations';
import { DatabaseEnv, openLibsql } from '../server/runtime/libsql-client';
import { sha256Hex } from '../server/services/sha256';

const [command, file, ...flags] = process.argv.slice(2);
if (command !== 'put' || !file) {
  console.error('usage: npm run site -- put SITE.json [--new-api-key]');
  process.exit(2);
}
const parsed = SiteConfig.safeParse(JSON.parse(readFileSync(file, 'utf8')));
if (!parsed.success) {
  console.error('The site file is not valid:', issuesToFields(parsed.error.issues));
  process.exit(1);
}
const client = await openLibsql(DatabaseEnv.parse(process.env));
try {
  await applyMigrations(client, loadMigrations());
  const store = createLibsqlStore(client);
  const existing = await store.getSite(parsed.data.id);
  let apiKeyHash = existing?.apiKeyHash ?? null;
  if (flags.includes('--new-api-key') || !apiKeyHash) {
    const key = 'pk_' + [...crypto.getRandomValues(new Uint8Array(24))].map((b) => b.toString(16).padStart(2, '0')).join('');
    apiKeyHash = await sha256Hex(key);
    console.log(`Site API key for ${parsed.data.id} (shown once; keep it secret): ${key}`);
  }
  await store.saveSite({ ...parsed.data, apiKeyHash }, Date.now());
  console.log(`Saved site ${parsed.data.id}.`);
} finally {
  client.close();
}
