// `npm run -s export -- --site ID > site.ndjson`: writes everything of a site as versioned NDJSON
// on stdout (see server/services/export/export-site.ts for what is in it and what is not),
// streamed page by page, waiting for stdout to drain so memory stays flat however large the site.
import { once } from 'node:events';
import { createLibsqlStore } from '../server/store/libsql';
import { DatabaseEnv, openLibsql } from '../server/runtime/libsql-client';
import { exportSite } from '../server/services/export/export-site';

const at = process.argv.indexOf('--site');
const siteId = at >= 0 ? process.argv[at + 1] : undefined;
if (!siteId) {
  console.error('usage: npm run -s export -- --site ID > site.ndjson');
  process.exit(2);
}
const client = await openLibsql(DatabaseEnv.parse(process.env));
try {
  const store = createLibsqlStore(client);
  const site = await store.getSite(siteId);
  if (!site) {
    console.error(`There is no site "${siteId}".`);
    process.exitCode = 1;
  } else {
    for await (const line of exportSite(store, site, Date.now())) {
      if (!process.stdout.write(`${line}\n`)) await once(process.stdout, 'drain');
    }
  }
} finally {
  client.close();
}
