-- The transactional outbox: every change someone may want to hear about writes one row here in
-- the same transaction as the change. The dispatcher fans each event out to deliveries (one per
-- webhook endpoint that wants it) and sends those at least once, with backoff, until delivered
-- or dead-lettered.
CREATE TABLE outbox_events (
  id TEXT PRIMARY KEY,                  -- derived from what caused it: '<action or comment id>.<type>'
  site_id TEXT NOT NULL,
  type TEXT NOT NULL,                   -- comment.created, comment.published, member.banned, ...
  payload TEXT NOT NULL,                -- JSON, versioned (shared/schemas/events.ts)
  created_at INTEGER NOT NULL,
  fanned_out INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX outbox_events_unfanned ON outbox_events(created_at, id) WHERE fanned_out = 0;
CREATE INDEX outbox_events_created ON outbox_events(created_at);

CREATE TABLE webhook_endpoints (
  id TEXT PRIMARY KEY,
  site_id TEXT NOT NULL REFERENCES sites(id),
  url TEXT NOT NULL,
  secret TEXT NOT NULL,                 -- whsec_<base64>, per Standard Webhooks
  event_types TEXT NOT NULL,            -- JSON array of types; ["*"] for every event
  enabled INTEGER NOT NULL DEFAULT 1,
  description TEXT NOT NULL DEFAULT '',
  allow_private_network INTEGER NOT NULL DEFAULT 0, -- http or a private address (Node only)
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX webhook_endpoints_site ON webhook_endpoints(site_id);

CREATE TABLE deliveries (
  id TEXT PRIMARY KEY,                  -- '<event id>:<endpoint id>', so fanning out twice adds nothing
  site_id TEXT NOT NULL,
  event_id TEXT NOT NULL REFERENCES outbox_events(id),
  endpoint_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'delivered', 'dead')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_at INTEGER NOT NULL,             -- when a pending delivery may be tried
  lease_until INTEGER,                  -- a 'sending' delivery past this was abandoned: tried again
  last_status INTEGER,                  -- the receiver's HTTP status, if it answered
  last_error TEXT,
  delivered_at INTEGER,
  created_at INTEGER NOT NULL
);
CREATE INDEX deliveries_due ON deliveries(status, next_at);
CREATE INDEX deliveries_site ON deliveries(site_id, created_at);
CREATE INDEX deliveries_event ON deliveries(event_id);
CREATE INDEX deliveries_created ON deliveries(created_at);
CREATE INDEX deliveries_endpoint_sending ON deliveries(endpoint_id, status);

-- One dispatcher at a time when several processes share a database: the holder renews its lease.
CREATE TABLE dispatcher_leases (
  name TEXT PRIMARY KEY,
  holder TEXT NOT NULL,
  until INTEGER NOT NULL
);
