// `npm run migrate`: applies pending migrations to the database LIBSQL_URL names (an embedded
// file by default, or any libSQL server: sqld, Turso) and lists what it applied.
import { applyMigrations } from '../server/store/libsql';
import { loadMigrations } from '../server/runtime/load-migrations';
import { DatabaseEnv, openLibsql } from '../server/runtime/libsql-client';

const env = DatabaseEnv.parse(process.env);
const client = await openLibsql(env);
try {
  const applied = await applyMigrations(client, loadMigrations());
  console.log(applied.length ? `Applied ${applied.join(', ')} to ${env.LIBSQL_URL}` : `${env.LIBSQL_URL} is up to date`);
} finally {
  client.close();
}
