// `npm run restore -- IN [--force]`: puts a backup made by `npm run backup` back as the database
// LIBSQL_URL names. An embedded file is replaced whole (stop the server first; --force to replace
// an existing file); a libSQL server must be empty and is filled in one transaction.
import { DatabaseEnv, openLibsql } from '../server/runtime/libsql-client';
import { isEmbedded } from './backup/backup-database';
import { restoreToFile, restoreToServer } from './backup/restore-database';

const args = process.argv.slice(2);
const input = args.find((a) => !a.startsWith('-'));
if (!input) {
  console.error('Usage: npm run restore -- IN.db [--force]');
  process.exit(2);
}
const env = DatabaseEnv.parse(process.env);
const force = args.includes('--force');
try {
  const facts = isEmbedded(env.LIBSQL_URL)
    ? await restoreToFile(input, env.LIBSQL_URL.slice('file:'.length), { force })
    : await restoreTo(env);
  const rows = Object.values(facts.counts).reduce((a, b) => a + b, 0);
  console.log(`Restored ${input} to ${env.LIBSQL_URL}: ${rows} rows, migrations up to ${facts.migrations.at(-1)}, integrity ok`);
} catch (error) {
  console.error(`Restore failed: ${(error as Error).message}`);
  process.exitCode = 1;
}

async function restoreTo(env: DatabaseEnv) {
  const client = await openLibsql(env, { intMode: 'bigint' });
  try {
    return await restoreToServer(input!, client, { log: console.log });
  } finally {
    client.close();
  }
}
