// One handle for every libSQL query module: reads go straight to the client, writes through
// a single in-process queue. Embedded libSQL blocks the event loop and a second concurrent
// writer hits SQLITE_BUSY, after which the client silently drops commits until reconnected;
// one queue makes that impossible from inside this process.
//
// The queue group-commits: writes that arrive while another is in flight (or in the same turn of
// the event loop) run together as one transaction, so many comments share one disk sync. If the
// group fails, each write is retried alone, so one bad write never takes others down with it.
//
// Workers get no queue (`groupCommit: false`): there a write in the queue would be sent, and its
// promise settled, from inside whichever request happened to drain it, and workerd forbids a
// request to wait on I/O another request started (it cancels the waiter as hung, with a 500).
// Each request's write is then its own `batch(…, 'write')`, and the server serialises them.
import type { Client, InStatement, ResultSet } from '@libsql/client';

/**
 * Why the database could not serve: the disk (or the database's size limit) is full, another
 * writer held the lock past the busy timeout, the server could not be reached, or it did not
 * answer within the bounded wait.
 */
export type UnavailableKind = 'disk_full' | 'locked' | 'unreachable' | 'timeout';

export class StoreUnavailableError extends Error {
  constructor(
    cause: unknown,
    readonly kind: UnavailableKind = 'unreachable',
  ) {
    super(`The database is unavailable (${kind})`, { cause });
    this.name = 'StoreUnavailableError';
  }
}

export interface Db {
  read(stmt: InStatement): Promise<ResultSet>;
  /** Runs the statements as one write transaction, in order with every other write of this process. */
  write(stmts: InStatement[]): Promise<ResultSet[]>;
}

const BUSY = /SQLITE_BUSY|SQLITE_LOCKED|database is locked|database table is locked/i;
// SQLITE_FULL: the disk is full, or the database reached its max_page_count. Nothing of the
// failed transaction is kept, and the same client works again once there is room.
const FULL = /SQLITE_FULL|database or disk is full/i;
// What the clients report when the server cannot be reached, by runtime:
//   Node (undici): TypeError "fetch failed", its cause carrying ECONNREFUSED / ECONNRESET / UND_ERR_*;
//   workerd: Error "Network connection lost." (with retryable: true) or a connect() failure;
//   @libsql/client over HTTP: LibsqlError SERVER_ERROR for a 502/503/504 from a proxy or a restarting server,
//   HRANA_* codes when a stream or WebSocket breaks.
const UNREACHABLE =
  /ECONNREFUSED|ECONNRESET|EPIPE|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN|ENOTFOUND|ETIMEDOUT|fetch failed|socket hang up|other side closed|network connection lost|network error|connect\(\)|UND_ERR|HRANA_(CLOSED|WEBSOCKET)_ERROR|timed? ?out/i;
// 429: a libSQL server past its limit of concurrent requests (sqld --max-concurrent-requests)
// is busy, not broken: the client is told to retry, like any other unavailability.
const UNAVAILABLE_STATUS = new Set([429, 502, 503, 504]);

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

interface PendingWrite {
  stmts: InStatement[];
  resolve(results: ResultSet[]): void;
  reject(error: unknown): void;
}

/** Statements one group transaction may carry; beyond it the rest waits for the next group. */
const MAX_GROUP_STATEMENTS = 2000;

/**
 * How long a read from a libSQL server may take before the database counts as unavailable, so a
 * stalled server turns into kept copies or a 503 rather than requests that hang. Embedded reads
 * are synchronous and need none. Writes get no such limit: one abandoned on a timer could still
 * commit after its author was told it failed.
 */
export const REMOTE_READ_TIMEOUT_MS = 2500;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  if (ms <= 0) return work;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StoreUnavailableError(new Error(`no answer within ${ms} ms`), 'timeout')), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export interface DbOptions {
  readTimeoutMs?: number;
  /** Share one transaction among writes that overlap (default true; false on Workers, see above). */
  groupCommit?: boolean;
}

export function createDb(client: Client, options: DbOptions = {}): Db {
  const pending: PendingWrite[] = [];
  let draining = false;
  const readTimeoutMs = options.readTimeoutMs ?? (client.protocol === 'file' ? 0 : REMOTE_READ_TIMEOUT_MS);

  async function guard<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      const message = String((error as Error)?.message ?? error) + ' ' + String((error as { code?: string })?.code ?? '');
      if (BUSY.test(message)) {
        // After SQLITE_BUSY the client must be reconnected before it is trusted again.
        await client.reconnect();
        throw new StoreUnavailableError(error, 'locked');
      }
      if (FULL.test(message)) throw new StoreUnavailableError(error, 'disk_full');
      if (error instanceof StoreUnavailableError) throw error;
      if (isUnreachable(error)) throw new StoreUnavailableError(error, 'unreachable');
      throw error;
    }
  }

  function takeGroup(): PendingWrite[] {
    const group = [pending.shift()!];
    let size = group[0].stmts.length;
    while (pending.length && size + pending[0].stmts.length <= MAX_GROUP_STATEMENTS) {
      size += pending[0].stmts.length;
      group.push(pending.shift()!);
    }
    return group;
  }

  async function runAlone(write: PendingWrite): Promise<void> {
    try {
      write.resolve(await guard(() => client.batch(write.stmts, 'write')));
    } catch (error) {
      write.reject(error);
    }
  }

  async function runGroup(group: PendingWrite[]): Promise<void> {
    if (group.length === 1) return runAlone(group[0]);
    let results: ResultSet[];
    try {
      results = await guard(() => client.batch(group.flatMap((w) => w.stmts), 'write'));
    } catch (error) {
      // Nothing of the group was committed. When the database is gone, every write fails the
      // same way; otherwise find the one that failed by running each on its own.
      if (error instanceof StoreUnavailableError) return group.forEach((w) => w.reject(error));
      for (const write of group) await runAlone(write);
      return;
    }
    let at = 0;
    for (const write of group) {
      write.resolve(results.slice(at, at + write.stmts.length));
      at += write.stmts.length;
    }
  }

  async function drain(): Promise<void> {
    draining = true;
    // Let writes submitted in this turn of the event loop join the first group: setImmediate runs
    // right after the I/O callbacks of this turn (Node); elsewhere the next timer tick does.
    await new Promise<void>((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));
    while (pending.length) await runGroup(takeGroup());
    draining = false;
  }

  return {
    read: (stmt) => guard(() => withTimeout(client.execute(stmt), readTimeoutMs)),
    write(stmts) {
      if (options.groupCommit === false) return guard(() => client.batch(stmts, 'write'));
      return new Promise<ResultSet[]>((resolve, reject) => {
        pending.push({ stmts, resolve, reject });
        if (!draining) void drain();
      });
    },
  };
}
