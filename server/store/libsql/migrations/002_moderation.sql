-- Moderation: why a comment is where it is, reader reports, the audit log, nudges.
ALTER TABLE comments ADD COLUMN reasons TEXT NOT NULL DEFAULT '[]';      -- JSON Reason[]
ALTER TABLE comments ADD COLUMN ip_hash TEXT;                            -- salted hash, for flooding only
ALTER TABLE comments ADD COLUMN open_reports INTEGER NOT NULL DEFAULT 0; -- reports since the last review
ALTER TABLE comments ADD COLUMN reviewed_at INTEGER;
ALTER TABLE comments ADD COLUMN reviewed_by TEXT;
ALTER TABLE comments ADD COLUMN reject_reason TEXT;
ALTER TABLE threads ADD COLUMN premoderate INTEGER NOT NULL DEFAULT 0;

-- Queues: a range scan per site and status, newest first.
CREATE INDEX comments_site_status ON comments(site_id, status, created_at);
CREATE INDEX comments_site_reported ON comments(site_id, open_reports, created_at) WHERE open_reports > 0;
CREATE INDEX comments_site_ip ON comments(site_id, ip_hash, created_at);
CREATE INDEX comments_site_time ON comments(site_id, created_at);
-- The featured ("editor's pick") comments of a thread.
CREATE INDEX comments_thread_featured ON comments(thread_id, featured) WHERE featured = 1;

CREATE TABLE reports (
  comment_id TEXT NOT NULL REFERENCES comments(id),
  user_id TEXT NOT NULL REFERENCES users(id),
  site_id TEXT NOT NULL,
  reason TEXT NOT NULL CHECK (reason IN ('personal_attack', 'fear_anger', 'spam', 'off_topic', 'other')),
  note TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  resolved_at INTEGER,
  PRIMARY KEY (comment_id, user_id)
) WITHOUT ROWID;

-- Append-only: rows are never updated except to mark an action undone.
CREATE TABLE moderation_actions (
  id TEXT PRIMARY KEY,
  site_id TEXT NOT NULL,
  actor TEXT NOT NULL,            -- "user:<id>" or "api-key"
  actor_name TEXT NOT NULL,
  action TEXT NOT NULL,
  target_type TEXT NOT NULL,      -- comment | user | thread
  target_id TEXT NOT NULL,
  before TEXT NOT NULL,           -- JSON state before
  after TEXT NOT NULL,            -- JSON state after
  detail TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  undone_by TEXT                  -- id of the action that undid this one
);
CREATE INDEX moderation_actions_site_time ON moderation_actions(site_id, created_at);
CREATE INDEX moderation_actions_target ON moderation_actions(site_id, target_type, target_id, created_at);

CREATE TABLE nudge_events (
  site_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('shown', 'posted_anyway', 'revised')),
  rule_ids TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX nudge_events_site_time ON nudge_events(site_id, created_at);
