// `npm run backup -- OUT`: a verified copy of the database LIBSQL_URL names (embedded file by
// default, or sqld/Turso) in one SQLite file at OUT. Safe while the server runs and writes.
import { DatabaseEnv, openLibsql } from '../server/runtime/libsql-client';
import { backupDatabase } from './backup/backup-database';

const out = process.argv[2];
if (!out || out.startsWith('-')) {
  console.error('Usage: npm run backup -- OUT.db');
  process.exit(2);
}
const env = DatabaseEnv.parse(process.env);
const client = await openLibsql(env, { intMode: 'bigint' });
const started = Date.now();
try {
  const facts = await backupDatabase(client, env.LIBSQL_URL, out, { log: console.log });
  const rows = Object.values(facts.counts).reduce((a, b) => a + b, 0);
  console.log(`Backed up ${env.LIBSQL_URL} to ${out} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${rows} rows, migrations up to ${facts.migrations.at(-1)}, integrity ok`);
} catch (error) {
  console.error(`Backup failed, nothing was written to ${out}: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  client.close();
}
