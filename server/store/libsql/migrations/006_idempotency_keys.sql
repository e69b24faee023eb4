-- Idempotency keys: one row per key a sender used on a site's write routes. The row is written in
-- the same transaction as the change the request made (so a retry can never apply it twice), and
-- the answer (status and JSON body) right after, to be replayed to retries. Rows expire after a
-- day and are swept by later writes.
CREATE TABLE idempotency_keys (
  site_id TEXT NOT NULL,
  sender TEXT NOT NULL,          -- member:<sub> or api-key: keys of different senders never meet
  key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,     -- SHA-256 of method, path and body: the same key for another request is refused
  status INTEGER,                -- NULL until the answer is written
  body TEXT,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  PRIMARY KEY (site_id, sender, key)
);
CREATE INDEX idempotency_keys_expiry ON idempotency_keys(expires_at);
