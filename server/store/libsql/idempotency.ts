// Idempotency keys in libSQL. A request's key is claimed by the first change it writes, inside that
// write's own transaction: a plain INSERT, so a second request with the same key (a retry racing
// the first, or arriving while the first is stuck at the database) fails on the primary key and
// its whole transaction rolls back. Whatever happens to the answer, the change is applied once.
import type { InStatement } from '@libsql/client';
import type { Db } from './db';
import type { IdempotencyClaim, IdempotencyRecord } from '../idempotency-port';

/** The key was claimed by another request first; nothing of this request's write was kept. */
export class IdempotencyKeyTakenError extends Error {
  constructor() {
    super('Another request with this Idempotency-Key was applied first');
    this.name = 'IdempotencyKeyTakenError';
  }
}

const TAKEN = /UNIQUE constraint failed: idempotency_keys\./i;

function isTaken(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (TAKEN.test(String((e as { message?: unknown }).message ?? e))) return true;
  }
  return false;
}

/** Expired keys swept per answer written: cleanup keeps pace with traffic, without a timer. */
const SWEEP_BATCH = 100;

function claimStatements(c: IdempotencyClaim): InStatement[] {
  return [
    // An expired row for the same key gives way; a live one makes the INSERT fail.
    { sql: 'DELETE FROM idempotency_keys WHERE site_id = ? AND sender = ? AND key = ? AND expires_at <= ?', args: [c.siteId, c.sender, c.key, c.now] },
    {
      sql: 'INSERT INTO idempotency_keys (site_id, sender, key, fingerprint, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
      args: [c.siteId, c.sender, c.key, c.fingerprint, c.now, c.expiresAt],
    },
  ];
}

/** A Db whose first write carries the claim; later writes of the same request go as they are. */
export function claimingDb(db: Db, claim: IdempotencyClaim): Db & { claimed(): boolean } {
  let claimed = false;
  const extra = claimStatements(claim).length;
  return {
    read: (stmt) => db.read(stmt),
    async write(stmts) {
      if (claimed) return db.write(stmts);
      try {
        const results = await db.write([...claimStatements(claim), ...stmts]);
        claimed = true;
        return results.slice(extra);
      } catch (error) {
        if (isTaken(error)) throw new IdempotencyKeyTakenError();
        throw error;
      }
    },
    claimed: () => claimed,
  };
}

export async function findIdempotencyRecord(db: Db, siteId: string, sender: string, key: string, now: number): Promise<IdempotencyRecord | null> {
  const rs = await db.read({
    sql: 'SELECT fingerprint, status, body, created_at FROM idempotency_keys WHERE site_id = ? AND sender = ? AND key = ? AND expires_at > ?',
    args: [siteId, sender, key, now],
  });
  const r = rs.rows[0];
  if (!r) return null;
  return { fingerprint: String(r.fingerprint), status: r.status == null ? null : Number(r.status), body: r.body == null ? null : String(r.body), createdAt: Number(r.created_at) };
}

export async function saveIdempotencyOutcome(db: Db, c: IdempotencyClaim, status: number, body: string): Promise<void> {
  await db.write([
    claimStatements(c)[0],
    {
      // The claim's own row when the request wrote one; otherwise (a request that changed nothing) a new row.
      sql: `INSERT INTO idempotency_keys (site_id, sender, key, fingerprint, status, body, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (site_id, sender, key) DO UPDATE SET status = excluded.status, body = excluded.body
            WHERE idempotency_keys.fingerprint = excluded.fingerprint AND idempotency_keys.status IS NULL`,
      args: [c.siteId, c.sender, c.key, c.fingerprint, status, body, c.now, c.expiresAt],
    },
    {
      sql: 'DELETE FROM idempotency_keys WHERE rowid IN (SELECT rowid FROM idempotency_keys WHERE expires_at <= ? LIMIT ?)',
      args: [c.now, SWEEP_BATCH],
    },
  ]);
}
