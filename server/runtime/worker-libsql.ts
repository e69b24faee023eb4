// The worker's libSQL client: a new HTTP client for every call, so nothing of it outlives the
// request that made the call. One shared @libsql/client/web client is not safe in workerd: it
// runs at most 20 calls at once and starts the 21st from whichever call finishes first, that is
// inside another request, and workerd cancels a request that waits on I/O another one started.
// The HTTP client holds no connection of its own (each call is one fetch), so a fresh one per
// call costs an object, not a round trip.
import { createClient, type Client, type Config } from '@libsql/client/web';

export function clientPerCall(config: Config): Client {
  const fresh = () => createClient(config);
  return {
    protocol: 'http',
    closed: false,
    execute: ((stmt: Parameters<Client['execute']>[0], args?: Parameters<Client['execute']>[1]) =>
      fresh().execute(stmt as string, args)) as Client['execute'],
    batch: (stmts, mode) => fresh().batch(stmts, mode),
    migrate: (stmts) => fresh().migrate(stmts),
    transaction: ((mode) => fresh().transaction(mode)) as Client['transaction'],
    executeMultiple: (sql) => fresh().executeMultiple(sql),
    sync: () => fresh().sync(),
    // Nothing is held between calls: nothing to reset or close.
    reconnect: () => {},
    close: () => {},
  };
}
