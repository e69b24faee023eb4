// The storage port's idempotency half: keys claimed in the change's own transaction, answers kept
// for replay. See server/middleware/idempotency.
import type { Store } from './port';

export interface IdempotencyClaim {
  siteId: string;
  sender: string;
  key: string;
  fingerprint: string;
  now: number;
  expiresAt: number;
}

export interface IdempotencyRecord {
  fingerprint: string;
  /** null while the request that claimed the key has not written its answer. */
  status: number | null;
  body: string | null;
  createdAt: number;
}

/** A store for one request: its first change write also claims the key, in the same transaction. */
export interface ClaimingStore {
  store: Store;
  /** True once a write of this request (and with it the claim) has committed. */
  claimed(): boolean;
}

export interface IdempotencyStore {
  /** The key's record, unless it has expired by `now`. */
  findIdempotencyRecord(siteId: string, sender: string, key: string, now: number): Promise<IdempotencyRecord | null>;
  claimingStore(claim: IdempotencyClaim): ClaimingStore;
  /** Writes the answer for a claimed (or not yet claimed) key, and sweeps some expired keys. */
  saveIdempotencyOutcome(claim: IdempotencyClaim, status: number, body: string): Promise<void>;
}
