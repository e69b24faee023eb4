// One handle for every libSQL query module: reads go straight to the client, writes through
// a single in-process queue. Embedded libSQL blocks the event loop and a second concurrent
// writer hits SQLITE_BUSY, after which the client silently drops commits until reconnected;
// one queue makes that impossible from inside this process.
import type { Client, InStatement, ResultSet } from '@libsql/client';

export class StoreUnavailableError extends Error {
  constructor(cause: unknown) {
    super('The database is unavailable', { cause });
    this.name = 'StoreUnavailableError';
  }
}

export interface Db {
  read(stmt: InStatement): Promise<ResultSet>;
  /** Runs the statements as one write transaction, in order with every other write of this process. */
  write(stmts: InStatement[]): Promise<ResultSet[]>;
}

const BUSY = /SQLITE_BUSY|database is locked/i;
const UNREACHABLE = /ECONNREFUSED|ECONNRESET|fetch failed|ETIMEDOUT|socket hang up|network|HRANA|timed? ?out|UND_ERR|other side closed/i;

export function createDb(client: Client): Db {
  let tail: Promise<unknown> = Promise.resolve();

  async function guard<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      const message = String((error as Error)?.message ?? error) + ' ' + String((error as { code?: string })?.code ?? '');
      if (BUSY.test(message)) {
        // After SQLITE_BUSY the client must be reconnected before it is trusted again.
        await client.reconnect();
        throw new StoreUnavailableError(error);
      }
      if (UNREACHABLE.test(message)) throw new StoreUnavailableError(error);
      throw error;
    }
  }

  return {
    read: (stmt) => guard(() => client.execute(stmt)),
    write(stmts) {
      const run = tail.then(() => guard(() => client.batch(stmts, 'write')));
      tail = run.catch(() => undefined);
      return run;
    },
  };
}
