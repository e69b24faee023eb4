// A process that runs one dispatcher pass on a database file, for tests that kill it mid-delivery.
//   tsx test/support/dispatch-child.ts file:/tmp/x.db
import { createClient } from '@libsql/client';
import { createLibsqlStore } from '../../server/store/libsql';
import { dispatchOnce } from '../../server/services/events/dispatch';
import { nodeOutbound } from '../../server/runtime/node-outbound';

const client = createClient({ url: process.argv[2] });
const store = createLibsqlStore(client);
const report = await dispatchOnce({ store, now: Date.now, newId: () => 'x', ipSalt: 'x', outbound: nodeOutbound, privateNetworkAllowed: true }, { timeoutMs: 60_000 });
console.log(JSON.stringify(report));
client.close();
