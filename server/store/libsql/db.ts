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
// What the clients report when the server cannot be reached, by runtime:
//   Node (undici): TypeError "fetch failed", its cause carrying ECONNREFUSED / ECONNRESET / UND_ERR_*;
//   workerd: Error "Network connection lost." (with retryable: true) or a connect() failure;
//   @libsql/client over HTTP: LibsqlError SERVER_ERROR for a 502/503/504 from a proxy or a restarting server,
//   HRANA_* codes when a stream or WebSocket breaks.
const UNREACHABLE =
  /ECONNREFUSED|ECONNRESET|EPIPE|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN|ENOTFOUND|ETIMEDOUT|fetch failed|socket hang up|other side closed|network connection lost|network error|connect\(\)|UND_ERR|HRANA_(CLOSED|WEBSOCKET)_ERROR|timed? ?out/i;
const UNAVAILABLE_STATUS = new Set([502, 503, 504]);

/** True when an error from the client means the database could not be reached (as opposed to a bad statement). */
export function isUnreachable(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const err = e as { message?: unknown; code?: unknown; status?: unknown; retryable?: unknown };
    if (err.retryable === true) return true;
    if (typeof err.status === 'number' && UNAVAILABLE_STATUS.has(err.status)) return true;
    if (UNREACHABLE.test(`${String(err.message ?? e)} ${String(err.code ?? '')}`)) return true;
  }
  return false;
}

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
      if (isUnreachable(error)) throw new StoreUnavailableError(error);
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
