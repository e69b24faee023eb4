// `npm run member -- data --site ID --sub SUB` prints everything held about a member as JSON;
// `npm run member -- erase --site ID --sub SUB` erases them (the site's erasure setting decides
// what becomes of their comments) and prints what went. The same services as the site API's.
import { parseArgs } from 'node:util';
import { applyMigrations, createLibsqlStore } from '../server/store/libsql';
import { loadMigrations } from '../server/runtime/load-migrations';
import { DatabaseEnv, openLibsql } from '../server/runtime/libsql-client';
import { serviceDeps } from '../server/app';
import { eraseMember, memberDataFor } from '../server/services/members/member-data';
import { AppError } from '../server/services/errors';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { site: { type: 'string' }, sub: { type: 'string' } } });
const [command] = positionals;
if ((command !== 'data' && command !== 'erase') || !values.site || !values.sub) {
  console.error('usage: npm run member -- <data|erase> --site SITE_ID --sub MEMBER_ID');
  process.exit(2);
}
const client = await openLibsql(DatabaseEnv.parse(process.env));
try {
  await applyMigrations(client, loadMigrations());
  const store = createLibsqlStore(client);
  const site = await store.getSite(values.site);
  if (!site) throw new AppError('site_not_found', `No site ${values.site}`);
  const deps = serviceDeps({ store });
  const result = command === 'data' ? await memberDataFor(deps, site, values.sub) : await eraseMember(deps, site, values.sub);
  console.log(JSON.stringify(result, null, 2));
} catch (error) {
  console.error(error instanceof AppError ? error.message : error);
  process.exitCode = 1;
} finally {
  client.close();
}
