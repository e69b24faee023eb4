// A process that opens LIBSQL_URL as the server does and applies the migrations at the moment
// START_AT names (ms since the epoch), so several started apart still migrate at the same time.
import { applyMigrations } from '../../server/store/libsql';
import { loadMigrations } from '../../server/runtime/load-migrations';
import { DatabaseEnv, openLibsql } from '../../server/runtime/libsql-client';

const startAt = Number(process.env.START_AT ?? 0);
await new Promise((resolve) => setTimeout(resolve, Math.max(0, startAt - Date.now())));
const client = await openLibsql(DatabaseEnv.parse(process.env));
try {
  console.log(JSON.stringify(await applyMigrations(client, loadMigrations())));
} finally {
  client.close();
}
